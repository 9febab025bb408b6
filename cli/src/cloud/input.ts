// Reads an execution input given as inline JSON or `@file`, and says exactly where it is broken.
import { readFile } from 'node:fs/promises';
import { JSON_OBJECT_EXAMPLE, readJsonObject } from '../../../cloud/src/fnf/facts';
import type { JsonObject } from '../../../cloud/src/fnf/types';

export async function readInput(spec: string | undefined): Promise<JsonObject> {
  if (spec === undefined) return {};
  const fromFile = spec.startsWith('@');
  const where = fromFile ? spec.slice(1) : '--input';
  let text: string;
  try {
    text = fromFile ? await readFile(spec.slice(1), 'utf8') : spec;
  } catch (err) {
    throw new Error(`cannot read the input file ${where}: ${(err as Error).message}`);
  }
  const read = readJsonObject(text);
  if (read.ok) return read.value as JsonObject;
  if (read.problem === 'notObject') throw new Error(`${where} must be a JSON object such as ${JSON_OBJECT_EXAMPLE}`);
  const at = read.line !== undefined ? ` at line ${read.line}, column ${read.column}` : '';
  throw new Error(`${where} is not valid JSON${at}: ${read.detail}`);
}
