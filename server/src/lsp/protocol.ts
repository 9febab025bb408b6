// Custom LSP messages between the Flowdeck client and server. The client bundles this module, so
// it imports nothing but the protocol package.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
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
  /** The state types a state added from the graph may have; empty when the graph cannot shape the text. */
  readonly stateTypes: readonly string[];
}

/** Client -> server: the graph of an open flow (null when the document is not open on the server). */
export const GraphRequest = new RequestType<GraphParams, GraphResult | null, void>('flowdeck/graph');

/** What the graph view asks to change in the text. Node ids and edge indexes are those of `version`'s graph. */
export type GraphEditAction =
  | { readonly kind: 'addAfter'; readonly id: string; readonly type: string }
  | { readonly kind: 'delete'; readonly id: string }
  | { readonly kind: 'rename'; readonly id: string; readonly newName: string }
  | { readonly kind: 'reconnect'; readonly edge: number; readonly to: string };

export interface GraphEditParams {
  readonly textDocument: { readonly uri: string };
  readonly version: number;
  readonly action: GraphEditAction;
}

/** The text edit that does it, or why it cannot be done (in English; the client shows it). */
export interface GraphEditResult {
  readonly edit?: WorkspaceEdit;
  readonly error?: string;
  /** For addAfter: the new state's name. */
  readonly name?: string;
}

/** Client -> server: the text edit for one shaping action of the graph view (null when the document is not open). */
export const GraphEditRequest = new RequestType<GraphEditParams, GraphEditResult | null, void>('flowdeck/graphEdit');

/** What the server process holds in memory (bytes), as Node reports it. */
export interface ServerMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
}

/** Client -> server: the server process's memory use (for the status and for tests). */
export const ServerMemoryRequest = new RequestType0<ServerMemory, void>('flowdeck/serverMemory');

export interface DocumentErrorsParams {
  readonly textDocument: { readonly uri: string; readonly languageId: string };
  /** The text to check: what the client is about to use, saved or not. */
  readonly text: string;
}

/** An error diagnostic (0-based position), as the Problems view shows it. */
export interface DocumentError {
  readonly line: number;
  readonly character: number;
  readonly message: string;
  readonly code?: string | number;
}

/**
 * Client -> server: the errors (not warnings) the diagnostics of `text` would show, in document
 * order; what WhatsApp Flow Push checks before it uploads.
 */
export const DocumentErrorsRequest = new RequestType<DocumentErrorsParams, DocumentError[], void>('flowdeck/documentErrors');

/** The lists a very large document gets only the first part of: the outline, the folding regions. */
export type LimitedFeature = 'outline' | 'folding';

export interface ItemsLimitedParams {
  /** The document URI, as the editor knows it. */
  readonly uri: string;
  readonly feature: LimitedFeature;
  /** How many items the document gets now; null once it gets them all again. */
  readonly limit: number | null;
}

/** Server -> client: a document's outline or folding stopped at its limit, or no longer does. */
export const ItemsLimitedNotification = new NotificationType<ItemsLimitedParams>('flowdeck/itemsLimited');

/** The setting that limits the outline (as `json.maxItemsComputed` does for JSON), and its default. */
export const MAX_ITEMS_SETTING = 'flowdeck.maxItemsComputed';
export const DEFAULT_MAX_ITEMS = 5000;
