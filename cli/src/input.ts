// The `--input JSON|@FILE` of `flowdeck run` and `flowdeck start`: read as the debugger reads its
// input, with errors that say where the JSON went wrong.
import type { JsonObject } from '../../cloud/src/fnf';
import { parseInputText, readInputFile } from '../../emulator/src/local';

export const INPUT_OPTION = {
  type: 'string',
  short: 'i',
  value: 'JSON|@FILE',
  help: 'the execution input, a JSON object (default {}); @FILE reads it from a file',
} as const;

/** The input object ({} when not given); throws with the reason when it is unreadable or not an object. */
export function readInput(raw: string | undefined, cwd: string): JsonObject {
  if (raw === undefined) return {};
  const read = raw.startsWith('@') ? readInputFile(raw.slice(1), cwd) : parseInputText(raw, '--input');
  if ('error' in read) throw new Error(read.error);
  return read.value as JsonObject;
}
