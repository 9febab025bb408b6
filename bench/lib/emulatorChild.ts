// The emulator as `flowdeck emulator` runs it (the CLI's command, bundled as shipped), in a child
// process with its data in a temporary folder that is removed when it stops.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnExit, startChildServer } from './childServer';

export interface EmulatorChild {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly pid: number;
  close(): Promise<void>;
}

/** `fromSources`: run with tsx rather than bundled (see ChildServerOptions). */
export async function startEmulatorChild(nodeArgs: readonly string[] = [], fromSources = false): Promise<EmulatorChild> {
  const dataDir = await mkdtemp(join(tmpdir(), 'flowdeck-bench-child-'));
  const kept = removeOnExit(dataDir);
  try {
    const child = await startChildServer({
      script: 'cli/src/main.ts',
      args: ['emulator', '--port', '0', '--data-dir', dataDir, '--workspace', dataDir],
      nodeArgs,
      fromSources,
      // The whole banner, credentials included, before the endpoint counts.
      ready: /listening on (http:\/\/\S+)[\s\S]*access key secret:.*\n/,
    });
    const field = (name: string): string => {
      const value = new RegExp(`${name}:\\s+(\\S+)`).exec(child.banner)?.[1];
      if (value === undefined) throw new Error(`the emulator did not print its ${name}`);
      return value;
    };
    return {
      endpoint: child.endpoint,
      accessKeyId: field('access key id'),
      accessKeySecret: field('access key secret'),
      pid: child.pid,
      close: async () => {
        await child.close();
        await rm(dataDir, { recursive: true, force: true });
        kept();
      },
    };
  } catch (e) {
    await rm(dataDir, { recursive: true, force: true });
    kept();
    throw e;
  }
}

/** The bare node:http floor server (see httpFloor.ts) in a child process of its own. */
export function startFloorChild(body: string, nodeArgs: readonly string[] = []): ReturnType<typeof startChildServer> {
  return startChildServer({
    script: 'bench/lib/floorServerMain.ts',
    args: [],
    nodeArgs,
    env: { FLOOR_BODY: body },
    ready: /listening on (http:\/\/\S+)/,
  });
}
