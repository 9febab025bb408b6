// Which kind of object a node of a current-spec flow is (a state, a Retry rule, a constructor…),
// found by walking from the root along the node's path. Completion and hover read this.
import type { ArrayNode, Node, ObjectNode, Property } from '../parse/tree';
import { scopeHeldBy } from './stateTypes';
import { stringValue } from './tree';
import { lastProperty } from '../parse/properties';

/** The kinds of object a flow is made of. */
export type Shape =
  | 'root' | 'state' | 'scope' | 'choiceBranch' | 'retryRule' | 'catchRule' | 'processorConfig'
  | 'itemReader' | 'sourceParameters' | 'readerConfig' | 'itemBatcher' | 'resultWriter' | 'resultWriterParameters'
  | 'constructor' | 'parameters' | 'other';

export interface ObjectContext {
  readonly shape: Shape;
  /** For a state: its `Type`. For anything inside a state: the enclosing state's `Type`. */
  readonly stateType?: string;
  /** The nearest enclosing state object (the object itself for a state). */
  readonly state?: ObjectNode;
  /** For constructors and `Parameters`: which one (`InputConstructor`, … or `CatchOutputConstructor`). */
  readonly constructorKey?: string;
}

type Step = { readonly key: string } | { readonly index: number };

/** The path from the root to `node` as keys and indices. */
function stepsTo(node: Node): { root: Node; steps: Step[] } {
  const steps: Step[] = [];
  let cur: Node = node;
  for (;;) {
    const parent: Property | ArrayNode | undefined = cur.parent;
    if (!parent) break;
    if (parent.kind === 'property') {
      steps.push({ key: parent.key });
      cur = parent.parent;
    } else {
      steps.push({ index: parent.items.indexOf(cur) });
      cur = parent;
    }
  }
  return { root: cur, steps: steps.reverse() };
}

const CONSTRUCTORS = new Set(['InputConstructor', 'OutputConstructor', 'GlobalConstructor', 'ItemConstructor']);

/** Classifies an object node of a current-spec flow. */
export function classifyObject(target: ObjectNode): ObjectContext {
  const { root, steps } = stepsTo(target);
  let ctx: ObjectContext = { shape: 'root' };
  let node: Node | undefined = root;
  // `pendingList` records what the items of the array we are in will be.
  let pendingList: Shape | undefined;
  for (const step of steps) {
    if (!node) return { shape: 'other' };
    if ('index' in step) {
      node = node.kind === 'array' ? node.items[step.index] : undefined;
      const shape: Shape = pendingList ?? 'other';
      pendingList = undefined;
      if (shape === 'state') {
        const o = node?.kind === 'object' ? node : undefined;
        const type = stringValue(lastProperty(o, 'Type')?.value);
        ctx = { shape, ...(type !== undefined ? { stateType: type } : {}), ...(o ? { state: o } : {}) };
      } else {
        ctx = { ...ctx, shape };
      }
      continue;
    }
    const key = step.key;
    node = node.kind === 'object' ? lastProperty(node, key)?.value : undefined;
    const inState = { ...(ctx.stateType !== undefined ? { stateType: ctx.stateType } : {}), ...(ctx.state ? { state: ctx.state } : {}) };
    switch (ctx.shape) {
      case 'root':
      case 'scope':
        if (key === 'States') pendingList = 'state';
        else ctx = { shape: 'other' };
        break;
      case 'state': {
        // The scopes the state holds; `Branches` that are not a scope list are a Choice's.
        const child = scopeHeldBy(ctx.stateType, key);
        if (child?.many) pendingList = 'scope';
        else if (child) ctx = { shape: 'scope', ...inState };
        else if (key === 'Branches') pendingList = 'choiceBranch';
        else if (key === 'Retry') pendingList = 'retryRule';
        else if (key === 'Catch') pendingList = 'catchRule';
        else if (key === 'ProcessorConfig') ctx = { shape: 'processorConfig', ...inState };
        else if (key === 'ItemReader') ctx = { shape: 'itemReader', ...inState };
        else if (key === 'ItemBatcher') ctx = { shape: 'itemBatcher', ...inState };
        else if (key === 'ResultWriter') ctx = { shape: 'resultWriter', ...inState };
        else if (CONSTRUCTORS.has(key)) ctx = { shape: 'constructor', constructorKey: key, ...inState };
        else if (key === 'Parameters') ctx = { shape: 'parameters', constructorKey: key, ...inState };
        else ctx = { shape: 'other' };
        break;
      }
      case 'itemReader':
        ctx = key === 'SourceParameters' ? { shape: 'sourceParameters', ...inState } : key === 'ReaderConfig' ? { shape: 'readerConfig', ...inState } : { shape: 'other' };
        break;
      case 'resultWriter':
        ctx = key === 'Parameters' ? { shape: 'resultWriterParameters', ...inState } : { shape: 'other' };
        break;
      case 'catchRule':
        ctx = key === 'OutputConstructor' ? { shape: 'constructor', constructorKey: 'CatchOutputConstructor', ...inState } : { shape: 'other' };
        break;
      case 'constructor':
      case 'parameters':
        break; // nested objects inside a constructor are still constructor data
      default:
        ctx = { shape: 'other' };
        break;
    }
    if (pendingList !== undefined) ctx = { ...ctx, shape: 'other', ...inState };
  }
  return ctx;
}
