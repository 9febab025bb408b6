// Shared helpers of the FDL tests: documents from inline text, ranges by substring.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { createLanguageService, type FlowLanguageService } from '../../../server/src/service/languageService';

let counter = 0;

export function docOf(text: string, name = 'flow.flow.yaml', languageId = 'yaml'): TextDocument {
  counter++;
  return TextDocument.create(`file:///test/${counter}/${name}`, languageId, 1, text);
}

/** The range of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const doc = TextDocument.create('file:///x', 'yaml', 1, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
}

/** The position just after the `occurrence`-th `needle` (where a cursor would be after typing it). */
export function after(text: string, needle: string, occurrence = 0): Position {
  return rangeOf(text, needle, occurrence).end;
}

export function service(logged: string[] = []): FlowLanguageService {
  return createLanguageService({ logger: (level, message) => logged.push(`${level}: ${message}`) });
}

export function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** Diagnostics as compact `code@line:char-line:char` strings, for exact comparisons. */
export function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

export function at(code: string, r: Range): string {
  return `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The range of `needle` inside the first occurrence of `context` (e.g. the `A` of `Name: A`). */
export function within(text: string, context: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(context, at + 1);
    if (at < 0) throw new Error(`"${context}" occurs fewer than ${occurrence + 1} times`);
  }
  const offset = at + context.indexOf(needle);
  const doc = TextDocument.create('file:///x', 'yaml', 1, text);
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + needle.length) };
}
