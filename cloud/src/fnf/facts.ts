// Facts of the fnf service that the client, the CLI and the emulator all rely on: the API
// version, the name rule and the name a flow file goes by, the execution statuses and which of
// them are final, and how a JSON object parameter (Input, Payload, Environment) is read. The event
// line a person reads is in ./eventFormat. Pure: no I/O, no errors of any layer (each caller words
// its own).
import { parse as parseJsonc, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';

export const FNF_VERSION = '2019-03-15';

/** Flow, execution and schedule names: [A-Za-z0-9_-], starting with a letter or '_', 1-128 characters. */
export const FNF_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
/** The rule in words, for messages. */
export const FNF_NAME_RULE = "1-128 letters, digits, '_' or '-', starting with a letter or '_'";

export function isFnfName(value: string): boolean {
  return FNF_NAME_PATTERN.test(value);
}

/** Why `value` breaks the name rule (undefined when it does not), in the words a person needs to fix it. */
export function fnfNameProblem(value: string): string | undefined {
  if (isFnfName(value)) return undefined;
  if (value.length > 128) return `is ${value.length} characters long; the limit is 128`;
  if (!/^[A-Za-z_]/.test(value)) return 'must start with a letter or an underscore';
  return 'may contain only letters, digits, underscores (_) and hyphens (-)';
}

const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
/**
 * The name StartSyncExecution gives an Express run: the name asked for (or one the service makes
 * up when none was) and `:{UUID}`, as its reference documents (`my_exec_name:{UUID}`). The part
 * before the colon is not held to FNF_NAME_PATTERN: a made-up name, a UUID for one, may start
 * with a digit, which no caller's name may.
 */
const SYNC_EXECUTION_NAME = new RegExp(`^[A-Za-z0-9_-]{1,128}:${UUID}$`);

/**
 * Why `value` cannot name an existing execution (undefined when it can): a name the rule allows,
 * or the name of a sync run as the service returned it.
 */
export function executionReferenceProblem(value: string): string | undefined {
  return SYNC_EXECUTION_NAME.test(value) ? undefined : fnfNameProblem(value);
}

/** A flow file's kind and format suffix: `.flow.yaml`, `.fdl.json`, or just `.yaml`, `.yml`, `.json`. */
export const FLOW_FILE_SUFFIX = /(?:\.(?:flow|fdl))?\.(?:ya?ml|json)$/i;

/** The `Name` (current spec) or `name` (legacy) a definition declares at its root: a non-empty string, trimmed. */
export function declaredFlowName(definition: unknown): string | undefined {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) return undefined;
  const o = definition as Record<string, unknown>;
  const name = o['Name'] ?? o['name'];
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

/** The name of a flow file without its folder and suffix: `flows/orders.flow.yaml` -> `orders`. */
export function flowFileStem(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(FLOW_FILE_SUFFIX, '');
}

/**
 * The name a flow goes by, deployed, run, debugged or tested: the one its definition declares,
 * else its file's stem. (A deploy can still name it otherwise.)
 */
export function flowNameOfFile(definition: unknown, path: string): string {
  return declaredFlowName(definition) ?? flowFileStem(path);
}

export const EXECUTION_STATUSES = ['Starting', 'Running', 'Stopped', 'Succeeded', 'Failed', 'TimedOut'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** The statuses an execution never leaves. */
export const TERMINAL_EXECUTION_STATUSES: ReadonlySet<ExecutionStatus> = new Set<ExecutionStatus>(['Stopped', 'Succeeded', 'Failed', 'TimedOut']);
/** The history events that end an execution (one per terminal status). */
export const TERMINAL_EVENT_TYPES: ReadonlySet<string> = new Set(['ExecutionStopped', 'ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut']);

export function isTerminalStatus(status: string | undefined): boolean {
  return status !== undefined && (TERMINAL_EXECUTION_STATUSES as ReadonlySet<string>).has(status);
}

export function isTerminalEvent(type: string): boolean {
  return TERMINAL_EVENT_TYPES.has(type);
}

/** A JSON object parameter read from its text, or why it is not one. */
export type JsonObjectReading =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  /**
   * Not JSON: the parser's message, and where the first problem is (0-based offset, 1-based line
   * and column) with its kind in words ("property name expected") when a strict parse finds it.
   */
  | {
      readonly ok: false;
      readonly problem: 'syntax';
      readonly detail: string;
      readonly offset?: number;
      readonly line?: number;
      readonly column?: number;
      readonly reason?: string;
    }
  /** JSON, but not an object: `found` names what it is ('null', 'an array', 'string', ...), at `offset`. */
  | { readonly ok: false; readonly problem: 'notObject'; readonly found: string; readonly offset: number };

/** An example every message about a JSON object parameter can show. */
export const JSON_OBJECT_EXAMPLE = '{"key": "value"}';

/**
 * The one reader of a JSON object given as text (an execution input, a payload, an environment):
 * the service's client, the CLI, the debugger, the editor and the emulator all read it here.
 */
export function readJsonObject(text: string): JsonObjectReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // JSON.parse words its position differently between Node versions, and not always: a strict
    // parse that keeps going finds the first problem's offset.
    const problems: ParseError[] = [];
    parseJsonc(text, problems, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = problems[0];
    if (!first) return { ok: false, problem: 'syntax', detail };
    return { ok: false, problem: 'syntax', detail, offset: first.offset, ...lineAndColumn(text, first.offset), reason: inWords(first.error) };
  }
  if (isJsonObject(value)) return { ok: true, value };
  return { ok: false, problem: 'notObject', found: describeJson(value), offset: text.length - text.trimStart().length };
}

/** 1-based line and column of an offset, as editors show them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

const inWords = (code: ParseErrorCode): string =>
  printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** 'null', 'an array', 'string', 'number', ... for messages about a value of the wrong kind. */
export function describeJson(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
