// The LSP wiring, in-process: a real server connection and a real client connection over streams.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  CompletionRequest, DidChangeTextDocumentNotification, DocumentSymbolRequest, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  HoverRequest, InitializeRequest, InitializedNotification, LogMessageNotification, PublishDiagnosticsNotification,
  RenameRequest, StreamMessageReader, DidChangeConfigurationNotification, FoldingRangeRequest, type ClientCapabilities, StreamMessageWriter, createProtocolConnection,
  type LogMessageParams, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../../server/src/lsp/server';
import type { Timers } from '../../../server/src/lsp/debounce';
import {
  FlowSettingsNotification, GraphEditRequest, GraphRequest, ItemsLimitedNotification, ServerMemoryRequest, type ItemsLimitedParams,
} from '../../../server/src/lsp/protocol';
import { createLanguageService } from '../../../server/src/service/languageService';
import { DiagnosticCodes as C } from '../../../server/src/diagnostics/codes';
import { RequestRefused } from '../../../server/src/service/refusal';

/** Timers the test fires by hand, so debouncing is tested without waiting. */
class ManualTimers implements Timers {
  private next = 0;
  /** How many callbacks were ever scheduled. */
  scheduled = 0;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  set(callback: () => void, ms: number): unknown {
    const id = ++this.next;
    this.scheduled++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.callback();
  }
}

