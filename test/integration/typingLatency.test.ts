// How long after an edit the editor shows its diagnostics, in a 2-state and a 10,000-state flow,
// and the language server's memory with the large flow open. The times depend on the machine, so
// they are reported (in the test report) rather than asserted; what is asserted is that each
// edit's diagnostics arrive and are right: the mistyped name is underlined, and the fix clears it.
import * as assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, screenshot, TestEnv, waitFor, waitForPublishedDiagnostics, writeWorkspaceFile } from './harness';
import { generateFdl } from '../../bench/lib/generate';
import { ServerMemoryRequest } from '../../server/src/lsp/protocol';

/** Edits of each kind per flow: the first few also teach the server what a validation costs. */
const ROUNDS = 8;

/** Adds a line to the suite's report (the extension host's console is not the terminal's). */
function report(line: string): void {
  const file = process.env[TestEnv.report];
  if (file) appendFileSync(file, `      ${line}\n`);
  else console.log(line);
}

/** How many symbols the outline of `uri` holds, nested ones included. */
async function outlineSize(uri: vscode.Uri): Promise<number> {
  const count = (list: readonly vscode.DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children), 0);
  return count(await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri) ?? []);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** How long one edit took to show its diagnostics: from the edit call, and from the change event. */
interface Timing {
  /** From asking the editor for the edit (includes the workbench applying it to a 3 MB text). */
  readonly fromEdit: number;
  /** From the extension host's document change event, when the language client sends the change. */
  readonly fromChange: number;
  /**
   * From the change event to the language client handing the diagnostics to VS Code, which sends
   * them to the editor at once. `onDidChangeDiagnostics`, which `fromChange` waits for, fires up to
   * 50 ms later: the extension host debounces that event (extHostDiagnostics, delay 50).
   */
  readonly toClient: number;
}

/**
 * Replaces `from..to` on `line` with `text` and resolves with the time until VS Code holds
 * diagnostics for the document that satisfy `settled`.
 */
async function timeEdit(
  editor: vscode.TextEditor, line: number, from: number, to: number, text: string,
  settled: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
): Promise<Timing> {
  const uri = editor.document.uri;
  const api = await activateExtension();
  const same = (u: vscode.Uri): boolean => u.toString() === uri.toString();
  let done: (t: Timing) => void = () => undefined;
  const arrived = new Promise<Timing>((resolve) => (done = resolve));
  let t0 = 0;
  let changed = 0;
  /** The change event's wall-clock time, the clock of the client's record of published diagnostics. */
  let changedAt = 0;
  const onChange = vscode.workspace.onDidChangeTextDocument((e) => {
    if (t0 !== 0 && changed === 0 && same(e.document.uri) && e.contentChanges.length > 0) {
      changed = performance.now();
      changedAt = Date.now();
    }
  });
  const onDiagnostics = vscode.languages.onDidChangeDiagnostics((e) => {
    if (t0 === 0 || changed === 0 || !e.uris.some(same)) return;
    if (!settled(vscode.languages.getDiagnostics(uri))) return;
    const now = performance.now();
    const received = api.diagnosticsPublished(uri)?.at ?? Date.now();
    done({ fromEdit: now - t0, fromChange: now - changed, toClient: received - changedAt });
  });
  try {
    t0 = performance.now();
    const applied = await editor.edit((b) => b.replace(new vscode.Range(line, from, line, to), text));
    assert.ok(applied, 'the edit was applied');
    return await Promise.race([
      arrived,
      new Promise<Timing>((_, reject) => setTimeout(() => reject(new Error(`no diagnostics for the edit "${text}" within 30 s`)), 30_000)),
    ]);
  } finally {
    onChange.dispose();
    onDiagnostics.dispose();
  }
}

interface Measured {
  readonly breakMs: Timing[];
  readonly fixMs: Timing[];
}

