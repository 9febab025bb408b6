// Writing small pieces of a flow into its text the way the text already is: a plain value as
// YAML block lines or as indented JSON, and a name as a scalar of the right quoting.
import type { OffsetRange } from '../parse/tree';

export type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/** YAML needs quotes for this string (it would read as something else plain). */
function needsQuotes(s: string): boolean {
  return s === '' || !/^[A-Za-z_$<][^#]*$/.test(s) || /: |:$|\s$|^(true|false|null|yes|no|on|off|~)$/i.test(s) || /^[\d.+-]/.test(s);
}

export function yamlScalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  return needsQuotes(v) ? JSON.stringify(v) : v;
}

/** A mapping as YAML block lines (no indentation on the first level). */
export function yamlLines(value: { [key: string]: Plain }): string[] {
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (Array.isArray(v)) {
      out.push(`${key}:`);
      for (const item of v) {
        if (typeof item === 'object' && !Array.isArray(item)) {
          const lines = yamlLines(item);
          lines.forEach((l, i) => out.push(i === 0 ? `  - ${l}` : `    ${l}`));
        } else {
          out.push(`  - ${yamlScalar(item as string | number | boolean)}`);
        }
      }
    } else if (typeof v === 'object') {
      out.push(`${key}:`);
      for (const l of yamlLines(v)) out.push(`  ${l}`);
    } else {
      out.push(`${key}: ${yamlScalar(v)}`);
    }
  }
  return out;
}

/** Where the line holding `offset` starts and ends (the end excludes the line break). */
export function lineBounds(text: string, offset: number): OffsetRange {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start, end: nl < 0 ? text.length : nl };
}

/** For a block sequence item (`  - Type: ...`): the columns of its dash and of its first key. */
export function blockItemColumns(text: string, itemStart: number): { dash: number; key: number } | undefined {
  const { start } = lineBounds(text, itemStart);
  const prefix = text.slice(start, itemStart);
  const m = /^(\s*)-(\s+)$/.exec(prefix);
  if (!m) return undefined;
  return { dash: m[1]!.length, key: prefix.length };
}

/** JSON text of a value, every line after the first indented to `column`. */
export function jsonAt(value: Plain, column: number): string {
  return JSON.stringify(value, null, 2).split('\n').map((l, i) => (i === 0 ? l : ' '.repeat(column) + l)).join('\n');
}
