// The run of one execution on the graph: each node's status and note (from the same per-state
// runs the text overlay shows), iteration counts on Map / Parallel nodes, the edges the
// execution went along, and each state's input and output from the events. Pure (no vscode).
import type { FlowGraph } from '../../../server/src/lsp/protocol';
import type { NodeRun, RunOnGraph } from '../../../webview/graph/protocol';
import { decodeDetail, type PrintableEvent } from '../../../cloud/src/fnf/eventFormat';
import { describeStateRun, stateRuns, type RunStatusLabels } from '../execution/views/runStatus';

export interface GraphRunLabels extends RunStatusLabels {
  /** `{0} iterations` */
  readonly iterations: (count: number) => string;
  /** `{0} of {1} branches` */
  readonly branches: (ran: number, total: number) => string;
}

const pretty = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
};

/** The last input and output each state had, by state name. */
function stateData(events: readonly PrintableEvent[]): Map<string, { input?: string; output?: string }> {
  const out = new Map<string, { input?: string; output?: string }>();
  for (const e of events) {
    if (!e.StepName) continue;
    const detail = decodeDetail(e.EventDetail);
    const o = detail && typeof detail === 'object' && !Array.isArray(detail) ? (detail as Record<string, unknown>) : undefined;
    const entry = out.get(e.StepName) ?? {};
    if (e.Type === 'StepEntered') {
      entry.input = pretty(o?.['input'] ?? o?.['Input']);
      entry.output = undefined;
    } else if (e.Type === 'StepSucceeded') {
      entry.output = pretty(o?.['output'] ?? o?.['Output']);
    } else if (e.Type === 'StepFailed') {
      entry.output = pretty(detail);
    }
    out.set(e.StepName, entry);
  }
  return out;
}

export function runOnGraph(graph: FlowGraph, events: readonly PrintableEvent[], executionName: string, status: string, labels: GraphRunLabels): RunOnGraph {
  const runs = stateRuns(events);
  const data = stateData(events);
  const children = new Map<string, string[]>();
  for (const n of graph.nodes) if (n.parent !== null) (children.get(n.parent) ?? children.set(n.parent, []).get(n.parent)!).push(n.id);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: Record<string, NodeRun> = {};
  for (const n of graph.nodes) {
    const run = n.name ? runs.get(n.name) : undefined;
    if (!run) {
      nodes[n.id] = { status: 'notReached', note: '' };
      continue;
    }
    let note = describeStateRun(run, labels);
    const kids = children.get(n.id);
    if (kids) {
      const type = n.type.toLowerCase();
      if (type === 'parallel') {
        const branches = new Set(kids.map((k) => byId.get(k)!.branch ?? 0));
        const ran = new Set(kids.filter((k) => runs.has(byId.get(k)!.name)).map((k) => byId.get(k)!.branch ?? 0));
        note = `${note} · ${labels.branches(ran.size, branches.size)}`;
      } else {
        // one processor run per item: the most-entered child state counts the items
        const items = Math.max(0, ...kids.map((k) => runs.get(byId.get(k)!.name)?.entries ?? 0));
        if (items > 0) note = `${note} · ${labels.iterations(items)}`;
      }
    }
    const d = data.get(n.name);
    nodes[n.id] = { status: run.status, note, ...(d?.input !== undefined ? { input: d.input } : {}), ...(d?.output !== undefined ? { output: d.output } : {}) };
  }
  const ran = (id: string): boolean => {
    const s = nodes[id]?.status;
    return s !== undefined && s !== 'notReached';
  };
  const taken: number[] = [];
  graph.edges.forEach((e, i) => {
    if (!e.broken && ran(e.from) && ran(e.to)) taken.push(i);
  });
  return { executionName, status, nodes, taken };
}
