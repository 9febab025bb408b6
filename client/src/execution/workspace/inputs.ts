// Execution inputs: the named inputs saved next to a flow (`.flowdeck/inputs/<flow>/<name>.json`)
// and the strict check every input passes before it is sent. Pure Node, no vscode import.
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lineAndColumn, readJsonObject } from '../../../../cloud/src/fnf';

export type InputCheck =
  | { readonly ok: true; readonly value: Record<string, unknown>; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/**
 * Checks an execution input: strict JSON (no comments, no trailing commas) whose value is an
 * object, as StartExecution requires. Whitespace-only text means `{}`.
 */
export function checkInput(text: string): InputCheck {
  if (text.trim() === '') return { ok: true, value: {}, text: '{}' };
  const read = readJsonObject(text);
  if (read.ok) return { ok: true, value: read.value, text: JSON.stringify(read.value) };
  if (read.problem === 'notObject') {
    return { ok: false, ...lineAndColumn(text, read.offset), message: 'the input must be a JSON object, for example {"orderId": "A-1"}' };
  }
  return { ok: false, ...lineAndColumn(text, read.offset ?? text.length), message: read.reason ?? read.detail };
}

/** The folder holding a flow's saved inputs, inside the `.flowdeck` folder of the workspace. */
export function inputsFolder(flowdeckDir: string, flowName: string): string {
  return join(flowdeckDir, 'inputs', flowName);
}

export interface SavedInput {
  readonly name: string;
  readonly path: string;
}

/** Saved inputs of a flow, sorted by name; none when the folder does not exist. */
export async function listSavedInputs(flowdeckDir: string, flowName: string): Promise<SavedInput[]> {
  const dir = inputsFolder(flowdeckDir, flowName);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b))
    .map((n) => ({ name: n.slice(0, -'.json'.length), path: join(dir, n) }));
}

export async function readSavedInput(input: SavedInput): Promise<InputCheck> {
  return checkInput(await readFile(input.path, 'utf8'));
}

const INPUT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

/** Saves an input under a name; the name becomes the file name, so it is checked first. */
export async function saveInput(flowdeckDir: string, flowName: string, name: string, value: Record<string, unknown>): Promise<string> {
  if (!INPUT_NAME.test(name)) throw new Error(`"${name}" cannot be an input name: use letters, digits, "_", "-" or ".", up to 64 characters.`);
  const dir = inputsFolder(flowdeckDir, flowName);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  await writeFile(path, JSON.stringify(value, null, 2) + '\n', 'utf8');
  return path;
}

export function isValidInputName(name: string): boolean {
  return INPUT_NAME.test(name);
}
