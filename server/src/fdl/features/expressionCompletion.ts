// Completion inside an expression value: variables allowed at this place, built-in functions,
// and `$Context` fields after a dot.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { CONTEXT_FIELDS, VARIABLES } from '../catalog';
import type { ExpressionPlace } from '../checks/expressionCheck';
import { BUILTIN_FUNCTIONS } from '../expressions';

const TOKEN = /[$\p{L}\p{N}_]*$/u;
const MEMBER_PATH = /(\$[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*)\.([\p{L}\p{N}_]*)$/u;

export function expressionCompletions(typed: string, position: Position, place: ExpressionPlace): CompletionItem[] {
  const member = MEMBER_PATH.exec(typed);
  if (member) {
    const path = member[1]!.split('.');
    const token = member[2]!;
    const range = { start: { line: position.line, character: position.character - token.length }, end: position };
    if (path[0] !== '$Context') return [];
    const fields = CONTEXT_FIELDS[path.length === 1 ? '$Context' : path[path.length - 1]!];
    return (fields ?? []).map((f) => ({
      label: f.name, kind: CompletionItemKind.Field,
      documentation: { kind: 'markdown', value: f.description }, textEdit: { range, newText: f.name },
    }));
  }
  const token = TOKEN.exec(typed)?.[0] ?? '';
  const range = { start: { line: position.line, character: position.character - token.length }, end: position };
  const items: CompletionItem[] = [];
  for (const v of VARIABLES) {
    if (!place.allowed.has(v.name.slice(1))) continue;
    items.push({
      label: v.name, kind: CompletionItemKind.Variable,
      documentation: { kind: 'markdown', value: v.description }, textEdit: { range, newText: v.name },
    });
  }
  if (!place.condition) {
    for (const fn of BUILTIN_FUNCTIONS) {
      items.push({
        label: fn.name, kind: CompletionItemKind.Function, detail: fn.signature,
        documentation: { kind: 'markdown', value: fn.description },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: fn.maxArgs === 0 ? `${fn.name}()` : `${fn.name}($1)` },
      });
    }
  } else {
    for (const literal of ['true', 'false']) {
      items.push({ label: literal, kind: CompletionItemKind.Keyword, textEdit: { range, newText: literal } });
    }
  }
  return items;
}
