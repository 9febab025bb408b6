// The few XML documents the object store answers with (OSS speaks XML, not JSON).

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

/** `<Name>value</Name>` for each entry; nested arrays of entries become repeated elements. */
export type XmlNode = readonly [string, string | number | boolean | readonly XmlNode[]];

export function xmlElement([name, value]: XmlNode): string {
  const inner = Array.isArray(value) ? (value as readonly XmlNode[]).map(xmlElement).join('') : escapeXml(String(value));
  return `<${name}>${inner}</${name}>`;
}

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlElement(root)}`;
}
