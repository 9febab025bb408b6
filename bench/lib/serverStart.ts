// A fresh language server, as the extension starts it (dist/serverStart.js), timed from its spawn
// to the first diagnostics of an opened flow: initialize, initialized, didOpen, then the first
// publishDiagnostics, over stdio with the LSP library the client uses.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  createMessageConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

export interface ServerStart {
  /** Milliseconds from spawn to the first publishDiagnostics. */
  readonly firstDiagnosticsMs: number;
  readonly diagnostics: number;
}

/**
 * Starts `entry` with `env` added to this process's, opens `text` as an FDL document and resolves
 * when its diagnostics arrive; the server is stopped `lingerMs` after that (a cache is written
 * 10 s after a start).
 */
export async function firstDiagnostics(entry: string, env: Record<string, string>, text: string, lingerMs = 0): Promise<ServerStart> {
  const start = performance.now();
  const child = spawn(process.execPath, [entry, '--stdio'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // The server's own requests (configuration, registrations) get an empty answer.
  connection.onRequest(() => null);
  const published = new Promise<ServerStart>((resolve) => {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => resolve({ firstDiagnosticsMs: performance.now() - start, diagnostics: p.diagnostics.length }));
  });
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'file:///bench/start.flow.yaml', languageId: 'fdl', version: 1, text } });
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      published,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${entry} published no diagnostics within 60 s`)), 60_000))),
    ]);
    clearTimeout(timer);
    await new Promise((resolve) => setTimeout(resolve, lingerMs));
    return result;
  } finally {
    connection.dispose();
    child.kill();
  }
}
