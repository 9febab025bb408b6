// The editor's theme colours, read from the CSS variables VS Code gives every webview, for
// exports that must look right outside the editor.
import { LIGHT_SVG_THEME, type SvgTheme } from './svg';

export function resolvedTheme(): SvgTheme {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const text = v('--vscode-editor-foreground', LIGHT_SVG_THEME.text);
  return {
    background: v('--vscode-editor-background', LIGHT_SVG_THEME.background),
    nodeFill: v('--vscode-editorWidget-background', LIGHT_SVG_THEME.nodeFill),
    nodeStroke: v('--vscode-contrastBorder', v('--vscode-editorWidget-border', LIGHT_SVG_THEME.nodeStroke)),
    containerFill: v('--vscode-sideBar-background', LIGHT_SVG_THEME.containerFill),
    text,
    muted: v('--vscode-descriptionForeground', LIGHT_SVG_THEME.muted),
    edge: v('--vscode-editorLineNumber-foreground', LIGHT_SVG_THEME.edge),
    choice: v('--vscode-textLink-foreground', LIGHT_SVG_THEME.choice),
    catch: v('--vscode-charts-orange', LIGHT_SVG_THEME.catch),
    broken: v('--vscode-errorForeground', LIGHT_SVG_THEME.broken),
    labelFill: v('--vscode-editor-background', LIGHT_SVG_THEME.labelFill),
    fontFamily: v('--vscode-font-family', LIGHT_SVG_THEME.fontFamily),
  };
}
