// One snippet per current-spec state type (from the state type table), inserted as a new item of a `States` list.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { STATE_TYPE_NAMES, STATE_TYPES } from '../stateTypes';

/** Snippets for a new state whose first key sits at `column`; `dash` adds the `- ` item marker. */
export function stateSnippets(column: number, dash: boolean): CompletionItem[] {
  const pad = ' '.repeat(column);
  return STATE_TYPE_NAMES.map((type, i) => ({
    label: `${type} state`,
    kind: CompletionItemKind.Snippet,
    detail: `a new ${type} state`,
    sortText: `~${i}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: (dash ? '- ' : '') + STATE_TYPES[type].snippet.map((l, j) => (j === 0 ? l : pad + (dash ? '  ' : '') + l)).join('\n'),
  }));
}
