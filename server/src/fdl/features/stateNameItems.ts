// The completion items of a scope's state names (`Next:`, `Default:`, `StartAt:`), kept between
// requests: a large flow has thousands of names, and most edits change none of them.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { namesChangedSince, namesVersion } from '../model/build';
import { valueItem } from './completionEngine';
import type { FlowScope } from '../model/types';
import { AttachedCache } from '../../cache/attachedCache';

interface NameItems {
  /** The scope's names version the items were built for. */
  version: number;
  /** The items, in the order of `made`. */
  items: CompletionItem[];
  /** Each name's item with the state type it was made for: one per name of the scope. */
  readonly made: Map<string, { readonly type: string | undefined; readonly item: CompletionItem }>;
}

const built = new AttachedCache<FlowScope, NameItems>('state name items');

/**
 * One item per state name of `scope`. The array is shared between requests while the scope's
 * names version stays (no state added, deleted, renamed or retyped): callers must not change it.
 * After such an edit, only the changed names' items are looked at again. The items are not in
 * the document's order after an edit: the editor sorts them by label.
 */
export function stateNameItems(scope: FlowScope): CompletionItem[] {
  const version = namesVersion(scope);
  let known = built.get(scope);
  if (known?.version === version) return known.items;
  const changed = known && namesChangedSince(scope, known.version);
  if (known && changed) {
    for (const name of changed) {
      const s = scope.byName.get(name);
      if (s === undefined) known.made.delete(name);
      else if (known.made.get(name)?.type !== s.type) known.made.set(name, made(name, s.type));
    }
  } else {
    built.set(scope, (known = { version, items: [], made: new Map() }));
    for (const [name, s] of scope.byName) known.made.set(name, made(name, s.type));
  }
  known.items = Array.from(known.made.values(), (m) => m.item);
  known.version = version;
  return known.items;
}

function made(name: string, type: string | undefined): { readonly type: string | undefined; readonly item: CompletionItem } {
  return { type, item: valueItem(name, CompletionItemKind.Reference, undefined, type !== undefined ? `${type} state` : 'state') };
}
