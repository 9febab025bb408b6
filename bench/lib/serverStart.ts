// A fresh language server, as the extension starts it (dist/serverStart.js), timed from its spawn
// to the first diagnostics of an opened flow: initialize, initialized, didOpen, then the first
// publishDiagnostics, over stdio.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

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
export function firstDiagnostics(entry: string, env: Record<string, string>, text: string, lingerMs = 0): Promise<ServerStart> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [entry, '--stdio'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
    const timeout = setTimeout(() => {
      child.kill();
      reject(new Error(`${entry} published no diagnostics within 60 s`));
    }, 60_000);
    const send = (message: object): void => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    let pending = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const headerEnd = pending.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(pending.subarray(0, headerEnd).toString())?.[1]);
        if (pending.length < headerEnd + 4 + length) return;
        const message = JSON.parse(pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as { id?: number; method?: string; result?: unknown; params?: { diagnostics?: unknown[] } };
        pending = pending.subarray(headerEnd + 4 + length);
        if (message.id === 1 && message.result !== undefined) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///bench/start.flow.yaml', languageId: 'fdl', version: 1, text } } });
        } else if (message.method === 'textDocument/publishDiagnostics') {
          const result = { firstDiagnosticsMs: performance.now() - start, diagnostics: message.params?.diagnostics?.length ?? 0 };
          clearTimeout(timeout);
          setTimeout(() => {
            child.kill();
            resolve(result);
          }, lingerMs);
          return;
        } else if (message.id !== undefined && message.method !== undefined) {
          send({ id: message.id, result: null }); // the server's own requests (configuration, registrations)
        }
      }
    });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  });
}
