// The WhatsApp Flow preview panel: a phone showing the current screen, the routing graph beside
// it, and click-through. Rendering is the pure renderer's; this file only wires the DOM, the
// session and the messages of ./protocol.
import './panel.css';
import { vscodeApi } from '../shared/vscodeApi';
import type { DrawnGraph, FlowMessage, FromWebview, ToWebview } from './protocol';
import { overlayView, routesView } from './panelView';
import { escapeHtml } from './render/escape';
import { atPointer, isObject, type JsonValue } from './render/json';
import { renderScreen } from './render/screen';
import { PHONE_CSS } from './render/styles';
import { NO_ROUTING, screenRouting } from './render/routing';
import { routeGraph, terminalNodes, type RouteGraphDrawing } from './routeGraph';
import { PreviewSession } from './session';

// the panel's CSP admits styles by nonce only: give the phone's stylesheet the script's own
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const style = document.createElement('style');
style.nonce = nonce;
style.textContent = PHONE_CSS;
document.head.appendChild(style);

const api = vscodeApi<FromWebview, undefined>();
const root = document.getElementById('root') as HTMLElement;
const session = new PreviewSession();
let doc: FlowMessage | undefined;
let cursorComponent: string | undefined;
/** Laid out once per flow message: typing into the phone re-renders, the graph stays. */
let drawing: RouteGraphDrawing | undefined;

function render(): void {
  if (!doc) return;
  const focus = rememberFocus();
  const cur = session.current();
  const phone = renderScreen(doc.flow, cur?.screenId ?? '', {
    state: session.state(),
    issues: doc.issues,
    strings: doc.strings,
    canGoBack: session.canGoBack(),
  });
  root.innerHTML =
    (doc.parseError ? `<div class="pv-parse-error" role="alert">${escapeHtml(doc.parseError)}</div>` : '') +
    `<div class="pv-layout"><div class="pv-phone-col">${phone}${overlayView(session.overlay, doc.panel)}</div>` +
    `<aside class="pv-side">${routesView(drawing, doc.panel)}</aside></div>`;
  if (cursorComponent) root.querySelector(`[data-path="${CSS.escape(cursorComponent)}"]`)?.classList.add('fd-current');
  const graph = decorateGraph(cur?.screenId);
  restoreFocus(focus);
  const overlay = session.overlay;
  api.postMessage({
    type: 'rendered',
    screenId: cur?.screenId,
    outlined: root.querySelectorAll('.fd-phone .fd-has-issue').length,
    overlay: overlay?.kind,
    ...(overlay && overlay.kind !== 'openUrl' ? { payload: overlay.payload } : {}),
    data: cur?.data ?? {},
    graph,
  });
}

/** Makes the drawn screens buttons (focusable, named, the current one marked) and says what is drawn. */
function decorateGraph(current: string | undefined): DrawnGraph {
  const screens: string[] = [];
  const terminal = doc?.graph ? terminalNodes(doc.graph) : new Set<string>();
  let shown: string | undefined;
  for (const g of root.querySelectorAll<SVGGElement>('.pv-graph g.node')) {
    const id = g.dataset['id'] ?? '';
    const screen = drawing?.screens.get(id);
    if (screen === undefined) continue; // a missing target: nothing to show
    screens.push(screen);
    g.dataset['screen'] = screen;
    g.classList.add('pv-route');
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', g.textContent?.trim().replace(/\s+/g, ' ') ?? screen);
    if (terminal.has(id)) g.classList.add('pv-terminal');
    if (screen === current) {
      g.classList.add('pv-current');
      g.setAttribute('aria-current', 'true');
      shown = screen;
    }
  }
  const edges = [...root.querySelectorAll<SVGGElement>('.pv-graph g.edge')].map((g) => {
    const label = g.querySelector('title')?.textContent ?? undefined;
    return { from: drawing?.screens.get(g.dataset['from'] ?? '') ?? '', to: drawing?.screens.get(g.dataset['to'] ?? '') ?? g.dataset['to'] ?? '', ...(label ? { label } : {}) };
  });
  return { screens, edges, current: shown };
}

interface Focus {
  readonly id: string;
  readonly start: number | null;
  /** A screen of the graph had the focus (its box has no id). */
  readonly screen?: string;
}

// re-rendering replaces the DOM: keep the caret where the user is typing, the focus on its screen
function rememberFocus(): Focus | undefined {
  const el = document.activeElement;
  if (el instanceof SVGGElement && el.dataset['screen'] !== undefined) return { id: '', start: null, screen: el.dataset['screen'] };
  if (!(el instanceof HTMLElement) || !el.id) return undefined;
  const start = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? safeSelection(el) : null;
  return { id: el.id, start };
}

function safeSelection(el: HTMLInputElement | HTMLTextAreaElement): number | null {
  try {
    return el.selectionStart;
  } catch {
    return null; // date and email fields have no selection
  }
}

function restoreFocus(focus: Focus | undefined): void {
  if (!focus) return;
  if (focus.screen !== undefined) {
    root.querySelector<SVGGElement>(`.pv-route[data-screen="${CSS.escape(focus.screen)}"]`)?.focus();
    return;
  }
  const el = document.getElementById(focus.id);
  if (!el) return;
  el.focus();
  if (focus.start !== null && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
    try {
      el.setSelectionRange(focus.start, focus.start);
    } catch {
      // not a text field
    }
  }
}

