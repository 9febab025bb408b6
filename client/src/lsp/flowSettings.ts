// Tells the language server a flow's execution mode (`flowdeck/flowSettings`), so the checks
// that depend on it (Express limits) apply to that document.
import type * as vscode from 'vscode';
import { FlowSettingsNotification, type FlowSettingsParams } from '../../../server/src/lsp/protocol';
import type { FlowServer } from '.';

export function sendFlowSettings(
  server: FlowServer,
  uri: vscode.Uri,
  settings: Pick<FlowSettingsParams, 'executionMode'>,
): Promise<void> {
  return server.sendNotification(FlowSettingsNotification, {
    uri: uri.toString(),
    executionMode: settings.executionMode,
  });
}
