// The WhatsApp Flow preview in a real VS Code: the phone beside examples/whatsapp on its first
// screen with the language service's routing graph beside it (a screen picked on the graph), clicked through to the second and to completion, following the cursor, in the dark
// theme, with a diagnostic outlined on its component, and a data_exchange answered from the
// workspace's responses file. Screenshots: out/screenshots/preview-*.png.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedMessage } from '../../webview/preview/protocol';
import type { WhatsappPreview } from '../../client/src/whatsapp/preview/previewPanel';
import {
  activateExtension,
  clearNotifications,
  closeAllEditors,
  openDocument,
  screenshot,
  waitFor,
  waitForPublishedDiagnostics,
  workspaceUri,
  writeWorkspaceFile,
} from './harness';

const EXAMPLE = ['whatsapp', 'book-a-table.wa-flow.json'];
const FOOTER_OF_BOOKING = '/screens/0/layout/children/4/on-click-action';
const FOOTER_OF_CONFIRM = '/screens/1/layout/children/2/on-click-action';

async function previewPanel(): Promise<WhatsappPreview> {
  return (await vscode.commands.executeCommand<WhatsappPreview>('flowdeck.whatsapp.previewPanel')) as WhatsappPreview;
}

/** Waits until the phone shows what `probe` accepts, and returns that render. */
function rendered(preview: WhatsappPreview, probe: (r: RenderedMessage) => boolean, message: string): Promise<RenderedMessage> {
  return waitFor(() => (preview.lastRendered && probe(preview.lastRendered) ? preview.lastRendered : undefined), { message, timeoutMs: 30_000 });
}

async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
}

