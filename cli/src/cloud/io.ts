// Where a command prints: the process streams by default, anything with write() in tests.
export interface CliIo {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
}

export const processIo: CliIo = { out: process.stdout, err: process.stderr };
