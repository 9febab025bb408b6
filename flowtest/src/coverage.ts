// State and branch coverage of a flow, from the history events its test runs emitted. Targets
// come from the flow's positioned tree (so each has its range in the file, for the editor's
// gutter): every state of every scope, and as branches each Choice branch and Default, each Catch
// clause and each Retry rule. The events say which were reached:
//  - a state: its StepEntered, in the same scope (Parallel branch / Map processor);
//  - a Choice branch: the state entered right after the Choice (the StepEntered that follows its
//    StepExited) is that branch's Next. Where several branches of one Choice lead to the same
//    state, the first of them (the one evaluated first) is credited;
//  - a Catch clause: a StepFailed followed by the state's StepExited, credited to the first
//    clause whose Errors match the error (the rule the engine applies);
//  - a Retry rule: a TaskFailed followed by the same task's TaskScheduled, credited to the first
//    rule whose Errors match. Retries of a whole Parallel or Map are not visible in the events and
//    are not counted.
// Legacy flows (`type: flow`) count their steps by name, without branches.
import { errorMatches, type HistoryEvent } from '../../emulator/src/engine';
import { stateTypeOf, type ChildScope } from '../../server/src/fdl';
import { lastProperty, type Node, type ObjectNode } from '../../server/src/parse';
import type { FlowUnderTest } from './flow';
import type { TextSpan } from './model';
import { ScopeTracker, type EventScope } from './scopes';

export type TargetKind = 'state' | 'branch' | 'default' | 'catch' | 'retry';

export interface CoverageTarget {
  readonly id: string;
  readonly kind: TargetKind;
  /** The definition scope (see EventScope.definitionKey); '*' for legacy steps. */
  readonly scope: string;
  readonly state: string;
  readonly index: number;
  /** What a person reads: `CheckOrder → RejectOrder`, `ChargePayment Catch [CardDeclined]`. */
  readonly label: string;
  readonly span: TextSpan;
  /** Branch / Default: the state it leads to. */
  readonly next?: string;
  /** Catch / Retry: the errors it matches. */
  readonly errors?: readonly string[];
  /** State: its type as written (`Task`, `Choice`; legacy `task`, `pass`...). */
  readonly stateType?: string;
}

export interface FlowCoverage {
  readonly flow: FlowUnderTest;
  readonly targets: readonly CoverageTarget[];
  /** How often each target (by id) was reached, over every case run so far. */
  readonly hits: Map<string, number>;
}

export interface CoverageCount {
  readonly covered: number;
  readonly total: number;
}

export interface CoverageSummary {
  readonly states: CoverageCount;
  readonly branches: CoverageCount;
}

const str = (obj: ObjectNode, key: string): string | undefined => {
  const v = lastProperty(obj, key)?.value;
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
};
const arr = (obj: ObjectNode | undefined, key: string): Node[] => {
  const v = obj ? lastProperty(obj, key)?.value : undefined;
  return v?.kind === 'array' ? v.items : [];
};
const obj = (n: Node | undefined): ObjectNode | undefined => (n?.kind === 'object' ? n : undefined);
const stringsOf = (nodes: Node[]): string[] => nodes.flatMap((n) => (n.kind === 'scalar' && typeof n.value === 'string' ? [n.value] : []));

