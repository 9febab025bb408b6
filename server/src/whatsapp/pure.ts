// The WhatsApp Flow modules the browser-side phone renderer (webview/preview) shares with the
// language service: pure functions over strings, no Node, no service state.
export { parseFlowExpression, type Expr } from './check/expressionParser';
export { compareVersions } from './spec/versions';