/** The form value an input holds, typed as Flow JSON expects it. */
function fieldValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, name: string): JsonValue {
  if (el instanceof HTMLInputElement && el.type === 'checkbox') {
    const group = [...root.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][data-name="${CSS.escape(name)}"]`)];
    // a lone checkbox with no value of its own is an OptIn: a boolean
    if (group.length === 1 && !el.hasAttribute('value')) return el.checked;
    return group.filter((c) => c.checked).map((c) => c.value);
  }
  const part = el.dataset['part'];
  if (part) {
    const cur = session.current()?.form[name];
    return { ...(isObject(cur) ? cur : {}), [part]: el.value };
  }
  return el.value;
}

/** Runs the component's own on-select-action (or the chosen option's) after a selection. */
function selectAction(el: HTMLElement): string | undefined {
  const box = el.closest<HTMLElement>('.fd-component');
  const path = box?.dataset['path'];
  if (!path || !doc) return undefined;
  const component = atPointer(doc.flow, path);
  if (!isObject(component)) return undefined;
  const checked = !(el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') && !el.checked);
  const key = checked ? 'on-select-action' : 'on-unselect-action';
  const value = (el as HTMLInputElement).value;
  const source = component['data-source'];
  if (Array.isArray(source)) {
    const index = source.findIndex((o) => isObject(o) && o['id'] === value);
    const option = source[index];
    if (isObject(option) && isObject(option[key])) return `${path}/data-source/${index}/${key}`;
  }
  return isObject(component[key]) ? `${path}/${key}` : undefined;
}

function onInput(event: Event): void {
  const el = event.target;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) return;
  const name = el.dataset['name'];
  if (name === undefined) return;
  session.setField(name, fieldValue(el, name));
  // typing re-renders (bindings on ${form.x} follow); a selection also runs its action
  if (event.type === 'change' && !(el instanceof HTMLTextAreaElement) && !(el instanceof HTMLInputElement && /^(text|email|password|tel)$/.test(el.type))) {
    const action = selectAction(el);
    if (action) session.runAction(action);
  }
  render();
}

function onClick(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  if (!target || !doc) return;
  const sheet = target.closest<HTMLElement>('[data-sheet]')?.dataset['sheet'];
  if (sheet) return sheetButton(sheet);
  const route = target.closest<HTMLElement | SVGGElement>('.pv-route')?.dataset['screen'];
  if (route) {
    session.show(route);
    return render();
  }
  if (target.closest('[data-back]')) {
    session.back();
    return render();
  }
  const url = target.closest<HTMLElement>('.fd-link[data-url]')?.dataset['url'];
  if (url !== undefined) {
    session.openUrl(url);
    return render();
  }
  const action = target.closest<HTMLElement>('[data-action]');
  if (action && !(action instanceof HTMLButtonElement && action.disabled)) {
    event.preventDefault();
    session.runAction(action.dataset['action'] ?? '');
    render();
  }
}

function sheetButton(which: string): void {
  if (!doc) return;
  if (which === 'send') {
    const text = (document.getElementById('pv-response') as HTMLTextAreaElement | null)?.value ?? '';
    session.answer(text, { notJson: doc.panel.notJson, invalid: doc.panel.invalidResponse });
  } else if (which === 'restart') {
    session.restart();
  } else {
    session.back();
  }
  render();
}

function onDoubleClick(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  const path = target?.closest<HTMLElement>('[data-path]')?.dataset['path'];
  if (path) api.postMessage({ type: 'reveal', path });
}

/** A click, for elements that have no click() of their own (the graph's SVG boxes). */
function press(el: Element): void {
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
}

// keyboard: Enter/Space on role=button links and screens, arrow keys from screen to screen
function onKeyDown(event: KeyboardEvent): void {
  const target = event.target instanceof HTMLElement || event.target instanceof SVGElement ? event.target : null;
  if (!target) return;
  if ((event.key === 'Enter' || event.key === ' ') && target.matches('a[role="button"], a.fd-link, .pv-route')) {
    event.preventDefault();
    press(target);
    return;
  }
  const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
  if (step !== undefined && target.classList.contains('pv-route')) {
    event.preventDefault();
    const all = [...root.querySelectorAll<SVGGElement>('.pv-route')];
    all[all.indexOf(target as SVGGElement) + step]?.focus();
  }
}

function activate(path: string, value: string | undefined): void {
  if (value !== undefined) {
    const input = root.querySelector(`[data-path="${CSS.escape(path)}"]`)?.querySelector<HTMLInputElement>('input, textarea, select');
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  const el =
    [...root.querySelectorAll<HTMLElement | SVGGElement>('[data-action],[data-sheet],.pv-route')].find(
      (e) => e.dataset['action'] === path || e.dataset['sheet'] === path || e.dataset['screen'] === path,
    ) ?? root.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  if (el) press(el);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'flow':
      doc = msg;
      drawing = msg.graph ? routeGraph(msg.graph, msg.panel) : undefined;
      session.setFlow(msg.flow, msg.responses, msg.graph ? screenRouting(msg.graph) : NO_ROUTING);
      render();
      break;
    case 'cursor':
      cursorComponent = msg.componentPath;
      session.show(msg.screenId);
      render();
      break;
    case 'activate':
      activate(msg.path, msg.value);
      break;
  }
});

root.addEventListener('input', onInput);
root.addEventListener('change', onInput);
root.addEventListener('click', onClick);
root.addEventListener('dblclick', onDoubleClick);
root.addEventListener('keydown', onKeyDown);
api.postMessage({ type: 'ready' });
