// Entry point of the WhatsApp Flow features (pull/push through CAMS).
import type * as vscode from 'vscode';

export function registerWhatsappFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  void context;
  log.debug('WhatsApp features registered');
}
