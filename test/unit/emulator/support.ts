// Shared by the emulator tests: a throwaway data folder, an emulator on a free port, and a
// signed fnf RPC client speaking the wire protocol the way the Alibaba SDK does (common
// parameters in the query, API parameters in the query for GET or in a form body for POST).
import { randomUUID } from 'node:crypto';
import { encodeRpcParams, signRpcV1Request } from '../../../cloud/src/signing/rpcV1';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator/src/server';
import { tempDir as sharedTempDir } from '../scratchDir';

export const FNF_VERSION = '2019-03-15';

/** A throwaway data folder (see ../scratchDir.ts). */
export function tempDir(prefix = 'flowdeck-emu-'): ReturnType<typeof sharedTempDir> {
  return sharedTempDir(prefix);
}

export interface RpcAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export interface CallOptions {
  readonly method?: 'GET' | 'POST';
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  readonly now?: Date;
  readonly version?: string;
  /** Parameters that must travel in the query even for POST (ReportTask*'s TaskToken). */
  readonly queryParams?: Record<string, string>;
}

const GET_ACTIONS = /^(Describe|List|Get)/;

export class FnfTestClient {
  constructor(
    readonly endpoint: string,
    readonly accessKeyId = 'local',
    readonly accessKeySecret = 'local-secret',
  ) {}

  async call(action: string, params: Record<string, string | undefined> = {}, options: CallOptions = {}): Promise<RpcAnswer> {
    const method = options.method ?? (GET_ACTIONS.test(action) ? 'GET' : 'POST');
    const signed = signRpcV1Request({
      method,
      action,
      version: options.version ?? FNF_VERSION,
      accessKeyId: options.accessKeyId ?? this.accessKeyId,
      accessKeySecret: options.accessKeySecret ?? this.accessKeySecret,
      query: method === 'GET' ? params : (options.queryParams ?? {}),
      body: method === 'GET' ? {} : params,
      now: options.now ?? new Date(),
      nonce: randomUUID(),
    });
    const url = `${this.endpoint}/?${encodeRpcParams(signed.query)}`;
    const res = await fetch(url, method === 'GET'
      ? { method }
      : { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encodeRpcParams(signed.body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Calls and insists on HTTP 200; returns the body. */
  async ok(action: string, params: Record<string, string | undefined> = {}, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const r = await this.call(action, params, options);
    if (r.status !== 200) throw new Error(`${action} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

export interface EmulatorFixture {
  readonly emulator: RunningEmulator;
  readonly client: FnfTestClient;
  readonly dataDir: string;
  close(): Promise<void>;
}

export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<EmulatorFixture> {
  // A folder of its own only when the test gives none (the test then removes its own).
  const dir = options.dataDir === undefined ? await tempDir() : undefined;
  const dataDir = options.dataDir ?? dir!.path;
  const emulator = await startEmulator({ port: 0, timeScale: 0.001, ...options, dataDir });
  return {
    emulator,
    client: new FnfTestClient(emulator.endpoint, emulator.accessKeyId, emulator.accessKeySecret),
    dataDir,
    async close() {
      await emulator.close();
      await dir?.remove();
    },
  };
}

/** A small valid current-spec flow: Pass -> Choice -> Succeed, or Fail when `$Input.fail` is true. */
export const PASS_CHOICE_FLOW = `Type: StateMachine
SpecVersion: v1
Name: demo
StartAt: Prepare
States:
  - Type: Pass
    Name: Prepare
    Next: Decide
  - Type: Choice
    Name: Decide
    Branches:
      - Condition: $Input.fail == true
        Next: Broken
    Default: Done
  - Type: Fail
    Name: Broken
    Code: Demo.Failed
    Detail: asked to fail
  - Type: Succeed
    Name: Done
`;

/** Waits in a Wait state for `$Input.seconds` (scaled by the emulator's time scale). */
export const WAIT_FLOW = `Type: StateMachine
SpecVersion: v1
Name: waiting
StartAt: Hold
States:
  - Type: Wait
    Name: Hold
    Seconds.$: $Input.seconds
    End: true
`;

/**
 * A flow whose distributed Map `Each` runs one child execution per item of `$Input.xs`, in
 * `mode`; each child runs the single state `child` (YAML at the indentation of a state list item
 * under `Processor.States`, named `Child`). `mapFields` are more fields of the Map state.
 */
export function distributedMapFlow(mode: 'Express' | 'Standard', child: string, mapFields = ''): string {
  return `Type: StateMachine
SpecVersion: v1
StartAt: Each
States:
  - Type: Map
    Name: Each
    ProcessorConfig:
      ExecutionMode: ${mode}
${mapFields}    ItemsPath: $Input.xs
    Processor:
      StartAt: Child
      States:
${child}
    End: true
`;
}

/** Polls `check` until it returns a value (not undefined), failing after `attempts` tries. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, attempts = 500): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise<void>((r) => setImmediate(r));
  }
  throw new Error(`gave up waiting for ${what}`);
}
