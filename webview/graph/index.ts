// The graph drawing outside the browser, for `flowdeck graph`: the view model and its layout,
// and the SVG text. Pure functions (no `document`); main.ts is the webview's own entry.
export { layoutView, viewGraph, type ViewNode } from './viewGraph';
export { graphSvg, LIGHT_SVG_THEME } from './svg';
