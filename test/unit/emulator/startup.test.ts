// Start-up: a lock names an emulator, not just a pid; folder problems are one sentence naming the
// folder and the fix; binding beyond loopback warns; the CLI masks AccessKey IDs in messages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmulator } from '../../../emulator/src/server';
import { maskAccessKeyIds } from '../../../cli/src/cloud/mask';
import { encodeRpcParams, signRpcV1Request } from '../../../cloud/src/signing/rpcV1';
import { FNF_VERSION, tempDir } from './support';

const quiet = { onWarning: () => undefined };

describe('emulator start-up', () => {
  test('a lock naming a live process that is not an emulator (pid 1, a plain pid) is stale and taken over', async () => {
    const dir = await tempDir();
    try {
      await writeFile(join(dir.path, 'emulator.lock'), '1');
      const a = await startEmulator({ port: 0, dataDir: dir.path, ...quiet });
      await a.close();
      // An emulator lock whose pid is alive but was started at another time: the pid was reused.
      await writeFile(join(dir.path, 'emulator.lock'), JSON.stringify({ app: 'flowdeck-emulator', pid: 1, processStart: '1', host: (await import('node:os')).hostname(), startedAt: 'then' }));
      const b = await startEmulator({ port: 0, dataDir: dir.path, ...quiet });
      await b.close();
    } finally {
      await dir.remove();
    }
  });

  test('a lock held by a running emulator in another process is refused, naming it', async () => {
    const dir = await tempDir();
    const root = new URL('../../../', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/unit/emulator/fixtures/emulatorProcess.ts', dir.path], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => (/endpoint/.test(d.toString()) ? resolve() : undefined));
        child.once('exit', () => reject(new Error('the emulator process exited')));
      });
      await assert.rejects(startEmulator({ port: 0, dataDir: dir.path, ...quiet }), new RegExp(`in use by another emulator \\(pid ${child.pid}, since`));
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
      await dir.remove();
    }
  });

  test('folder problems are one sentence naming the folder and the fix', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'a-file');
      await writeFile(file, 'x');
      await assert.rejects(startEmulator({ port: 0, dataDir: file, ...quiet }), (e: Error) =>
        e.name === 'EmulatorStartupError' && /^The data folder .*a-file .*is a file, not a folder: pass another folder with --data-dir/.test(e.message));
      const logDir = join(dir.path, 'logdir');
      await mkdir(join(logDir, 'fnf.jsonl'), { recursive: true });
      await assert.rejects(startEmulator({ port: 0, dataDir: logDir, ...quiet }), (e: Error) =>
        /fnf\.jsonl in the data folder .* is a folder where the emulator keeps a file: move it away/.test(e.message));
      if (process.getuid?.() !== 0) {
        // root may write anywhere, so the read-only case is only meaningful for other users.
        const ro = join(dir.path, 'ro');
        await mkdir(ro);
        await chmod(ro, 0o500);
        await assert.rejects(startEmulator({ port: 0, dataDir: join(ro, 'data'), ...quiet }), /cannot write its data folder .*pass a folder you can write/);
      }
    } finally {
      await dir.remove();
    }
  });

  test('listening beyond loopback warns once; the loopback default does not', async () => {
    const dir = await tempDir();
    try {
      const warnings: string[] = [];
      const open = await startEmulator({ port: 0, host: '0.0.0.0', dataDir: dir.path, onWarning: (m) => warnings.push(m) });
      await open.close();
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] as string, /listening on 0\.0\.0\.0, not only on this machine/);
      const local = await startEmulator({ port: 0, dataDir: dir.path, onWarning: (m) => warnings.push(m) });
      await local.close();
      assert.equal(warnings.length, 1);
    } finally {
      await dir.remove();
    }
  });

  test('an allowed host name is answered and warned about once; other names are still refused', async () => {
    const dir = await tempDir();
    try {
      const warnings: string[] = [];
      const emu = await startEmulator({ port: 0, dataDir: dir.path, allowedHosts: ['dev.example.test', 'localhost'], onWarning: (m) => warnings.push(m) });
      try {
        assert.equal(warnings.length, 1, warnings.join('\n'));
        assert.match(warnings[0] as string, /also answering requests addressed to dev\.example\.test: whoever controls where that name points/);
        assert.doesNotMatch(warnings[0] as string, /localhost/, 'loopback names need no warning');
        assert.equal((await callWithHost(emu.endpoint, `dev.example.test:${emu.port}`)).status, 200);
        const other = await callWithHost(emu.endpoint, `evil.example.test:${emu.port}`);
        assert.equal(other.status, 403);
        assert.match(other.body, /Forbidden\.Host.*--allowed-host/);
      } finally {
        await emu.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('the CLI masks AccessKey IDs quoted by the service and the one it signs with', () => {
    assert.equal(maskAccessKeyIds('The AccessKey ID LTAI5tExampleKey123 is invalid.'), 'The AccessKey ID LTAI****123 is invalid.');
    assert.equal(maskAccessKeyIds('signed as LTAI5tExampleKey123', 'LTAI5tExampleKey123'), 'signed as LTAI****123');
    assert.equal(maskAccessKeyIds('The SecretId AKIDexample1234567 is not found'), 'The SecretId AKID****567 is not found');
  });
});

/** A signed ListFlows sent with the given Host header (fetch cannot set Host). */
function callWithHost(endpoint: string, host: string): Promise<{ status: number; body: string }> {
  const signed = signRpcV1Request({
    method: 'GET', action: 'ListFlows', version: FNF_VERSION, accessKeyId: 'local', accessKeySecret: 'local-secret',
    query: {}, body: {}, now: new Date(), nonce: randomUUID(),
  });
  const u = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path: `/?${encodeRpcParams(signed.query)}`, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
