// The local emulator the "Local emulator" target talks to: started in this process on first need
// (free loopback port, data in the extension's storage), or an already running one named by
// FLOWDECK_EMULATOR_ENDPOINT (how `npm start` and tests share one emulator). Stopped on dispose.
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../../../emulator/src';
import { EMULATOR_KEY_PAIR, trimEndpoint } from './loopback';

export const EMULATOR_ENDPOINT_ENV = 'FLOWDECK_EMULATOR_ENDPOINT';

/** The emulator FLOWDECK_EMULATOR_ENDPOINT names (how `npm start` and tests share one), if any. */
export function externalEmulatorEndpoint(): string | undefined {
  return process.env[EMULATOR_ENDPOINT_ENV] || undefined;
}

export interface EmulatorConnection {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** True when this window started it (and will stop it). */
  readonly owned: boolean;
}

export class EmulatorHost implements vscode.Disposable {
  private starting: Promise<EmulatorConnection> | undefined;
  private running: RunningEmulator | undefined;

  constructor(
    private readonly storageDir: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly workspaceDir: () => string | undefined,
  ) {}

  /** The emulator's connection, starting it the first time. Concurrent callers share one start. */
  connection(): Promise<EmulatorConnection> {
    this.starting ??= this.start().catch((e: unknown) => {
      this.starting = undefined; // let the next call try again
      throw e;
    });
    return this.starting;
  }

  private async start(): Promise<EmulatorConnection> {
    const external = externalEmulatorEndpoint();
    if (external) {
      this.log.info(`Using the emulator at ${external} (${EMULATOR_ENDPOINT_ENV})`);
      return { endpoint: trimEndpoint(external), ...EMULATOR_KEY_PAIR, owned: false };
    }
    const dataDir = vscode.Uri.joinPath(this.storageDir, 'emulator').fsPath;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.storageDir, 'emulator'));
    const workspaceDir = this.workspaceDir();
    this.log.info(`Starting the local emulator (data in ${dataDir})`);
    const running = await startEmulator({ host: '127.0.0.1', port: 0, dataDir, ...(workspaceDir ? { workspaceDir } : {}) });
    this.running = running;
    this.log.info(`Local emulator listening on ${running.endpoint}`);
    return { endpoint: running.endpoint, ...EMULATOR_KEY_PAIR, owned: true };
  }

  /** Stops the emulator this window started; an external one is left running. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.starting = undefined;
    if (running) {
      await running.close();
      this.log.info('Local emulator stopped');
    }
  }

  dispose(): void {
    void this.stop().catch((e: unknown) => this.log.warn(`Stopping the emulator failed: ${String(e)}`));
  }
}
