// Standalone HTML pages of a flow (for `flowdeck preview`): one per screen with the phone and
// where the screen leads, and an index in routing order (both from the screen graph's routing). Inline CSS only, and a Content
// Security Policy that lets the page load nothing (images are base64 data).
import { escapeHtml } from './escape';
import { flowScreens } from './flow';
import type { Routing } from './routing';
import { renderScreen, type ScreenRenderOptions } from './screen';
import { PHONE_CSS } from './styles';

const PAGE_CSS = `
body{margin:0;padding:24px;font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f0f2f5;color:#111b21}
@media (prefers-color-scheme: dark){body{background:#202124;color:#e8eaed}a{color:#8ab4f8}}
.fd-page{display:flex;gap:32px;align-items:flex-start;flex-wrap:wrap}
.fd-page .fd-phone{height:auto;min-height:740px}
.fd-page-nav{font-size:14px;margin-bottom:16px}
.fd-page-side{font-size:14px;max-width:320px}
.fd-page-side h2{font-size:15px;margin:0 0 6px}
.fd-page-side ul,.fd-index{padding-left:20px;margin:0 0 16px}
.fd-index li{margin:4px 0}
.fd-tagline{color:#667781;font-size:12px}
`;

/** A file name for a screen's page: its id with anything unusual replaced. */
export function screenFileName(id: string): string {
  return `${id.replace(/[^\w.-]/g, '_')}.html`;
}

function document(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style>${PHONE_CSS}${PAGE_CSS}</style>
</head>
<body class="fd-theme-auto">
${body}
</body>
</html>
`;
}

/** A screen's page; `routing` is the language service's screen graph read by ./routing. */
export function screenPage(flow: unknown, flowName: string, screenId: string, routing: Routing, options: ScreenRenderOptions = {}): string {
  const link = (id: string) => `<a href="${escapeHtml(screenFileName(id))}">${escapeHtml(id)}</a>`;
  const next = routing.edges.filter((e) => e.from === screenId).map((e) => `<li>${link(e.to)}</li>`);
  const back = routing.edges.filter((e) => e.to === screenId).map((e) => `<li>${link(e.from)}</li>`);
  const side =
    `<div class="fd-page-side"><h2>${escapeHtml(screenId)}</h2>` +
    (routing.entry === screenId ? '<p class="fd-tagline">entry screen</p>' : '') +
    (routing.terminal.has(screenId) ? '<p class="fd-tagline">terminal screen</p>' : '') +
    (next.length ? `<h2>Leads to</h2><ul>${next.join('')}</ul>` : '') +
    (back.length ? `<h2>Reached from</h2><ul>${back.join('')}</ul>` : '') +
    `</div>`;
  const body =
    `<div class="fd-page-nav"><a href="index.html">${escapeHtml(flowName)}</a> / ${escapeHtml(screenId)}</div>` +
    `<div class="fd-page">${renderScreen(flow, screenId, options)}${side}</div>`;
  return document(`${flowName}: ${screenId}`, body);
}

export function indexPage(flow: unknown, flowName: string, routing: Routing): string {
  const titles = new Map(flowScreens(flow).map((s) => [s.id, typeof s.json['title'] === 'string' ? s.json['title'] : '']));
  const items = routing.order.map((id) => {
    const title = titles.get(id) ?? '';
    const marks = [routing.entry === id ? 'entry' : '', routing.terminal.has(id) ? 'terminal' : ''].filter(Boolean).join(', ');
    return `<li><a href="${escapeHtml(screenFileName(id))}">${escapeHtml(id)}</a>${title ? ` - ${escapeHtml(title)}` : ''}${marks ? ` <span class="fd-tagline">(${marks})</span>` : ''}</li>`;
  });
  return document(flowName, `<h1>${escapeHtml(flowName)}</h1><ol class="fd-index">${items.join('')}</ol>`);
}
