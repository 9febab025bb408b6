// Reads a command's arguments with `node:util` parseArgs and checks them against its spec:
// unknown options, missing values, values outside the choices, missing or extra operands. Every
// mistake is one UsageError whose message names the option or operand.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandArgs, CommandSpec, OptionSpec, OptionSpecs } from './define';
import { valueName } from './help';
import { UsageError } from './usageError';

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

function parseArgsOptions(specs: OptionSpecs): ParseOptions {
  const options: ParseOptions = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(specs)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  return options;
}

/** `a`, `a or b`, `a, b or c`. */
function oneOf(choices: readonly string[]): string {
  return choices.length < 2 ? choices.join('') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)!}`;
}

/** parseArgs's own messages are long and name Node's codes; these say what to type instead. */
function clearMessage(err: Error & { code?: string }, specs: OptionSpecs): string {
  const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(err.message)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${flag ?? err.message}'`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    const spec = specs[flag.replace(/^--/, '')];
    if (!spec || spec.type === 'boolean') return `${flag} takes no value`;
    const needs = `${flag} needs a value (${valueName(spec)})`;
    // parseArgs will not take a value that starts with '-' from the next argument
    return /ambiguous/.test(err.message) ? `${needs}; write ${flag}=VALUE for a value that starts with '-'` : needs;
  }
  return err.message;
}

function checkValue(name: string, o: OptionSpec, value: unknown): void {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'string') continue;
    if (v === '') throw new UsageError(`--${name} needs a value (${valueName(o)})`);
    if (o.choices && !o.choices.includes(v)) throw new UsageError(`--${name} takes ${oneOf(o.choices)}, not '${v}'`);
  }
}

function checkOperands(names: readonly string[], given: readonly string[]): void {
  const variadic = names.at(-1)?.endsWith('...') ?? false;
  const required = names.filter((n) => !n.startsWith('['));
  if (given.length < required.length) throw new UsageError(`missing ${required[given.length]!.replace('...', '')}`);
  if (!variadic && given.length > names.length) {
    const extra = given.slice(names.length);
    throw new UsageError(`unexpected argument${extra.length > 1 ? 's' : ''} ${extra.map((a) => `'${a}'`).join(', ')}`);
  }
}

/** The checked arguments, or 'help' when -h/--help was given. */
export function parseCommandArgs<O extends OptionSpecs>(spec: CommandSpec<O>, args: readonly string[]): CommandArgs<O> | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: parseArgsOptions(spec.options), strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(clearMessage(err as Error & { code?: string }, spec.options));
  }
  const values = parsed.values as Record<string, unknown>;
  if (values['help']) return 'help';
  delete values['help'];
  for (const [name, o] of Object.entries(spec.options)) {
    if (values[name] !== undefined) checkValue(name, o, values[name]);
    else if (o.required) throw new UsageError(`missing --${name} ${o.value ?? ''}`.trimEnd());
  }
  checkOperands(spec.operands, parsed.positionals);
  return { options: values as CommandArgs<O>['options'], operands: parsed.positionals };
}
