// The shape of every `flowdeck` command: what it takes (operands and `node:util` parseArgs
// options, each with its help), what it says about itself, and what it does. The help text and
// the argument checks are generated from this, so a command only states them once.
import type { CliIo } from './io';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The option may be given more than once; its value is the list. */
  readonly multiple?: boolean;
  /** The value's name in the help, e.g. `FILE` (string options). */
  readonly value?: string;
  /** The only values accepted; any other is a usage error that names them. */
  readonly choices?: readonly string[];
  /** A usage error when missing. */
  readonly required?: boolean;
  readonly help: string;
  /** The heading it is listed under in the help (default `Options`). */
  readonly section?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : S extends { choices: readonly (infer C)[] }
      ? C
      : string;

export type OptionValues<O extends OptionSpecs> = { readonly [K in keyof O]?: ValueOf<O[K]> };

export interface CommandArgs<O extends OptionSpecs> {
  readonly options: OptionValues<O>;
  readonly operands: readonly string[];
}

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  /** One line for `flowdeck --help`. */
  readonly summary: string;
  /** Operand names in order: `FILE`, `[PATH...]` (optional), `PATH...` (one or more). */
  readonly operands: readonly string[];
  readonly options: O;
  /** Paragraphs printed after the usage line. */
  readonly description: string;
  /** Printed after the options, e.g. what the exit statuses mean. */
  readonly notes?: string;
  /** Resolves to the exit status; throws UsageError for a usage mistake. */
  run(args: CommandArgs<O>, io: CliIo): Promise<number>;
}

/** Keeps the options' literal types (choices, boolean or string) so `run` sees typed values. */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}
