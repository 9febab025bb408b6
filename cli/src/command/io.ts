// The one way a command meets the world: its folder, its environment, where it prints, the
// signals it listens for, and the raw standard streams for a command that speaks a protocol.
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Calls `handler` when one of `signals` arrives, until the returned function is called. */
  readonly onSignal: (signals: readonly NodeJS.Signals[], handler: (signal: NodeJS.Signals) => void) => () => void;
  /** The standard streams themselves (`flowdeck debug-adapter` speaks DAP on them). */
  readonly stdio: { readonly input: NodeJS.ReadableStream; readonly output: NodeJS.WritableStream };
}

/** The process's own folder, environment, streams and signals. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    onSignal: (signals, handler) => {
      for (const s of signals) process.on(s, handler);
      return () => {
        for (const s of signals) process.off(s, handler);
      };
    },
    stdio: { input: process.stdin, output: process.stdout },
  };
}
