// The completion items of a scope's state names (`Next:`, `Default:`, `StartAt:`), kept between
// requests: a large flow has thousands of names, and most edits change none of them.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { namesVersion } from '../model/build';
import { valueItem } from './completionEngine';
import type { FlowScope } from '../model/types';

interface NameItems {
  /** The scope's names version the items were built for. */
  readonly version: number;
  /** Each item's state type, in the items' order: an edit may retype a state and keep its name. */
  readonly types: readonly (string | undefined)[];
  readonly items: readonly CompletionItem[];
}

const built = new WeakMap<FlowScope, NameItems>();

/**
 * One item per state name of `scope`, in the scope's order. The array is shared between
 * requests while the names and their types stay the same: callers must not change it.
 */
export function stateNameItems(scope: FlowScope): CompletionItem[] {
  const version = namesVersion(scope);
  const known = built.get(scope);
  if (known && known.version === version && sameTypes(scope, known.types)) return known.items as CompletionItem[];
  const types: (string | undefined)[] = [];
  const items: CompletionItem[] = [];
  const details = new Map<string | undefined, string>();
  for (const s of scope.byName.values()) {
    types.push(s.type);
    let detail = details.get(s.type);
    if (detail === undefined) details.set(s.type, (detail = s.type !== undefined ? `${s.type} state` : 'state'));
    items.push(valueItem(s.name!, CompletionItemKind.Reference, undefined, detail));
  }
  built.set(scope, { version, types, items });
  return items;
}

function sameTypes(scope: FlowScope, types: readonly (string | undefined)[]): boolean {
  if (scope.byName.size !== types.length) return false;
  let i = 0;
  for (const s of scope.byName.values()) if (s.type !== types[i++]) return false;
  return true;
}
