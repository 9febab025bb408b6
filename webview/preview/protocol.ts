// The one message protocol between the WhatsApp Flow preview panel (webview/preview/main.ts)
// and the extension (client/src/whatsapp/preview/). Both sides import these types.
import type { FlowGraph } from '../../server/src/lsp/protocol';
import type { JsonObject, JsonValue } from './render/json';
import type { PreviewStrings } from './render/strings';

/** Words of the panel around the phone, translated by the extension. */
export interface PanelStrings {
  readonly screens: string;
  readonly entry: string;
  readonly terminal: string;
  /** Under a screen that is navigated to but does not exist. */
  readonly missing: string;
  readonly completed: string;
  readonly completePayload: string;
  readonly dataExchange: string;
  readonly dataExchangePayload: string;
  readonly response: string;
  readonly responseHint: string;
  readonly send: string;
  readonly restart: string;
  readonly close: string;
  readonly openUrl: string;
  readonly invalidResponse: string;
  readonly notJson: string;
}

/** The document as the preview needs it: sent on open, after edits (debounced) and on new diagnostics. */
export interface FlowMessage {
  readonly type: 'flow';
  /** The parsed Flow JSON, or undefined while the text is not JSON. */
  readonly flow: JsonValue | undefined;
  /** Why `flow` is undefined, e.g. the JSON syntax error with its line. */
  readonly parseError?: string;
  readonly fileName: string;
  /** Diagnostics' messages by the JSON pointer of the component (or screen) they fall in; `""` for the flow outside any screen. */
  readonly issues: Readonly<Record<string, readonly string[]>>;
  /** Data endpoint responses by the id of the screen whose data_exchange they answer. */
  readonly responses: JsonObject;
  /** The language service's screen graph of the same text; undefined when the server has none. */
  readonly graph: FlowGraph | undefined;
  readonly strings: PreviewStrings;
  readonly panel: PanelStrings;
}

/** The cursor moved: show this screen (and mark the component under the cursor). */
export interface CursorMessage {
  readonly type: 'cursor';
  readonly screenId: string;
  readonly componentPath?: string;
}

/**
 * Presses the element that runs the action at this JSON pointer, or that has this `data-path`, as
 * a click would; with `value`, types it into the input of the component at `path` instead.
 */
export interface ActivateMessage {
  readonly type: 'activate';
  readonly path: string;
  readonly value?: string;
}

export type ToWebview = FlowMessage | CursorMessage | ActivateMessage;

export interface ReadyMessage {
  readonly type: 'ready';
}

/** What the phone shows after each render: lets the extension (and its tests) follow along. */
export interface RenderedMessage {
  readonly type: 'rendered';
  readonly screenId: string | undefined;
  /** Components outlined for diagnostics. */
  readonly outlined: number;
  /** The sheet over the phone, if any: the completion or data_exchange payload, or a URL. */
  readonly overlay: 'complete' | 'dataExchange' | 'openUrl' | undefined;
  /** The payload the overlay shows. */
  readonly payload?: JsonValue;
  /** The screen's data in use (a navigation payload over the examples, or a response). */
  readonly data: JsonObject;
  /** The routing graph beside the phone as drawn: its screens, its arrows, the highlighted screen. */
  readonly graph: DrawnGraph;
}

export interface DrawnGraph {
  readonly screens: readonly string[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly label?: string }[];
  readonly current: string | undefined;
}

/** Select the JSON at this pointer in the editor (the user double-clicked a component or screen). */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly path: string;
}

export type FromWebview = ReadyMessage | RenderedMessage | RevealMessage;

// what the messages carry, for the extension side to name without reaching into the renderer
export type { JsonObject, JsonValue, PreviewStrings };
