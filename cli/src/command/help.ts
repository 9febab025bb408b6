// The help texts, generated from the command table and each command's spec.
import type { CommandSpec, OptionSpec } from './define';

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };
const COLUMN = 26;

/** `usage: flowdeck NAME OPERANDS [options]`. */
export function usageLine(name: string, spec: CommandSpec): string {
  return ['usage: flowdeck', name, ...spec.operands, '[options]'].join(' ');
}

/** What a string option's value is called: `FILE`, or its choices `text|json`. */
export function valueName(o: OptionSpec): string {
  return o.value ?? o.choices?.join('|') ?? 'VALUE';
}

function optionLabel(name: string, o: OptionSpec): string {
  const flag = `${o.short ? `-${o.short}, ` : ''}--${name}`;
  return o.type === 'boolean' ? flag : `${flag} ${valueName(o)}`;
}

function optionLines(name: string, o: OptionSpec): string[] {
  const label = `  ${optionLabel(name, o)}`;
  const [first = '', ...rest] = o.help.split('\n');
  const head = label.length + 2 <= COLUMN ? `${label.padEnd(COLUMN)}${first}` : `${label}\n${' '.repeat(COLUMN)}${first}`;
  return [head, ...rest.map((l) => `${' '.repeat(COLUMN)}${l}`)];
}

/** `flowdeck NAME --help`: usage, description, the options by section, notes. */
export function commandHelp(name: string, spec: CommandSpec): string {
  const sections = new Map<string, string[]>();
  for (const [flag, o] of [...Object.entries(spec.options), ['help', HELP_OPTION] as const]) {
    const heading = o.section ?? 'Options:';
    sections.set(heading, [...(sections.get(heading) ?? []), ...optionLines(flag, o)]);
  }
  const parts = [usageLine(name, spec), spec.description, ...[...sections].map(([heading, lines]) => [heading, ...lines].join('\n'))];
  if (spec.notes) parts.push(spec.notes);
  return parts.join('\n\n') + '\n';
}

/** `flowdeck --help`: every command with its operands and summary. */
export function mainHelp(commands: readonly (readonly [string, CommandSpec])[]): string {
  const rows = commands.map(([name, spec]) => [[name, ...spec.operands].join(' '), spec.summary] as const);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    'usage: flowdeck <command> [options]',
    '',
    'Commands:',
    ...rows.map(([left, summary]) => `  ${left.padEnd(width)}${summary}`),
    '',
    "Run `flowdeck <command> --help` for a command's options.",
    '',
  ].join('\n');
}
