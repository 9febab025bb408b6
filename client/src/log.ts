// The "Flowdeck" log output channel (levels set from the Output view's gear) and the one way
// errors reach the user: a message with an "Open Output" button.
import * as vscode from 'vscode';

export const OUTPUT_NAME = 'Flowdeck';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(OUTPUT_NAME, { log: true });
}

/** Logs an error and shows it with a button that opens the log. Never throws. */
export function reportError(log: vscode.LogOutputChannel, message: string, error?: unknown): void {
  const detail = error instanceof Error ? error.message : error === undefined ? '' : String(error);
  log.error(detail ? `${message}: ${detail}` : message);
  if (error instanceof Error && error.stack) log.debug(error.stack);
  const openOutput = vscode.l10n.t('Open Output');
  void vscode.window.showErrorMessage(detail ? `${message}: ${detail}` : message, openOutput).then((choice) => {
    if (choice === openOutput) log.show(true);
  });
}