/** Opens `name` with `text`, then mistypes and restores the name on `line` (after `prefix`) ROUNDS times. */
async function measureTyping(name: string, text: string, line: number, prefix: string, good: string): Promise<Measured> {
  const uri = await writeWorkspaceFile(`latency/${name}`, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await waitForPublishedDiagnostics(uri, { timeoutMs: 60_000 });
  const lineText = doc.lineAt(line).text;
  const at = lineText.indexOf(prefix) + prefix.length;
  assert.equal(lineText.slice(at), good, `line ${line} names ${good}`);
  const unknownAt = (diagnostics: readonly vscode.Diagnostic[], typo: string): boolean =>
    diagnostics.some((d) => d.code === 'unknown-state' && d.range.start.line === line && d.message.includes(`\`${typo}\``));
  const measured: Measured = { breakMs: [], fixMs: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const typo = `${good}x${round}`;
    measured.breakMs.push(await timeEdit(editor, line, at, at + good.length, typo, (ds) => unknownAt(ds, typo)));
    measured.fixMs.push(await timeEdit(editor, line, at, at + typo.length, good, (ds) => !ds.some((d) => d.code === 'unknown-state')));
  }
  // What a person sees while the name is mistyped: the name underlined, the problem listed.
  const typo = `${good}x`;
  editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
  await timeEdit(editor, line, at, at + good.length, typo, (ds) => unknownAt(ds, typo));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await screenshot(`typing-${name.replace(/\.flow\.yaml$/, '')}`);
  await timeEdit(editor, line, at, at + typo.length, good, (ds) => !ds.some((d) => d.code === 'unknown-state'));
  await doc.save(); // back to the text it was opened with; closing asks nothing
  return measured;
}

function describe(states: number, m: Measured): string {
  // The first rounds follow the opening validation, which the pacing waits out (at most half a core).
  const later = [...m.breakMs.slice(2), ...m.fixMs.slice(2)];
  const all = [...m.breakMs, ...m.fixMs];
  const fmt = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(' ');
  return `${states.toLocaleString('en')} states, edit to diagnostics after the first two rounds: median ${median(later.map((t) => t.toClient)).toFixed(0)} ms from the document change `
    + `to the client handing them to the editor (max ${Math.max(...later.map((t) => t.toClient)).toFixed(0)} ms); `
    + `to onDidChangeDiagnostics, which VS Code fires up to 50 ms later: median ${median(later.map((t) => t.fromChange)).toFixed(0)} ms from the change, `
    + `${median(later.map((t) => t.fromEdit)).toFixed(0)} ms from the edit call; `
    + `every edit, change to client: ${fmt(all.map((t) => t.toClient))}; from the edit call: ${fmt(all.map((t) => t.fromEdit))}`;
}

suite('Typing latency', () => {
  teardown(closeAllEditors);

  test('a mistyped name is underlined and its fix clears it, in a 2-state flow', async function () {
    this.timeout(300_000);
    // StartAt: S0, a Succeed state S0 and a Fail state.
    const text = generateFdl(2);
    const m = await measureTyping('two-states.flow.yaml', text, text.split('\n').indexOf('StartAt: S0'), 'StartAt: ', 'S0');
    report(describe(2, m));
  });

  test('a mistyped name is underlined and its fix clears it, in a 10,000-state flow; the server\'s memory', async function () {
    // Opening 3 MB of flow on a busy machine takes a while; the edits themselves are quick.
    this.timeout(600_000);
    const text = generateFdl(10_000);
    const lines = text.split('\n');
    // A Catch rule's target half-way down: one unknown name while it is mistyped.
    let line = Math.floor(lines.length / 2);
    while (lines[line] !== '        Next: Failed') line++;
    const m = await measureTyping('ten-thousand-states.flow.yaml', text, line, 'Next: ', 'Failed');
    report(describe(10_000, m));
    const api = await activateExtension();
    const client = api.languageClient();
    assert.ok(client, 'the language client runs');
    const memory = await client.sendRequest(ServerMemoryRequest);
    assert.ok(memory.rss > 0, 'the server reports its memory');
    report(`language server with the 10,000-state flow open: resident ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);
    // The outline stops at the setting's limit (12,500 symbols in all): what each edit recomputes.
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'latency', 'ten-thousand-states.flow.yaml');
    assert.equal(await outlineSize(uri), 5000, 'the outline stops at flowdeck.maxItemsComputed (default 5,000)');
    // The language status says so, for the outline and for folding (VS Code's limit: 5,000 regions).
    await waitFor(() => api.itemLimits(uri).outline === 5000 && api.itemLimits(uri).folding === 5000, { message: 'both notes in the language status' });
    assert.deepEqual(api.itemLimits(uri), { outline: 5000, folding: 5000 });
    const config = vscode.workspace.getConfiguration('flowdeck');
    await config.update('maxItemsComputed', 20_000, vscode.ConfigurationTarget.Global);
    try {
      // The editor keeps an outline per text version: a new version asks the server again.
      const editor = await vscode.window.showTextDocument(uri);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, '# outline\n')), 'a new version');
      await waitFor(async () => (await outlineSize(uri)) === 12_500, { message: 'the whole outline under a raised limit', timeoutMs: 60_000 });
      await waitFor(() => api.itemLimits(uri).outline === undefined, { message: 'the outline note withdrawn' });
      await vscode.commands.executeCommand('undo');
      await editor.document.save();
    } finally {
      await config.update('maxItemsComputed', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
