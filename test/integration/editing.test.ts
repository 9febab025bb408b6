// Writing a flow in a real VS Code: the Problems panel, completion, hover, rename and quick fixes,
// all answered by the language server through the editor's own commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clearNotifications, closeAllEditors, openDocument, screenshot, waitFor, waitForPublishedDiagnostics, writeWorkspaceFile } from './harness';

// `Next: Shiping` names no state (a typo of `Shipping`), and `Ship` neither ends nor moves on.
const BROKEN_FLOW = `Type: StateMachine
SpecVersion: v1
Name: broken-order
StartAt: Check
States:
  - Type: Pass
    Name: Check
    Next: Shiping
  - Type: Pass
    Name: Shipping
    Next: Ship
  - Type: Pass
    Name: Ship
`;

/** The 0-based line whose text, without its indentation, is `text`. */
const lineOf = (doc: vscode.TextDocument, text: string): number => {
  const line = doc.getText().split('\n').findIndex((l) => l.trim() === text);
  assert.ok(line >= 0, `a line "${text}" is in the document`);
  return line;
};

suite('Writing a flow', () => {
  teardown(closeAllEditors);

  test('a broken flow shows its errors, on their lines, in the Problems panel', async () => {
    const uri = await writeWorkspaceFile('editing/broken-order.flow.yaml', BROKEN_FLOW);
    const doc = await openDocument(uri);
    const diagnostics = await waitForPublishedDiagnostics(uri);
    const unknown = diagnostics.find((d) => d.code === 'unknown-state');
    assert.ok(unknown, `an unknown-state error among ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(unknown.range.start.line, lineOf(doc, 'Next: Shiping'));
    assert.equal(doc.getText(unknown.range), 'Shiping');
    const dangling = diagnostics.find((d) => d.code === 'missing-transition');
    assert.ok(dangling, `a missing-transition error among ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.equal(dangling.range.start.line, lineOf(doc, 'Name: Ship'));
    assert.equal(doc.getText(dangling.range), 'Ship');

    await clearNotifications();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems-panel');
  });

  test('completion after `Next:` offers the state names of the flow', async () => {
    const uri = await writeWorkspaceFile('editing/complete-next.flow.yaml', BROKEN_FLOW.replace('Next: Shiping', 'Next: '));
    const doc = await openDocument(uri);
    await waitForPublishedDiagnostics(uri);
    const line = lineOf(doc, 'Next:');
    const position = new vscode.Position(line, doc.lineAt(line).text.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const state of ['Shipping', 'Ship']) assert.ok(labels.includes(state), `${state} is offered among ${JSON.stringify(labels)}`);

    // What the author sees: the suggestion list open at the cursor.
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(position, position);
    await clearNotifications();
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    // the widget renders after the provider answers
    await screenshot('completion-state-names', { waitFor: '.suggest-widget.visible .monaco-list-row' });
  });

  test('hover on a key shows the schema documentation', async () => {
    const uri = await writeWorkspaceFile('editing/hover.flow.yaml', BROKEN_FLOW);
    const doc = await openDocument(uri);
    await waitForPublishedDiagnostics(uri);
    const line = lineOf(doc, 'StartAt: Check');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /StartAt|first state/i);
  });

  test('the "did you mean" quick fix repairs the unknown state', async () => {
    const uri = await writeWorkspaceFile('editing/quick-fix.flow.yaml', BROKEN_FLOW);
    const doc = await openDocument(uri);
    const diagnostics = await waitForPublishedDiagnostics(uri);
    const unknown = diagnostics.find((d) => d.code === 'unknown-state');
    assert.ok(unknown);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range);
    const fix = actions.find((a) => /Shipping/.test(a.title) && a.edit);
    assert.ok(fix?.edit, `a fix naming Shipping among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.lineAt(lineOf(doc, 'Name: Check') + 1).text, /Next: Shipping$/);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'unknown-state'), {
      message: 'the unknown-state error to go away after the fix',
    });
  });

  test('renaming a state updates every reference to it', async () => {
    const uri = await writeWorkspaceFile('editing/rename.flow.yaml', BROKEN_FLOW.replace('Next: Shiping', 'Next: Shipping'));
    const doc = await openDocument(uri);
    await waitForPublishedDiagnostics(uri);
    const line = lineOf(doc, 'Name: Shipping');
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('Shipping') + 1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, at, 'Dispatch');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const text = doc.getText();
    assert.equal((text.match(/Dispatch/g) ?? []).length, 2, text);
    assert.ok(!text.includes('Shipping'), text);
  });
});
