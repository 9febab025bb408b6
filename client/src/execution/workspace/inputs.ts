// Execution inputs: the named inputs saved next to a flow (`.flowdeck/inputs/<flow>/<name>.json`)
// and the strict check every input passes before it is sent. Pure Node, no vscode import.
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type InputCheck =
  | { readonly ok: true; readonly value: Record<string, unknown>; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/** 1-based line and column of an offset, as editors show them. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const describeError = (e: ParseError): string =>
  printParseErrorCode(e.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/**
 * Checks an execution input: strict JSON (no comments, no trailing commas) whose value is an
 * object, as StartExecution requires. Whitespace-only text means `{}`.
 */
export function checkInput(text: string): InputCheck {
  if (text.trim() === '') return { ok: true, value: {}, text: '{}' };
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length > 0) {
    const first = errors[0]!;
    return { ok: false, ...positionOf(text, first.offset), message: describeError(first) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const start = text.length - text.trimStart().length;
    return { ok: false, ...positionOf(text, start), message: 'the input must be a JSON object, for example {"orderId": "A-1"}' };
  }
  return { ok: true, value: value as Record<string, unknown>, text: JSON.stringify(value) };
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
