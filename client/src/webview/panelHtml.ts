// The HTML shell every Flowdeck webview gets: the bundled script and style of one view from
// dist/webview, under a Content Security Policy that allows nothing else (no network, no
// inline script; images only from the extension and data: URIs).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface PanelHtmlOptions {
  /** The view's folder under webview/, bundled to dist/webview/<view>.js (and .css when present). */
  readonly view: string;
  readonly title: string;
  /** Whether dist/webview/<view>.css exists and should be linked. */
  readonly withStyle?: boolean;
}

/** Local resource roots a panel showing `view` needs (pass to createWebviewPanel's options). */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, options: PanelHtmlOptions): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data: blob:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const style = options.withStyle ? `<link rel="stylesheet" href="${asset(`${options.view}.css`).toString()}">` : '';
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>
${style}
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${asset(`${options.view}.js`).toString()}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
