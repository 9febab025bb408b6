// Which kind of object a node of a legacy flow is, found by walking from the root along its path.
import type { ArrayNode, Node, ObjectNode, Property } from '../../parse/tree';
import { stringValue } from '../tree';
import { lastProperty } from '../../parse/properties';

/** The kinds of object a legacy flow is made of. */
export type LegacyShape =
  | 'root' | 'step' | 'choice' | 'default' | 'branch' | 'retryRule' | 'catchRule' | 'mapping' | 'iterationMapping' | 'other';

export interface LegacyContext {
  readonly shape: LegacyShape;
  readonly stepType?: string;
  readonly step?: ObjectNode;
}

const LISTS: Partial<Record<string, LegacyShape>> = {
  steps: 'step', choices: 'choice', branches: 'branch', retry: 'retryRule', catch: 'catchRule',
  inputMappings: 'mapping', outputMappings: 'mapping', errorMappings: 'mapping',
};
const HAS_STEPS = new Set<LegacyShape>(['root', 'step', 'choice', 'default', 'branch', 'catchRule']);

export function classifyLegacy(target: ObjectNode): LegacyContext {
  const chain: (Property | { index: number })[] = [];
  let cur: Node = target;
  for (;;) {
    const parent: Property | ArrayNode | undefined = cur.parent;
    if (!parent) break;
    if (parent.kind === 'property') {
      chain.push(parent);
      cur = parent.parent;
    } else {
      chain.push({ index: parent.items.indexOf(cur) });
      cur = parent;
    }
  }
  chain.reverse();
  let ctx: LegacyContext = { shape: 'root' };
  let node: Node | undefined = cur;
  let pending: LegacyShape | undefined;
  for (const step of chain) {
    if ('index' in step) {
      node = node?.kind === 'array' ? node.items[step.index] : undefined;
      const shape = pending ?? 'other';
      pending = undefined;
      if (shape === 'step' && node?.kind === 'object') {
        const t = stringValue(lastProperty(node, 'type')?.value);
        ctx = { shape, step: node, ...(t !== undefined ? { stepType: t } : {}) };
      } else {
        ctx = { ...ctx, shape };
      }
      continue;
    }
    node = step.value;
    const list = LISTS[step.key];
    if (list && (list !== 'step' || HAS_STEPS.has(ctx.shape)) && ctx.shape !== 'other' && ctx.shape !== 'mapping') {
      pending = list;
      ctx = { ...ctx, shape: 'other' };
    } else if (ctx.shape === 'step' && step.key === 'default') {
      ctx = { ...ctx, shape: 'default' };
    } else if (ctx.shape === 'step' && step.key === 'iterationMapping') {
      ctx = { ...ctx, shape: 'iterationMapping' };
    } else {
      ctx = { shape: 'other' };
    }
  }
  return ctx;
}
