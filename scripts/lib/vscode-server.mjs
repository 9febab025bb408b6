// Starts the real VS Code server (installed by real-vscode.mjs) on 127.0.0.1 and waits until
// it accepts connections. The extension host it spawns inherits `env`, which is how tests and
// `npm start` pass settings (report file, screenshot endpoint, emulator endpoint) to the extension.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverMain } from './real-vscode.mjs';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Settings for the remote machine: keep the window quiet and the tests deterministic.
const machineSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

/**
 * Starts the server. Options: userDataDir, extensionsDir, env, port (default: a free one),
 * defaultFolder (opened when the URL names none), onOutput(text).
 * Resolves to { port, url(folder?), process, output(), close() }.
 */
export async function startVscodeServer({
  userDataDir,
  extensionsDir,
  env = {},
  port,
  defaultFolder,
  onOutput,
  timeoutMs = 60_000,
}) {
  port ??= await freePort();
  mkdirSync(join(userDataDir, 'Machine'), { recursive: true });
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(machineSettings, null, 2));
  const args = [
    serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-workspace-trust',
    '--disable-telemetry',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(defaultFolder ? ['--default-folder', defaultFolder] : []),
  ];
  // VS Code makes its IPC sockets (vscode-ipc-*.sock) in XDG_RUNTIME_DIR, else in the system's
  // temporary folder, and leaves them there when stopped: give it a short-lived folder of its own
  // (short, as a socket path has at most 107 characters) that goes when the server exits.
  const runtimeDir = mkdtempSync(join(tmpdir(), 'fd-ipc-'));
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_RUNTIME_DIR: runtimeDir, ...env },
  });
  child.once('exit', () => rmSync(runtimeDir, { recursive: true, force: true }));
  let output = '';
  const append = (d) => {
    const text = d.toString();
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    onOutput?.(text);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`VS Code server did not start within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`)),
      timeoutMs,
    );
    const check = () => {
      if (/Extension host agent listening on/.test(output)) done();
    };
    const exited = (code) =>
      done(new Error(`VS Code server exited with ${code} before listening:\n${output.slice(-3000)}`));
    function done(error) {
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.off('exit', exited);
      if (error) {
        child.kill();
        reject(error);
      } else resolve();
    }
    child.stdout.on('data', check);
    child.once('exit', exited);
    check();
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    port,
    process: child,
    output: () => output,
    url: (folder) => (folder ? `${base}/?folder=${encodeURIComponent(folder)}` : `${base}/`),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** Installs a .vsix into an extensions folder with the server's own CLI. */
export function installVsix(vsix, extensionsDir, userDataDir) {
  const r = spawnSync(
    process.execPath,
    [
      serverMain,
      '--install-extension',
      vsix,
      '--force',
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--accept-server-license-terms',
    ],
    { encoding: 'utf8' },
  );
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out))
    throw new Error(`installing ${vsix} into VS Code failed (exit ${r.status}):\n${out.trim()}`);
  return out.trim();
}
