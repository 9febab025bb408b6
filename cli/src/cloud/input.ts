// Reads an execution input given as inline JSON or `@file`, and says exactly where it is broken.
import { readFile } from 'node:fs/promises';
import type { JsonObject } from '../../../cloud/src/fnf';

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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const pos = m ? Number(m[1]) : /end of JSON input/.test((err as Error).message) ? text.length : undefined;
    const at = pos !== undefined ? ` at line ${text.slice(0, pos).split('\n').length}, column ${pos - text.lastIndexOf('\n', pos - 1)}` : '';
    throw new Error(`${where} is not valid JSON${at}: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where} must be a JSON object such as {"key": "value"}`);
  }
  return value as JsonObject;
}
