// CSV as RFC 4180 writes it: comma-separated fields, double quotes around fields that hold commas,
// quotes or line breaks, a doubled quote for a quote inside. Lines end in LF or CRLF.

/** The rows of `text`; a trailing line break does not make an empty last row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 byte order mark is not data
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('a quoted field is not closed before the end of the file');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by `headers` (or, without them, by the first row). */
export function csvRecords(text: string, headers?: readonly string[]): Record<string, string>[] {
  const rows = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
  const names = headers ?? rows.shift() ?? [];
  return rows.map((r, line) => {
    if (r.length !== names.length) {
      throw new Error(`row ${line + (headers ? 1 : 2)} has ${r.length} fields but there are ${names.length} columns (${names.join(', ')})`);
    }
    const out: Record<string, string> = {};
    names.forEach((n, k) => (out[n] = r[k] as string));
    return out;
  });
}
