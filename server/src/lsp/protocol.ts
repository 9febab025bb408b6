// Custom LSP messages between the Flowdeck client and server. The client bundles this module, so
// it imports nothing but the protocol package.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { FlowGraph } from '../graph/types';

// The graph's plain data types travel with the messages (type-only: nothing to bundle).
export type { FlowGraph, GraphEdge, GraphEdgeKind, GraphNode } from '../graph/types';

/** A flow's execution mode, which changes what is valid (Express flows have tighter limits). */
export interface FlowSettingsParams {
  /** The document URI, as the editor knows it. */
  readonly uri: string;
  readonly executionMode: 'Standard' | 'Express';
}

/** Client -> server: the execution mode of one flow (from its deploy settings); the server revalidates it. */
export const FlowSettingsNotification = new NotificationType<FlowSettingsParams>('flowdeck/flowSettings');

export const FLOW_SETTINGS_METHOD = 'flowdeck/flowSettings';

export interface GraphParams {
  readonly textDocument: { readonly uri: string };
}

export interface GraphResult {
  /** The document version the graph was computed from. */
  readonly version: number;
  readonly graph: FlowGraph;
}

/** Client -> server: the graph of an open flow (null when the document is not open on the server). */
export const GraphRequest = new RequestType<GraphParams, GraphResult | null, void>('flowdeck/graph');