export function coverageOf(flow: FlowUnderTest): FlowCoverage {
  const targets: CoverageTarget[] = [];
  const span = (n: { range: { start: number; end: number } }): TextSpan => ({ start: flow.positionAt(n.range.start), end: flow.positionAt(n.range.end) });
  const add = (t: Omit<CoverageTarget, 'id'>): void => {
    targets.push({ ...t, id: `${t.kind}:${t.scope}:${t.state}:${t.index}` });
  };
  // A Parallel or Map holds other states: its own statement is its lines before them, so the
  // gutter of a nested state shows that state's coverage, not its container's.
  const headerSpan = (s: ObjectNode, scopes: readonly ChildScope[]): TextSpan => {
    const keys = new Set(scopes.flatMap((c) => [c.key, ...c.aliases]));
    const nested = s.properties.filter((p) => keys.has(p.key));
    const cut = Math.min(...nested.map((p) => p.range.start), s.range.end);
    const lineEnd = flow.text.indexOf('\n', s.range.start);
    const firstLineEnd = lineEnd < 0 ? s.range.end : lineEnd;
    // the text before the nested key, without the indentation that leads up to it
    const end = Math.max(firstLineEnd, flow.text.slice(0, cut).trimEnd().length);
    return span({ range: { start: s.range.start, end: Math.min(end, s.range.end) } });
  };
  const root = obj(flow.root);
  if (flow.dialect === 'fdl') {
    const walk = (states: Node[], scope: string): void => {
      for (const item of states) {
        const s = obj(item);
        const name = s && str(s, 'Name');
        if (!s || !name) continue;
        const type = str(s, 'Type');
        const described = stateTypeOf(type);
        const scopes = described?.childScopes ?? [];
        add({
          kind: 'state', scope, state: name, index: 0, label: name,
          span: scopes.length > 0 ? headerSpan(s, scopes) : span(s),
          ...(type ? { stateType: type } : {}),
        });
        if (described?.transition === 'choice') {
          arr(s, 'Branches').forEach((b, i) => {
            const branch = obj(b);
            const next = branch && str(branch, 'Next');
            if (branch && next) add({ kind: 'branch', scope, state: name, index: i, label: `${name} branch ${i + 1} → ${next}`, span: span(branch), next });
          });
          const def = lastProperty(s, 'Default');
          const next = str(s, 'Default');
          if (def && next) add({ kind: 'default', scope, state: name, index: 0, label: `${name} Default → ${next}`, span: span(def), next });
        }
        arr(s, 'Retry').forEach((r, i) => {
          const errors = stringsOf(arr(obj(r), 'Errors'));
          add({ kind: 'retry', scope, state: name, index: i, label: `${name} Retry [${errors.join(', ')}]`, span: span(r), errors });
        });
        arr(s, 'Catch').forEach((c, i) => {
          const errors = stringsOf(arr(obj(c), 'Errors'));
          add({ kind: 'catch', scope, state: name, index: i, label: `${name} Catch [${errors.join(', ')}]`, span: span(c), errors });
        });
        for (const child of scopes) {
          if (child.many) {
            arr(s, child.key).forEach((b, i) => walk(arr(obj(b), 'States'), `${scope}/${name}#${i}`));
          } else {
            const holder = [child.key, ...child.aliases].map((k) => obj(lastProperty(s, k)?.value)).find((o) => o !== undefined);
            walk(arr(holder, 'States'), `${scope}/${name}`);
          }
        }
      }
    };
    walk(arr(root, 'States'), '');
  } else {
    const walk = (steps: Node[]): void => {
      for (const item of steps) {
        const s = obj(item);
        const name = s && str(s, 'name');
        if (!s || !name) continue;
        const type = str(s, 'type');
        add({ kind: 'state', scope: '*', state: name, index: 0, label: name, span: span(s), ...(type ? { stateType: type } : {}) });
        walk(arr(s, 'steps'));
        for (const b of arr(s, 'branches')) walk(arr(obj(b), 'steps'));
      }
    };
    walk(arr(root, 'steps'));
  }
  return { flow, targets, hits: new Map() };
}

function errorOf(event: HistoryEvent): string {
  try {
    const detail = JSON.parse(event.EventDetail) as { error?: unknown };
    return typeof detail.error === 'string' ? detail.error : '';
  } catch {
    return '';
  }
}

/** Adds what one run's events reached to `coverage.hits`. */
export function recordRun(coverage: FlowCoverage, events: readonly HistoryEvent[]): void {
  const byKey = new Map<string, CoverageTarget[]>();
  for (const t of coverage.targets) {
    const key = `${t.kind}\u0000${t.scope}\u0000${t.state}`;
    const list = byKey.get(key);
    if (list) list.push(t);
    else byKey.set(key, [t]);
  }
  const legacy = coverage.flow.dialect === 'fdl-legacy';
  const find = (kind: TargetKind, scope: EventScope, state: string): CoverageTarget[] =>
    byKey.get(`${kind}\u0000${legacy ? '*' : scope.definitionKey}\u0000${state}`) ?? [];
  const hit = (t: CoverageTarget | undefined): void => {
    if (t) coverage.hits.set(t.id, (coverage.hits.get(t.id) ?? 0) + 1);
  };
  const tracker = new ScopeTracker();
  const byId = new Map<number, HistoryEvent>();
  for (const e of events) {
    const scope = tracker.observe(e);
    byId.set(e.EventId, e);
    const previous = byId.get(e.ScheduleEventId);
    if (e.Type === 'StepEntered') {
      hit(find('state', scope, e.StepName)[0]);
      if (previous?.Type === 'StepExited') {
        const branch = find('branch', scope, previous.StepName).find((t) => t.next === e.StepName);
        hit(branch ?? find('default', scope, previous.StepName).find((t) => t.next === e.StepName));
      }
    } else if (e.Type === 'StepExited' && previous?.Type === 'StepFailed' && previous.StepName === e.StepName) {
      const error = errorOf(previous);
      hit(find('catch', scope, e.StepName).find((t) => errorMatches(t.errors ?? [], error)));
    } else if (e.Type === 'TaskScheduled' && previous?.Type === 'TaskFailed' && previous.StepName === e.StepName) {
      const error = errorOf(previous);
      hit(find('retry', scope, e.StepName).find((t) => errorMatches(t.errors ?? [], error)));
    }
  }
}

export function summarize(coverages: Iterable<FlowCoverage>): CoverageSummary {
  let states = 0;
  let statesCovered = 0;
  let branches = 0;
  let branchesCovered = 0;
  for (const c of coverages) {
    for (const t of c.targets) {
      const covered = (c.hits.get(t.id) ?? 0) > 0 ? 1 : 0;
      if (t.kind === 'state') {
        states++;
        statesCovered += covered;
      } else {
        branches++;
        branchesCovered += covered;
      }
    }
  }
  return { states: { covered: statesCovered, total: states }, branches: { covered: branchesCovered, total: branches } };
}
