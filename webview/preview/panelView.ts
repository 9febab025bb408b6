// The panel around the phone, as HTML strings: the routing graph beside it and the sheet that
// shows a completion or data_exchange payload. Pure, like the renderer.
import type { PanelStrings } from './protocol';
import { escapeHtml } from './render/escape';
import type { RouteGraphDrawing } from './routeGraph';
import type { Overlay } from './session';

/** The routing graph beside the phone, under its heading (empty until the language server has answered). */
export function routesView(drawing: RouteGraphDrawing | undefined, strings: PanelStrings): string {
  const body = drawing && drawing.screens.size > 0 ? drawing.svg : '';
  return `<h2 class="pv-heading">${escapeHtml(strings.screens)}</h2><div class="pv-graph">${body}</div>`;
}

export function overlayView(overlay: Overlay | undefined, strings: PanelStrings): string {
  if (!overlay) return '';
  const json = (v: unknown) => `<pre class="pv-json">${escapeHtml(JSON.stringify(v, null, 2))}</pre>`;
  let inner: string;
  switch (overlay.kind) {
    case 'complete':
      inner =
        `<h2 class="pv-sheet-title">✓ ${escapeHtml(strings.completed)}</h2><div class="pv-label">${escapeHtml(strings.completePayload)}</div>${json(overlay.payload)}` +
        `<div class="pv-buttons"><button type="button" class="pv-button" data-sheet="restart">${escapeHtml(strings.restart)}</button></div>`;
      break;
    case 'dataExchange':
      inner =
        `<h2 class="pv-sheet-title">${escapeHtml(strings.dataExchange)}</h2><div class="pv-label">${escapeHtml(strings.dataExchangePayload)}</div>${json(overlay.payload)}` +
        `<label class="pv-label" for="pv-response">${escapeHtml(strings.response)}</label>` +
        `<textarea id="pv-response" class="pv-response" rows="8" spellcheck="false">${escapeHtml(overlay.response)}</textarea>` +
        `<div class="pv-hint">${escapeHtml(strings.responseHint)}</div>` +
        (overlay.error ? `<div class="pv-error" role="alert">${escapeHtml(overlay.error)}</div>` : '') +
        `<div class="pv-buttons"><button type="button" class="pv-button" data-sheet="send">${escapeHtml(strings.send)}</button>` +
        `<button type="button" class="pv-button pv-secondary" data-sheet="close">${escapeHtml(strings.close)}</button></div>`;
      break;
    case 'openUrl':
      inner =
        `<h2 class="pv-sheet-title">${escapeHtml(strings.openUrl)}</h2><pre class="pv-json">${escapeHtml(overlay.url)}</pre>` +
        `<div class="pv-buttons"><button type="button" class="pv-button" data-sheet="close">${escapeHtml(strings.close)}</button></div>`;
      break;
  }
  return `<div class="pv-sheet" role="dialog" aria-modal="true" data-overlay="${overlay.kind}">${inner}</div>`;
}
