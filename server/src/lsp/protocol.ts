// Custom LSP messages between the Flowdeck client and server. The client bundles this module, so
// it imports nothing but the protocol package.
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

/** A flow's execution mode, which changes what is valid (Express flows have tighter limits). */
export interface FlowSettingsParams {
  /** The document URI, as the editor knows it. */
  readonly uri: string;
  readonly executionMode: 'Standard' | 'Express';
}

/** Client -> server: the execution mode of one flow (from its deploy settings); the server revalidates it. */
export const FlowSettingsNotification = new NotificationType<FlowSettingsParams>('flowdeck/flowSettings');

export const FLOW_SETTINGS_METHOD = 'flowdeck/flowSettings';

/** What the server process holds in memory (bytes), as Node reports it. */
export interface ServerMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
}

/** Client -> server: the server process's memory use (for the status and for tests). */
export const ServerMemoryRequest = new RequestType0<ServerMemory, void>('flowdeck/serverMemory');
