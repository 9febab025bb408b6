// Small builders for renderer tests: a one-screen flow around some components.
import { renderScreen, type ScreenRenderOptions } from '../../../webview/preview/render/screen';
import type { JsonObject, JsonValue } from '../../../webview/preview/render/json';

export function flowOf(children: JsonValue[], extra: JsonObject = {}, version = '7.3'): JsonObject {
  return { version, screens: [{ id: 'S', title: 'Screen', terminal: true, layout: { type: 'SingleColumnLayout', children }, ...extra }] };
}

export function render(children: JsonValue[], options: ScreenRenderOptions & { extra?: JsonObject; version?: string } = {}): string {
  return renderScreen(flowOf(children, options.extra, options.version), 'S', options);
}

/** The markup of the component at `/screens/0/layout/children/<i>`. */
export function componentHtml(html: string, index: number): string {
  const marker = `data-path="/screens/0/layout/children/${index}"`;
  const at = html.indexOf(marker);
  if (at < 0) return '';
  const start = html.lastIndexOf('<div', at);
  const next = html.indexOf(`data-path="/screens/0/layout/children/${index + 1}"`, at);
  return html.slice(start, next < 0 ? undefined : html.lastIndexOf('<div', next));
}
