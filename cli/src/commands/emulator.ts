// flowdeck emulator: serves the local emulator until SIGINT/SIGTERM, printing where and how to
// reach it first.
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { EMULATOR_DEFAULT_PORT } from '../../../cloud/src/fnf';
import { parseFaultSpec, startEmulator, type FaultOptions, EmulatorStartupError } from '../../../emulator/src';
import { usageError } from '../command';

const HELP = `usage: flowdeck emulator [options]

Serves CloudFlow (fnf 2019-03-15) and the other emulated products on one local port.

  --port N                 port to listen on (default 8787, or FLOWDECK_EMULATOR_PORT; 0 picks a free one)
  --host HOST              interface to listen on (default 127.0.0.1; any other address is
                           reachable from other machines, and a warning says so)
  --allowed-host NAME      also answer requests whose Host is NAME (repeatable; by default only
                           loopback names and the --host address are answered, against DNS
                           rebinding); a warning names them, as whoever controls NAME's DNS can
                           let web pages reach the emulator
  --data-dir DIR           where flows, executions and history are kept (default .flowdeck/emulator)
  --access-key-id ID       AccessKeyId callers sign with (default local)
  --access-key-secret S    AccessKeySecret callers sign with (default local-secret)
  --faults SPEC            inject faults, e.g. throttle=0.1,error=0.05,delay=0.2,delayMs=500,seed=7
  --workspace DIR          folder with the task configuration (default: the current folder);
                           its .flowdeck/objects/<bucket>/<key> files are served as OSS objects
  --time-scale X           multiply waits by X (default 1)
`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        'data-dir': { type: 'string' },
        'access-key-id': { type: 'string' },
        'access-key-secret': { type: 'string' },
        faults: { type: 'string' },
        workspace: { type: 'string' },
        'time-scale': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return usageError(`${err instanceof Error ? err.message : String(err)}\n\n${HELP}`);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const envPort = process.env['FLOWDECK_EMULATOR_PORT'];
  const port = Number(values.port ?? (envPort || EMULATOR_DEFAULT_PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`--port must be a port number 0-65535, got '${values.port ?? envPort}'.`);
  const timeScale = values['time-scale'] === undefined ? 1 : Number(values['time-scale']);
  if (!(timeScale > 0)) return usageError(`--time-scale must be a positive number, got '${values['time-scale']}'.`);
  let faults: FaultOptions | undefined;
  if (values.faults !== undefined) {
    try {
      faults = parseFaultSpec(values.faults);
    } catch (err) {
      return usageError(err instanceof Error ? err.message : String(err));
    }
  }

  const allowedHosts = values['allowed-host'] ?? [];
  // A bare host name or address, as the Host header carries it without its port.
  const badHost = allowedHosts.find((h) => !/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/.test(h));
  if (badHost !== undefined) {
    return usageError(`--allowed-host takes a host name or address without scheme or port (e.g. dev.example.test, 192.168.1.20 or [fd00::1]), got '${badHost}'.`);
  }

  const dataDir = resolve(values['data-dir'] ?? '.flowdeck/emulator');
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
      workspaceDir: resolve(values.workspace ?? '.'),
      timeScale,
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`flowdeck: port ${port} is already in use; stop what uses it, or pass --port with another port (0 picks a free one).\n`);
      return 1;
    }
    if (err instanceof EmulatorStartupError || (err instanceof Error && /data folder/.test(err.message))) {
      // One sentence naming the folder and the fix; the stack would only hide it.
      process.stderr.write(`flowdeck: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  process.stdout.write(
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
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write(`Received ${signal}, stopping the emulator...\n`);
      emulator.close().then(
        () => done(0),
        (err: unknown) => {
          process.stderr.write(`flowdeck: closing the emulator failed: ${err instanceof Error ? err.message : String(err)}\n`);
          done(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
