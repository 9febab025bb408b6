// The one handle a webview has on the extension: `acquireVsCodeApi()` may be called only once
// per page, so every module asks here.
export interface VsCodeApi<Out, State> {
  postMessage(message: Out): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<Out, State>(): VsCodeApi<Out, State>;

let api: VsCodeApi<unknown, unknown> | undefined;

export function vscodeApi<Out, State>(): VsCodeApi<Out, State> {
  api ??= acquireVsCodeApi<unknown, unknown>();
  return api as VsCodeApi<Out, State>;
}