suite('WhatsApp Flow preview', function () {
  this.timeout(120_000);
  let preview: WhatsappPreview;

  suiteSetup(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    preview = await previewPanel();
  });
  suiteTeardown(async () => {
    await setTheme('Default Light Modern');
    await closeAllEditors();
  });

  test('opens beside the example on its first screen, with the example data filled in', async () => {
    await openDocument(workspaceUri(...EXAMPLE));
    await vscode.commands.executeCommand('flowdeck.whatsapp.preview');
    const first = await rendered(preview, (r) => r.screenId === 'BOOKING', 'the BOOKING screen');
    assert.deepEqual(first.data, { restaurant: 'Casa Ana' });
    assert.equal(first.outlined, 0);
    assert.equal(first.overlay, undefined);
    await clearNotifications();
    await screenshot('preview-first-screen');
  });

  test('draws the screens\' routing graph beside the phone; clicking a screen shows it', async () => {
    const drawn = await rendered(preview, (r) => r.graph.screens.length > 0, 'the routing graph');
    assert.deepEqual(drawn.graph.screens, ['BOOKING', 'CONFIRM']);
    assert.deepEqual(drawn.graph.edges, [{ from: 'BOOKING', to: 'CONFIRM', label: 'Continue' }]);
    assert.equal(drawn.graph.current, 'BOOKING');
    await screenshot('preview-graph-light');
    preview.activate('CONFIRM'); // a click on CONFIRM's box in the graph
    const confirm = await rendered(preview, (r) => r.screenId === 'CONFIRM', 'CONFIRM picked on the graph');
    assert.equal(confirm.graph.current, 'CONFIRM');
    assert.deepEqual(confirm.data, { guests: 2, day: '2026-12-24' }, 'a screen picked on the graph shows its example data');
    await screenshot('preview-graph-confirm');
    preview.activate('BOOKING');
    await rendered(preview, (r) => r.screenId === 'BOOKING' && r.graph.current === 'BOOKING', 'BOOKING picked on the graph');
  });

  test('clicks through to the second screen with the entered values, then completes', async () => {
    preview.activate('/screens/0/layout/children/1', '6');
    await rendered(preview, () => true, 'a render after typing');
    preview.activate(FOOTER_OF_BOOKING);
    const second = await rendered(preview, (r) => r.screenId === 'CONFIRM', 'the CONFIRM screen');
    assert.deepEqual(second.data, { guests: '6', day: '2026-12-24' });
    await screenshot('preview-second-screen');
    preview.activate(FOOTER_OF_CONFIRM);
    const done = await rendered(preview, (r) => r.overlay === 'complete', 'the completion sheet');
    assert.deepEqual(done.payload, { guests: '6', day: '2026-12-24', reminder: false });
    await screenshot('preview-completed');
  });

  test('follows the cursor to the screen being edited', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(...EXAMPLE)), vscode.ViewColumn.One);
    const at = (needle: string) => editor.document.positionAt(editor.document.getText().indexOf(needle));
    editor.selection = new vscode.Selection(at('"Book a table"'), at('"Book a table"'));
    await rendered(preview, (r) => r.screenId === 'BOOKING' && r.overlay === undefined, 'the cursor in BOOKING');
    editor.selection = new vscode.Selection(at('Send me a reminder'), at('Send me a reminder'));
    await rendered(preview, (r) => r.screenId === 'CONFIRM', 'the cursor in CONFIRM');
    await screenshot('preview-cursor');
  });

  test('follows the dark and high contrast themes', async () => {
    await setTheme('Default Dark Modern');
    await waitFor(() => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark, { message: 'the dark theme' });
    preview.activate('BOOKING');
    await rendered(preview, (r) => r.screenId === 'BOOKING' && r.graph.current === 'BOOKING', 'BOOKING again');
    await screenshot('preview-dark');
    await setTheme('Default High Contrast');
    await waitFor(() => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.HighContrast, { message: 'the high contrast theme' });
    preview.activate('CONFIRM');
    await rendered(preview, (r) => r.screenId === 'CONFIRM', 'CONFIRM in high contrast');
    await screenshot('preview-high-contrast');
    await setTheme('Default Light Modern');
    await waitFor(() => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light, { message: 'the light theme' });
  });

  test('outlines the component a diagnostic falls in, with its message, as the user types', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(...EXAMPLE)), vscode.ViewColumn.One);
    const doc = editor.document;
    const before = (await activateExtension()).diagnosticsPublished(doc.uri)?.count ?? 0;
    const label = doc.getText().indexOf('"Guests"');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(label), doc.positionAt(label + '"Guests"'.length)), '"Number of guests at the table"'));
    const diagnostics = await waitForPublishedDiagnostics(doc.uri, { after: before });
    assert.ok(diagnostics.length > 0, 'the long label is reported');
    editor.selection = new vscode.Selection(doc.positionAt(label), doc.positionAt(label));
    const outlined = await rendered(preview, (r) => r.screenId === 'BOOKING' && r.outlined > 0, 'an outlined component');
    assert.equal(outlined.outlined, 1);
    await screenshot('preview-error-outlined');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('answers a data_exchange from .flowdeck/whatsapp/<flow>.responses.json', async () => {
    const flow = {
      version: '7.3',
      data_api_version: '3.0',
      routing_model: { ASK: ['ANSWER'], ANSWER: [] },
      screens: [
        { id: 'ASK', title: 'Ask', layout: { type: 'SingleColumnLayout', children: [
          { type: 'TextInput', name: 'city', label: 'City' },
          { type: 'Footer', label: 'Look up', 'on-click-action': { name: 'data_exchange', payload: { city: '${form.city}' } } },
        ] } },
        { id: 'ANSWER', title: 'Answer', terminal: true, data: { weather: { type: 'string', __example__: 'sunny' } }, layout: { type: 'SingleColumnLayout', children: [
          { type: 'TextBody', text: '${data.weather}' },
          { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
        ] } },
      ],
    };
    await writeWorkspaceFile('.flowdeck/whatsapp/weather.responses.json', JSON.stringify({ ASK: { screen: 'ANSWER', data: { weather: 'rain from the file' } } }));
    const uri = await writeWorkspaceFile('whatsapp/weather.wa-flow.json', JSON.stringify(flow, null, 2));
    await openDocument(uri);
    await vscode.commands.executeCommand('flowdeck.whatsapp.preview');
    await rendered(preview, (r) => r.screenId === 'ASK', 'the ASK screen');
    preview.activate('/screens/0/layout/children/0', 'Lisbon');
    preview.activate('/screens/0/layout/children/1/on-click-action');
    const sheet = await rendered(preview, (r) => r.overlay === 'dataExchange', 'the data_exchange sheet');
    assert.deepEqual(sheet.payload, { city: 'Lisbon' });
    await screenshot('preview-data-exchange');
    preview.activate('send');
    const answered = await rendered(preview, (r) => r.screenId === 'ANSWER', 'the ANSWER screen');
    assert.equal(answered.data['weather'], 'rain from the file');
  });
});
