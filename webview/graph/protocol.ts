// The messages between the graph view and the extension, the one file both sides import.
import type { FlowGraph } from '../../server/src/lsp/protocol';

export type NodeRunStatus = 'running' | 'succeeded' | 'failed' | 'stopped' | 'notReached';

export interface NodeRun {
  readonly status: NodeRunStatus;
  /** What the node says about its run: `✓ 12 ms`, `✗ FC.Error`, `3 iterations`... */
  readonly note: string;
  /** The state's input and output in the run, as pretty JSON (when the events carry them). */
  readonly input?: string;
  readonly output?: string;
}

export interface RunOnGraph {
  readonly executionName: string;
  /** The execution's status in words (running, succeeded...). */
  readonly status: string;
  readonly nodes: Readonly<Record<string, NodeRun>>;
  /** Indexes of the graph's edges the execution went along. */
  readonly taken: readonly number[];
}

export interface NodeProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The view's words, translated by the extension. */
export interface GraphStrings {
  readonly missing: string;
  readonly fit: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly exportSvg: string;
  readonly exportPng: string;
  readonly addAfter: string;
  readonly delete: string;
  readonly rename: string;
  readonly input: string;
  readonly output: string;
  readonly empty: string;
  readonly help: string;
  /** The help of a graph that cannot change the text (arrows and Enter only). */
  readonly helpReadOnly: string;
  readonly dragHint: string;
  /** `branch {0}`: the label of a Parallel branch's frame. */
  readonly branch: string;
}

export type ToView =
  | { readonly type: 'init'; readonly strings: GraphStrings; readonly fileName: string }
  | {
    readonly type: 'graph';
    readonly version: number;
    readonly graph: FlowGraph;
    readonly problems: Readonly<Record<string, readonly NodeProblem[]>>;
    /** Whether states can be added, deleted and reconnected from the graph (FDL). */
    readonly editable: boolean;
  }
  | { readonly type: 'highlight'; readonly id: string | null }
  | { readonly type: 'run'; readonly run: RunOnGraph | null }
  | { readonly type: 'exportImage'; readonly format: 'svg' | 'png' }
  | { readonly type: 'select'; readonly id: string };

export type FromView =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly id: string }
  | { readonly type: 'selected'; readonly id: string | null }
  | { readonly type: 'addAfter'; readonly id: string }
  | { readonly type: 'delete'; readonly id: string }
  | { readonly type: 'rename'; readonly id: string }
  | { readonly type: 'reconnect'; readonly version: number; readonly edge: number; readonly to: string }
  /** An export: SVG text, or a PNG as a data: URL. */
  | { readonly type: 'exported'; readonly format: 'svg' | 'png'; readonly data: string }
  /** What the view shows, for tests and screen readers' sake: node ids by state, and the viewport. */
  | { readonly type: 'rendered'; readonly version: number; readonly nodes: number; readonly badges: number; readonly runNodes: number; readonly scale: number };
