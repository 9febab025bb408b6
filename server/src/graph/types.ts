// The graph of a flow, the same shape for every dialect: what the graph view draws, what
// `flowdeck graph` prints. Plain data (JSON-serialisable), so it crosses LSP and the webview as is.
import type { Range } from 'vscode-languageserver-types';

/**
 * `next`: Next, a legacy step's implicit sequence; `choice`: a Choice branch (label = its condition);
 * `default`: a Choice's Default; `catch`: a Catch rule (label = its error names); `navigate`: a
 * WhatsApp navigate action; `route`: a WhatsApp routing_model entry.
 */
export type GraphEdgeKind = 'next' | 'choice' | 'default' | 'catch' | 'navigate' | 'route';

export interface GraphNode {
  /** Unique in the graph: the state's path of names (`Fan out/1/Charge`), never shown. */
  readonly id: string;
  /** The state's name as written ('' when it has none). */
  readonly name: string;
  /** The state's type as written (`Task`, `task`, `screen`...; '' when missing). */
  readonly type: string;
  /** The id of the Parallel / Map / foreach (or other container step) it sits in; null at the top. */
  readonly parent: string | null;
  /** The state's whole source range (its object). */
  readonly range: Range;
  /** Inside a Parallel: the zero-based index of its branch. */
  readonly branch?: number;
}

export interface GraphEdge {
  readonly from: string;
  /** A node id; for a broken reference, the id the missing state would have. */
  readonly to: string;
  readonly kind: GraphEdgeKind;
  readonly label?: string;
  /** The target does not exist (the reference is a diagnostic too). */
  readonly broken?: boolean;
}

export interface FlowGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

export const EMPTY_GRAPH: FlowGraph = { nodes: [], edges: [] };

/** Gives each state an id unique in the graph: its name within its container, `#n` when unnamed, `~n` when repeated. */
export class NodeIds {
  private readonly used = new Set<string>();

  take(prefix: string, name: string | undefined, index: number): string {
    const base = `${prefix}${name !== undefined && name !== '' ? name : `#${index + 1}`}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}~${n}`;
    this.used.add(id);
    return id;
  }
}