/** Polls (yielding to the event loop) until `check` holds; never sleeps a fixed time. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    if (check()) return;
    await new Promise((r) => setImmediate(r));
  }
  assert.fail(`timed out waiting for ${what}`);
}

interface Harness {
  client: ProtocolConnection;
  timers: ManualTimers;
  published: PublishDiagnosticsParams[];
  logs: LogMessageParams[];
  close(): void;
}

async function start(service = createLanguageService(), paced?: { now: () => number }, capabilities: ClientCapabilities = {}): Promise<Harness> {
  const up = new PassThrough();
  const down = new PassThrough();
  const timers = new ManualTimers();
  const serverConnection = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  const server = startServer(serverConnection, paced ? { timers, now: paced.now, service } : { timers, debounceMs: 200, service });
  serverConnection.listen();
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: PublishDiagnosticsParams[] = [];
  const logs: LogMessageParams[] = [];
  client.onNotification(PublishDiagnosticsNotification.type, (p) => published.push(p));
  client.onNotification(LogMessageNotification.type, (p) => logs.push(p));
  client.listen();
  const init = await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities, initializationOptions: { logLevel: 'debug' } });
  assert.equal(init.serverInfo?.name, 'flowdeck');
  await client.sendNotification(InitializedNotification.type, {});
  return {
    client, timers, published, logs,
    close: () => {
      server.dispose();
      client.dispose();
      serverConnection.dispose();
      up.destroy();
      down.destroy();
    },
  };
}

const URI = 'file:///w/flow.flow.yaml';
const FLOW = 'Type: StateMachine\nSpecVersion: v1\nName: f\nStartAt: A\nStates:\n  - Type: Wait\n    Name: A\n    Seconds: 30\n    Next: B\n  - Type: Pass\n    Name: B\n    End: true\n';

async function open(h: Harness, text = FLOW): Promise<void> {
  await h.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'yaml', version: 1, text } });
}

async function change(h: Harness, version: number, text: string): Promise<void> {
  await h.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [{ text }] });
}

describe('language server wiring', () => {
  test('announces every feature', async () => {
    const up = new PassThrough();
    const down = new PassThrough();
    const conn = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
    startServer(conn, { timers: new ManualTimers() });
    conn.listen();
    const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    client.listen();
    const { capabilities } = await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['.', '$', ':']);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    for (const k of ['hoverProvider', 'documentSymbolProvider', 'definitionProvider', 'referencesProvider', 'foldingRangeProvider'] as const) {
      assert.equal(capabilities[k], true, k);
    }
    client.dispose();
    conn.dispose();
  });

  test('validates on open, debounces edits and publishes only the latest version', async () => {
    const h = await start();
    try {
      await open(h);
      await until(() => h.published.length === 1, 'diagnostics on open');
      assert.equal(h.published[0]!.version, 1);
      assert.deepEqual(h.published[0]!.diagnostics, []);

      await change(h, 2, FLOW.replace('Next: B', 'Next: Nope'));
      await change(h, 3, FLOW.replace('Next: B', 'Next: Gone'));
      await until(() => h.timers.scheduled === 2, 'both edits scheduled');
      assert.equal(h.timers.pending.size, 1, 'the second edit replaced the first');
      assert.equal(h.published.length, 1, 'nothing published before the quiet time');
      assert.equal([...h.timers.pending.values()][0]!.ms, 200);
      h.timers.fireAll();
      await until(() => h.published.length === 2, 'diagnostics after the debounce');
      const latest = h.published[1]!;
      assert.equal(latest.version, 3);
      assert.deepEqual(latest.diagnostics.map((d) => [d.code, d.message.includes('`Gone`')]), [[C.unknownState, true], [C.unreachableState, false]]);
    } finally {
      h.close();
    }
  });

  test('paced by cost: a cheap validation waits the shortest time, and runs before a request about its document', async () => {
    const clock = { t: 0 };
    const h = await start(createLanguageService(), { now: () => clock.t });
    try {
      await open(h);
      await until(() => h.published.length === 1, 'diagnostics on open');
      clock.t = 1000;
      await change(h, 2, FLOW.replace('Next: B', 'Next: Nope'));
      await until(() => h.timers.scheduled === 1, 'the edit scheduled');
      assert.equal([...h.timers.pending.values()][0]!.ms, 20, 'the shortest wait for a 2-state flow');
      // The editor asks for the outline before the wait is over: the diagnostics come first.
      const symbols = await h.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } });
      assert.ok(Array.isArray(symbols) && symbols.length === 2);
      await until(() => h.published.length === 2, 'diagnostics published before the answer');
      assert.equal(h.published[1]!.version, 2);
      assert.equal(h.timers.pending.size, 0, 'nothing left waiting');
    } finally {
      h.close();
    }
  });

  test('reports the server process\'s memory', async () => {
    const h = await start();
    try {
      const memory = await h.client.sendRequest(ServerMemoryRequest);
      assert.ok(memory.rss > 0 && memory.heapUsed > 0 && memory.heapTotal >= memory.heapUsed);
    } finally {
      h.close();
    }
  });

  test('flowdeck/flowSettings switches a document to Express and revalidates it at once', async () => {
    const h = await start();
    try {
      await open(h);
      await until(() => h.published.length === 1, 'first diagnostics');
      await h.client.sendNotification(FlowSettingsNotification, { uri: URI, executionMode: 'Express' });
      await until(() => h.published.length === 2, 'revalidation');
      assert.deepEqual(h.published[1]!.diagnostics.map((d) => d.code), [C.expressLimit]);
    } finally {
      h.close();
    }
  });

  test('answers feature requests and clears diagnostics on close', async () => {
    const h = await start();
    try {
      await open(h);
      const list = await h.client.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line: 8, character: 10 } });
      const items = Array.isArray(list) ? list : list?.items ?? [];
      assert.deepEqual(items.map((i) => i.label), ['A', 'B']);
      const hover = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 8, character: 10 } });
      assert.match(JSON.stringify(hover?.contents), /Pass\*\* state `B`/);
      const edit = await h.client.sendRequest(RenameRequest.type, { textDocument: { uri: URI }, position: { line: 10, character: 10 }, newName: 'C' });
      assert.equal(edit?.changes?.[URI]?.length, 2);
      await h.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: URI } });
      await until(() => h.published.some((p) => p.uri === URI && p.diagnostics.length === 0 && p.version === undefined), 'cleared diagnostics');
    } finally {
      h.close();
    }
  });

  test('flowdeck/graph and flowdeck/graphEdit answer for an open document', async () => {
    const h = await start();
    try {
      assert.equal(await h.client.sendRequest(GraphRequest, { textDocument: { uri: URI } }), null, 'not open: no graph');
      await open(h);
      const result = await h.client.sendRequest(GraphRequest, { textDocument: { uri: URI } });
      assert.equal(result?.version, 1);
      assert.deepEqual(result?.graph.nodes.map((n) => n.id), ['A', 'B']);
      assert.deepEqual(result?.graph.edges, [{ from: 'A', to: 'B', kind: 'next' }]);
      assert.ok(result?.stateTypes.includes('Task'));
      const edit = await h.client.sendRequest(GraphEditRequest, { textDocument: { uri: URI }, version: 1, action: { kind: 'delete', id: 'B' } });
      assert.equal(edit?.edit?.changes?.[URI]?.length, 1);
      const stale = await h.client.sendRequest(GraphEditRequest, { textDocument: { uri: URI }, version: 7, action: { kind: 'delete', id: 'B' } });
      assert.match(stale?.error ?? '', /changed/);
    } finally {
      h.close();
    }
  });

  test('a handler that throws is logged and answered with an empty result', async () => {
    const base = createLanguageService();
    const h = await start({ ...base, complete: () => { throw new Error('completion exploded'); } });
    try {
      await open(h);
      const list = await h.client.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
      assert.equal(list, null);
      await until(() => h.logs.some((l) => l.type === 1 && l.message.includes('completion exploded')), 'the error in the log');
    } finally {
      h.close();
    }
  });

  test('a refused rename is answered with an error response carrying its message, and not logged', async () => {
    const base = createLanguageService();
    const h = await start({ ...base, rename: () => { throw new RequestRefused('that name is taken: pick another'); } });
    try {
      await open(h);
      await assert.rejects(
        h.client.sendRequest(RenameRequest.type, { textDocument: { uri: URI }, position: { line: 10, character: 10 }, newName: 'C' }),
        (e: Error) => e.message === 'that name is taken: pick another',
      );
      assert.equal(h.logs.filter((l) => l.type === 1).length, 0);
    } finally {
      h.close();
    }
  });

  test('bad flowSettings parameters are logged, not applied', async () => {
    const h = await start();
    try {
      await open(h);
      await until(() => h.published.length === 1, 'first diagnostics');
      await h.client.sendNotification(FlowSettingsNotification, { uri: URI, executionMode: 'Turbo' as 'Express' });
      await until(() => h.logs.some((l) => l.type === 2 && l.message.includes('flowdeck/flowSettings')), 'the warning');
      assert.equal(h.published.length, 1);
    } finally {
      h.close();
    }
  });

  test('a long flow gets the first items of its outline and folding, and the client hears when the lists stop at their limits and when they no longer do', async () => {
    // Six states, the folding limit the client announced (3) and the outline setting (4).
    const h = await start(undefined, undefined, { textDocument: { foldingRange: { rangeLimit: 3 } } });
    const notices: ItemsLimitedParams[] = [];
    h.client.onNotification(ItemsLimitedNotification, (p) => notices.push(p));
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const states = names.map((n, i) => `  - Type: Pass\n    Name: ${n}\n    ${i < 5 ? `Next: ${names[i + 1]}` : 'End: true'}\n`).join('');
    const text = `Type: StateMachine\nSpecVersion: v1\nName: f\nStartAt: A\nStates:\n${states}`;
    const symbols = () => h.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } }) as Promise<{ name: string }[]>;
    try {
      await open(h, text);
      await h.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { flowdeck: { maxItemsComputed: 4 } } });
      assert.deepEqual((await symbols()).map((s) => s.name), ['A', 'B', 'C', 'D']);
      // States (one level), then the first two states of the next level.
      assert.deepEqual(await h.client.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } }), [
        { startLine: 4, endLine: 22 }, { startLine: 5, endLine: 7 }, { startLine: 8, endLine: 10 },
      ]);
      await until(() => notices.length === 2, 'both notices');
      assert.deepEqual(notices, [{ uri: URI, feature: 'outline', limit: 4 }, { uri: URI, feature: 'folding', limit: 3 }]);
      await symbols();
      await h.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { flowdeck: { maxItemsComputed: 100 } } });
      assert.equal((await symbols()).length, 6);
      await until(() => notices.length === 3, 'the outline notice withdrawn');
      assert.deepEqual(notices[2], { uri: URI, feature: 'outline', limit: null }, 'said once per change, not with every answer');
      // A setting that is not a count leaves the default (5,000).
      await h.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { flowdeck: { maxItemsComputed: 'all' } } });
      assert.equal((await symbols()).length, 6);
    } finally {
      h.close();
    }
  });
});
