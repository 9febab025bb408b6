// Clicking through a flow in the preview, without a DOM: the screens visited (with their data and
// what was entered), and what each action does. navigate goes on with its payload over the next
// screen's examples; complete and data_exchange show their payload; a data_exchange response
// (written by the user or from the responses file) picks the next screen and its data.
import { resolveValue } from './render/expressions';
import { exampleData, findScreen, flowScreens } from './render/flow';
import { atPointer, isObject, objectAt, stringAt, type JsonObject, type JsonValue } from './render/json';
import { NO_ROUTING, type Routing } from './render/routing';
import { screenScope, type ScreenState } from './render/screen';
import type { ScreenValues } from './render/expressions';

export interface Frame {
  readonly screenId: string;
  data: JsonObject;
  form: JsonObject;
}

export type Overlay =
  | { readonly kind: 'complete'; readonly payload: JsonValue }
  | { readonly kind: 'dataExchange'; readonly payload: JsonValue; readonly screenId: string; response: string; error?: string }
  | { readonly kind: 'openUrl'; readonly url: string };

/** The Data API's answer that ends a flow (research/whatsapp-tencent.md A.8). */
const SUCCESS = 'SUCCESS';

export class PreviewSession {
  private flow: unknown;
  private responses: JsonObject = {};
  private routing: Routing = NO_ROUTING;
  private history: Frame[] = [];
  overlay: Overlay | undefined;

  /**
   * A new version of the document, with its routing (from the language service's screen graph):
   * stay on the current screen while it still exists, else start on the entry screen.
   */
  setFlow(flow: unknown, responses: JsonObject, routing: Routing): void {
    this.flow = flow;
    this.responses = responses;
    this.routing = routing;
    const screens = flowScreens(flow);
    const ids = new Set(screens.map((s) => s.id));
    this.history = this.history.filter((f) => ids.has(f.screenId));
    if (this.history.length === 0) {
      // without a graph yet (the server has not answered) the phone still starts somewhere
      const entry = routing.entry !== undefined && ids.has(routing.entry) ? routing.entry : screens[0]?.id;
      if (entry) this.history = [this.frame(entry)];
    }
  }

  current(): Frame | undefined {
    return this.history.at(-1);
  }

  canGoBack(): boolean {
    return this.history.length > 1;
  }

  /** What the renderer needs for the current screen: its values and every visited screen's. */
  state(): ScreenState {
    const screens: Record<string, ScreenValues> = {};
    for (const f of this.history) screens[f.screenId] = { data: f.data, form: f.form };
    const cur = this.current();
    return cur ? { data: cur.data, form: cur.form, screens } : {};
  }

  /** Jumps to a screen (the cursor moved there, or it was picked on the routing graph). */
  show(screenId: string): boolean {
    if (this.current()?.screenId === screenId && !this.overlay) return false;
    if (!findScreen(this.flow, screenId)) return false;
    this.overlay = undefined;
    this.history = [this.frame(screenId)];
    return true;
  }

  back(): void {
    if (this.overlay) this.overlay = undefined;
    else if (this.history.length > 1) this.history.pop();
  }

  restart(): void {
    this.overlay = undefined;
    this.history = [];
    this.setFlow(this.flow, this.responses, this.routing);
  }

  /** A Markdown link was tapped: the phone would leave for the browser. */
  openUrl(url: string): void {
    this.overlay = { kind: 'openUrl', url };
  }

  setField(name: string, value: JsonValue): void {
    const cur = this.current();
    if (cur) cur.form = { ...cur.form, [name]: value };
  }

  /** Runs the action object at `pointer` in the document. */
  runAction(pointer: string): void {
    const action = atPointer(this.flow, pointer);
    const cur = this.current();
    if (!isObject(action) || !cur) return;
    const screen = findScreen(this.flow, cur.screenId);
    if (!screen) return;
    const payload = resolveValue(action['payload'] ?? {}, screenScope(this.flow, screen, this.state())) ?? {};
    switch (action['name']) {
      case 'navigate': {
        const next = stringAt(objectAt(action, 'next'), 'name');
        if (next && findScreen(this.flow, next)) this.history.push(this.frame(next, isObject(payload) ? payload : {}));
        return;
      }
      case 'complete':
        this.overlay = { kind: 'complete', payload };
        return;
      case 'data_exchange':
        this.overlay = { kind: 'dataExchange', payload, screenId: cur.screenId, response: JSON.stringify(this.responseFor(cur.screenId), null, 2) };
        return;
      case 'update_data':
        if (isObject(payload)) cur.data = { ...cur.data, ...payload };
        return;
      case 'open_url':
        this.overlay = { kind: 'openUrl', url: typeof action['url'] === 'string' ? action['url'] : '' };
        return;
    }
  }

  /**
   * Answers the pending data_exchange with a Data API response `{ "screen", "data" }`. Returns
   * false (and sets the overlay's error to `why`'s message) when the text is not such a response.
   */
  answer(text: string, why: { notJson: string; invalid: string }): boolean {
    const overlay = this.overlay;
    if (overlay?.kind !== 'dataExchange') return false;
    overlay.response = text;
    let response: unknown;
    try {
      response = JSON.parse(text);
    } catch {
      overlay.error = why.notJson;
      return false;
    }
    const screen = stringAt(response, 'screen');
    const data = objectAt(response, 'data') ?? {};
    if (screen === SUCCESS) {
      const params = objectAt(objectAt(data, 'extension_message_response'), 'params');
      this.overlay = { kind: 'complete', payload: params ?? data };
      return true;
    }
    if (!screen || !findScreen(this.flow, screen)) {
      overlay.error = why.invalid;
      return false;
    }
    this.overlay = undefined;
    const cur = this.current();
    if (cur && cur.screenId === screen) cur.data = { ...exampleData(findScreen(this.flow, screen)?.json ?? {}), ...data };
    else this.history.push(this.frame(screen, data));
    return true;
  }

  /** The saved response for a screen's data_exchange, else one that goes to its first route. */
  private responseFor(screenId: string): JsonValue {
    const saved = this.responses[screenId];
    if (saved !== undefined) return saved;
    const next = this.routing.edges.find((e) => e.from === screenId)?.to;
    const target = next ? findScreen(this.flow, next) : undefined;
    if (next && target) return { screen: next, data: exampleData(target.json) };
    return { screen: SUCCESS, data: { extension_message_response: { params: { flow_token: 'preview' } } } };
  }

  private frame(screenId: string, data: JsonObject = {}): Frame {
    const screen = findScreen(this.flow, screenId);
    return { screenId, data: { ...(screen ? exampleData(screen.json) : {}), ...data }, form: {} };
  }
}
