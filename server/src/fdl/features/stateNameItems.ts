// The completion items of a scope's state names (`Next:`, `Default:`, `StartAt:`), kept between
// requests: a large flow has thousands of names, and most edits change none of them.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { namesVersion } from '../model/build';
import { valueItem } from './completionEngine';
import type { FlowScope } from '../model/types';

interface NameItems {
  /** The scope's names version the items were built for. */
  version: number;
  /** The items, in the order of `scope.byName` when built. */
  items: CompletionItem[];
  /** Each name's item with the state type it was made for: one per name of the scope once built. */
  readonly made: Map<string, { readonly type: string | undefined; readonly item: CompletionItem }>;
}

const built = new WeakMap<FlowScope, NameItems>();

/**
 * One item per state name of `scope`. The array is shared between requests while the scope's
 * names version stays (no state added, deleted, renamed or retyped): callers must not change it.
 * After such an edit, only the changed states' items are new. The items are not in the
 * document's order after an edit: the editor sorts them by label.
 */
export function stateNameItems(scope: FlowScope): CompletionItem[] {
  const version = namesVersion(scope);
  let known = built.get(scope);
  if (known?.version === version) return known.items;
  if (!known) built.set(scope, (known = { version, items: [], made: new Map() }));
  const { made } = known;
  const items: CompletionItem[] = [];
  for (const [name, s] of scope.byName) {
    let m = made.get(name);
    if (m === undefined || m.type !== s.type) {
      m = { type: s.type, item: valueItem(name, CompletionItemKind.Reference, undefined, s.type !== undefined ? `${s.type} state` : 'state') };
      made.set(name, m);
    }
    items.push(m.item);
  }
  if (made.size > scope.byName.size) for (const name of made.keys()) if (!scope.byName.has(name)) made.delete(name);
  known.items = items;
  known.version = version;
  return items;
}
