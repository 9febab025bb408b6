// The extension in a real VS Code: activation, languages, language detection and the server's
// diagnostics reaching the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  activateExtension,
  closeAllEditors,
  openDocument,
  screenshot,
  waitFor,
  waitForPublishedDiagnostics,
  workspaceUri,
  writeWorkspaceFile,
} from './harness';
import { scopesOf, tokenize } from './harness/textmate';

suite('Flowdeck languages', () => {
  teardown(closeAllEditors);

  test('opening examples/hello.flow.yaml activates the extension as fdl and diagnostics arrive', async () => {
    const doc = await openDocument(workspaceUri('hello.flow.yaml'));
    assert.equal(doc.languageId, 'fdl');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    await waitFor(() => ext.isActive, { message: 'the extension to activate' });
    const api = await activateExtension();
    const client = await api.serverReady();
    assert.ok(client.initializeResult, 'the server answered initialize');
    const diagnostics = await waitForPublishedDiagnostics(doc.uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
      'the hello example has no errors',
    );
    await screenshot('hello-flow');
  });

  test('"flowdeck.restartServer" restarts the language server, which publishes again', async () => {
    const api = await activateExtension();
    const doc = await openDocument(workspaceUri('hello.flow.yaml'));
    const before = await api.serverReady();
    await waitForPublishedDiagnostics(doc.uri);
    const published = api.diagnosticsPublished(doc.uri)?.count ?? 0;
    await vscode.commands.executeCommand('flowdeck.restartServer');
    const after = await api.serverReady();
    assert.notEqual(after, before, 'a new client was started');
    assert.ok(after.isRunning(), 'the new client runs');
    // the new server validates the open document again
    await waitForPublishedDiagnostics(doc.uri, { after: published });
  });

  test('the JSON flow languages are contributed', async () => {
    const languages = await vscode.languages.getLanguages();
    for (const id of ['fdl', 'fdl-json', 'whatsapp-flow'])
      assert.ok(languages.includes(id), `${id} is not a known language`);
  });

  test('a .yaml file whose root is a StateMachine is switched to fdl', async () => {
    const uri = await writeWorkspaceFile(
      'detected/state-machine.yaml',
      'Type: StateMachine\nSpecVersion: v1\nName: detected\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    End: true\n',
    );
    await vscode.workspace.openTextDocument(uri);
    const switched = await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'fdl'),
      {
        message: 'state-machine.yaml to switch to fdl',
      },
    );
    assert.equal(switched.languageId, 'fdl');
    await waitForPublishedDiagnostics(uri);
  });

  test('a WhatsApp Flow in a .json file is switched to whatsapp-flow', async () => {
    const uri = await writeWorkspaceFile(
      'detected/signup.json',
      JSON.stringify(
        { version: '6.0', screens: [{ id: 'WELCOME', layout: { type: 'SingleColumnLayout', children: [] } }] },
        null,
        2,
      ),
    );
    await vscode.workspace.openTextDocument(uri);
    await waitFor(
      () =>
        vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId === 'whatsapp-flow',
      {
        message: 'signup.json to switch to whatsapp-flow',
      },
    );
  });

  test('ordinary YAML stays YAML, and so does a flow when detection is turned off', async () => {
    const plain = await writeWorkspaceFile('detected/ci.yaml', 'name: build\non: push\n');
    const plainDoc = await vscode.workspace.openTextDocument(plain);
    assert.equal(plainDoc.languageId, 'yaml');

    const settings = vscode.workspace.getConfiguration('flowdeck');
    await settings.update('languageDetection.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => vscode.workspace.getConfiguration('flowdeck').get('languageDetection.enabled') === false, {
        message: 'the setting to apply',
      });
      const off = await writeWorkspaceFile(
        'detected/off.yaml',
        'Type: StateMachine\nSpecVersion: v1\nName: off\nStartAt: A\nStates: []\n',
      );
      await vscode.workspace.openTextDocument(off);
      // open events are handled in order: once a later flow (opened with detection back on) has
      // switched, the first one would have switched too had detection been on
      await settings.update('languageDetection.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => vscode.workspace.getConfiguration('flowdeck').get('languageDetection.enabled') === true, {
        message: 'the setting to reset',
      });
      const on = await writeWorkspaceFile(
        'detected/on.yaml',
        'Type: StateMachine\nSpecVersion: v1\nName: on\nStartAt: A\nStates: []\n',
      );
      await vscode.workspace.openTextDocument(on);
      await waitFor(
        () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === on.toString())?.languageId === 'fdl',
        { message: 'on.yaml to switch' },
      );
      assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === off.toString())?.languageId, 'yaml');
    } finally {
      await settings.update('languageDetection.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

suite('Flowdeck grammars (tokenised by this VS Code)', () => {
  const has = (scopes: string[], scope: string): boolean => scopes.some((s) => s.split(' ').includes(scope));

  test('expressions in `.$` values are highlighted inside YAML', async () => {
    const lines = await tokenize(
      'source.fdl',
      'States:\n  - Type: Pass\n    OutputConstructor:\n      greeting.$: format("Hello, {}!", $Input.name)  # why\n',
    );
    assert.ok(has(scopesOf(lines, 3, 'format'), 'support.function.fdl'));
    assert.ok(has(scopesOf(lines, 3, '$Input'), 'variable.language.fdl'));
    assert.ok(has(scopesOf(lines, 3, '.name'), 'variable.other.property.fdl'));
    assert.ok(has(scopesOf(lines, 3, '"Hello, {}!"'), 'string.quoted.double.fdl'));
    // the YAML grammar still does the rest: keys and the trailing comment
    assert.ok(has(scopesOf(lines, 1, 'Type'), 'entity.name.tag.yaml'));
    assert.ok(lines[3]?.some((t) => t.text.includes('why') && has(t.scopes, 'comment.line.number-sign.yaml')));
  });

  test('Choice conditions are highlighted, comments and block scalars are left to YAML', async () => {
    const lines = await tokenize(
      'source.fdl',
      '- Condition: $Input.weightKg > 20 && $Input.express == true\n# $Input.note in a comment\nnote.$: |\n  $Input.raw\n',
    );
    assert.ok(has(scopesOf(lines, 0, '$Input'), 'variable.language.fdl'));
    assert.ok(has(scopesOf(lines, 0, '>'), 'keyword.operator.comparison.fdl'));
    assert.ok(has(scopesOf(lines, 0, '&&'), 'keyword.operator.logical.fdl'));
    assert.ok(has(scopesOf(lines, 0, '20'), 'constant.numeric.fdl'));
    assert.ok(has(scopesOf(lines, 0, 'true'), 'constant.language.fdl'));
    assert.ok(
      lines[1]?.every((t) => !t.scopes.some((s) => s.includes('variable.language.fdl'))),
      'nothing in a comment is an expression',
    );
    assert.ok(
      lines[3]?.every((t) => !t.scopes.some((s) => s.includes('.fdl'))),
      'a block scalar stays YAML',
    );
  });

  test('expressions in FDL JSON and references in WhatsApp Flow JSON are highlighted', async () => {
    const fdl = await tokenize('source.fdl.json', '{"OutputConstructor": {"total.$": "$Output.Body.amount * 2"}}');
    assert.ok(has(scopesOf(fdl, 0, '$Output'), 'variable.language.fdl'));
    assert.ok(has(scopesOf(fdl, 0, '*'), 'keyword.operator.arithmetic.fdl'));
    const wa = await tokenize('source.whatsapp-flow', '{"text": "Table at ${data.restaurant}"}');
    assert.ok(has(scopesOf(wa, 0, 'data.restaurant'), 'variable.other.reference.whatsapp-flow'));
  });
});
