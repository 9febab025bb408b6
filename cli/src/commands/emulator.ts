// flowdeck emulator: serves the local emulator until SIGINT/SIGTERM, printing where and how to
// reach it first.
import { join, resolve } from 'node:path';
import { EMULATOR_DEFAULT_PORT } from '../../../cloud/src/fnf';
import { parseFaultSpec, startEmulator, type FaultOptions } from '../../../emulator/src';
import { EmulatorStartupError } from '../../../emulator/src';
import { defineCommand, type OptionSpecs, type OptionValues } from '../command/define';
import type { CliIo } from '../command/io';
import { UsageError } from '../command/usageError';

const OPTIONS = {
  port: { type: 'string', value: 'N', help: 'port to listen on (default 8787, or FLOWDECK_EMULATOR_PORT; 0 picks a free one)' },
  host: {
    type: 'string',
    value: 'HOST',
    help: 'interface to listen on (default 127.0.0.1; any other address is\nreachable from other machines, and a warning says so)',
  },
  'allowed-host': {
    type: 'string',
    multiple: true,
    value: 'NAME',
    help: [
      'also answer requests whose Host is NAME (repeatable; by default only',
      'loopback names and the --host address are answered, against DNS',
      "rebinding); a warning names them, as whoever controls NAME's DNS can",
      'let web pages reach the emulator',
    ].join('\n'),
  },
  'data-dir': { type: 'string', value: 'DIR', help: 'where flows, executions and history are kept (default .flowdeck/emulator)' },
  'access-key-id': { type: 'string', value: 'ID', help: 'AccessKeyId callers sign with (default local)' },
  'access-key-secret': { type: 'string', value: 'S', help: 'AccessKeySecret callers sign with (default local-secret)' },
  faults: { type: 'string', value: 'SPEC', help: 'inject faults, e.g. throttle=0.1,error=0.05,delay=0.2,delayMs=500,seed=7' },
  workspace: {
    type: 'string',
    value: 'DIR',
    help: 'folder with the task configuration (default: the current folder);\nits .flowdeck/objects/<bucket>/<key> files are served as OSS objects',
  },
  'time-scale': { type: 'string', value: 'X', help: 'multiply waits by X (default 1)' },
} as const satisfies OptionSpecs;

export default defineCommand({
  summary: 'serve the local emulator until stopped',
  operands: [],
  description: 'Serves CloudFlow (fnf 2019-03-15) and the other emulated products on one local port.',
  options: OPTIONS,
  run: ({ options }, io) => serve(options, io),
});

type EmulatorOptions = OptionValues<typeof OPTIONS>;

async function serve(values: EmulatorOptions, io: CliIo): Promise<number> {
  const envPort = io.env['FLOWDECK_EMULATOR_PORT'];
  const port = Number(values.port ?? (envPort || EMULATOR_DEFAULT_PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number 0-65535, got '${values.port ?? envPort}'.`);
  const timeScale = values['time-scale'] === undefined ? 1 : Number(values['time-scale']);
  if (!(timeScale > 0)) throw new UsageError(`--time-scale must be a positive number, got '${values['time-scale']}'.`);
  let faults: FaultOptions | undefined;
  if (values.faults !== undefined) {
    try {
      faults = parseFaultSpec(values.faults);
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
  }

  const allowedHosts = values['allowed-host'] ?? [];
  // A bare host name or address, as the Host header carries it without its port.
  const badHost = allowedHosts.find((h) => !/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/.test(h));
  if (badHost !== undefined) {
    throw new UsageError(`--allowed-host takes a host name or address without scheme or port (e.g. dev.example.test, 192.168.1.20 or [fd00::1]), got '${badHost}'.`);
  }

  const dataDir = resolve(io.cwd, values['data-dir'] ?? '.flowdeck/emulator');
  let emulator;
  try {
    emulator = await startEmulator({
      port,
      host: values.host,
      ...(allowedHosts.length > 0 ? { allowedHosts } : {}),
      dataDir,
      accessKeyId: values['access-key-id'],
      accessKeySecret: values['access-key-secret'],
      faults,
      workspaceDir: resolve(io.cwd, values.workspace ?? '.'),
      timeScale,
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      io.stderr(`flowdeck: port ${port} is already in use; stop what uses it, or pass --port with another port (0 picks a free one).\n`);
      return 1;
    }
    if (err instanceof EmulatorStartupError || (err instanceof Error && /data folder/.test(err.message))) {
      // One sentence naming the folder and the fix; the stack would only hide it.
      io.stderr(`flowdeck: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  io.stdout(
    [
      `Flowdeck emulator listening on ${emulator.endpoint}`,
      `  endpoint:          ${emulator.endpoint}`,
      `  access key id:     ${emulator.accessKeyId}`,
      // The well-known default is shown so callers can sign with it; a secret of the user's own
      // stays out of terminal scrollback and logs.
      `  access key secret: ${values['access-key-secret'] === undefined ? emulator.accessKeySecret : '(the one given with --access-key-secret)'}`,
      `  data folder:       ${dataDir}`,
      `  object store:      OSS-signed requests to the endpoint; objects in ${join(dataDir, 'objects')}`,
      ...(allowedHosts.length > 0 ? [`  allowed hosts:     ${allowedHosts.join(', ')}`] : []),
      ...(faults ? [`  faults:            ${JSON.stringify(faults)}`] : []),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  return new Promise<number>((done) => {
    const removeStop = io.onSignal(['SIGINT', 'SIGTERM'], (signal) => {
      removeStop();
      io.stdout(`Received ${signal}, stopping the emulator...\n`);
      emulator.close().then(
        () => done(0),
        (err: unknown) => {
          io.stderr(`flowdeck: closing the emulator failed: ${err instanceof Error ? err.message : String(err)}\n`);
          done(1);
        },
      );
    });
  });
}
