// The preview's words, translated: the phone's few own words and the panel's.
import * as vscode from 'vscode';
import type { PanelStrings, PreviewStrings } from '../../../../webview/preview/protocol';

export function phoneStrings(): PreviewStrings {
  return {
    optional: vscode.l10n.t('(optional)'),
    select: vscode.l10n.t('Select'),
    readMore: vscode.l10n.t('Read more'),
    managedBy: vscode.l10n.t('Managed by the business. Learn more'),
    takePhoto: vscode.l10n.t('Take photo'),
    chooseFromGallery: vscode.l10n.t('Choose from gallery'),
    chooseDocument: vscode.l10n.t('Choose file'),
    imageUnavailable: vscode.l10n.t('Image not shown: not base64 image data'),
    noScreen: vscode.l10n.t('This flow has no screen to show yet.'),
    startDate: vscode.l10n.t('Start date'),
    endDate: vscode.l10n.t('End date'),
  };
}

export function panelStrings(): PanelStrings {
  return {
    screens: vscode.l10n.t('Screens'),
    entry: vscode.l10n.t('entry'),
    terminal: vscode.l10n.t('terminal'),
    missing: vscode.l10n.t('missing'),
    completed: vscode.l10n.t('Flow completed'),
    completePayload: vscode.l10n.t('Payload sent with the flow token:'),
    dataExchange: vscode.l10n.t('Data exchange'),
    dataExchangePayload: vscode.l10n.t('Payload sent to the data endpoint:'),
    response: vscode.l10n.t('Endpoint response'),
    responseHint: vscode.l10n.t('{ "screen": "NEXT_SCREEN", "data": { ... } }, or "SUCCESS" to end the flow. Saved answers: .flowdeck/whatsapp/<flow>.responses.json'),
    send: vscode.l10n.t('Send response'),
    restart: vscode.l10n.t('Restart'),
    close: vscode.l10n.t('Close'),
    openUrl: vscode.l10n.t('Opens in the browser'),
    invalidResponse: vscode.l10n.t('The response needs "screen": a screen of this flow or "SUCCESS".'),
    notJson: vscode.l10n.t('The response is not valid JSON.'),
  };
}
