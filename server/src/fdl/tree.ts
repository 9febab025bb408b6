// Small readers over the positioned tree shared by every FDL feature.
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node, ObjectNode, OffsetRange, ScalarNode } from '../parse/tree';
import type { TextReader } from '../parse/pieceText';
import { rangeOf } from '../parse/positions';

export function asObject(node: Node | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

export function asStringScalar(node: Node | undefined): (ScalarNode & { value: string }) | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? (node as ScalarNode & { value: string }) : undefined;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

export function isTrue(node: Node | undefined): boolean {
  return node?.kind === 'scalar' && node.value === true;
}

export function diagnostic(
  doc: TextDocument, r: OffsetRange, severity: DiagnosticSeverity, code: string, message: string, data?: unknown,
): Diagnostic {
  const d: Diagnostic = { range: rangeOf(doc, r), severity, code, source: 'flowdeck', message };
  if (data !== undefined) d.data = data;
  return d;
}

/**
 * Where the characters of a string scalar's value start in the document, when every character of
 * the value maps one-to-one onto the source (plain or quoted without escapes). Undefined for
 * folded, block or escaped scalars: callers then underline the whole value.
 */
export function valueTextStart(text: TextReader, node: ScalarNode & { value: string }): number | undefined {
  const content = node.contentRange ?? node.range;
  if (content.end - content.start === node.value.length && text.startsWith(node.value, content.start)) return content.start;
  const r = node.range;
  if (r.end - r.start === node.value.length && text.startsWith(node.value, r.start)) return r.start;
  if (r.end - r.start === node.value.length + 2 && text.startsWith(node.value, r.start + 1)) return r.start + 1;
  return undefined;
}

/** Maps a span inside a string value to document offsets (or the whole value when it cannot). */
export function spanInValue(text: TextReader, node: ScalarNode & { value: string }, start: number, end: number): OffsetRange {
  const base = valueTextStart(text, node);
  if (base === undefined) return node.range;
  return { start: base + start, end: base + Math.max(end, start) };
}
