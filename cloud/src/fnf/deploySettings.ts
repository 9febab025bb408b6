// How each flow file is deployed (flow name, execution mode, role, description), kept per file in
// `.flowdeck/flows.json` so it can be committed and shared: the editor writes what a user answered
// the first time a file was deployed; the editor and `flowdeck deploy` read it, and a local run
// (`flowdeck run`, the debugger, flow tests) takes the saved execution mode's limits from it.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ExecutionMode } from './types';

export interface FlowDeploySettings {
  /** The flow's name in the service. */
  readonly name: string;
  readonly executionMode: ExecutionMode;
  readonly roleArn?: string;
  readonly description?: string;
}

/** The file's shape: definition path relative to the workspace folder (with `/`) -> settings. */
export interface FlowsFile {
  readonly flows: Record<string, FlowDeploySettings>;
}

export const FLOWDECK_DIR = '.flowdeck';
export const FLOWS_FILE = 'flows.json';

export function flowsFilePath(workspaceDir: string): string {
  return join(workspaceDir, FLOWDECK_DIR, FLOWS_FILE);
}

/** The key a definition file is stored under: its path relative to the workspace, with `/`. */
export function flowKey(workspaceDir: string, filePath: string): string {
  return relative(workspaceDir, filePath).split(sep).join('/');
}

function checkSettings(key: string, raw: unknown): FlowDeploySettings {
  const where = `${FLOWDECK_DIR}/${FLOWS_FILE}, entry "${key}"`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${where}: expected an object with "name" and "executionMode".`);
  const o = raw as Record<string, unknown>;
  if (typeof o['name'] !== 'string' || o['name'] === '') throw new Error(`${where}: "name" must be the flow's name.`);
  const mode = o['executionMode'] ?? 'Standard';
  if (mode !== 'Standard' && mode !== 'Express') throw new Error(`${where}: "executionMode" must be "Standard" or "Express".`);
  const optional = (k: string): string | undefined => {
    const v = o[k];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string') throw new Error(`${where}: "${k}" must be a string.`);
    return v;
  };
  const roleArn = optional('roleArn');
  const description = optional('description');
  return { name: o['name'], executionMode: mode, ...(roleArn ? { roleArn } : {}), ...(description ? { description } : {}) };
}

/** Reads the file; a missing file is an empty one, a malformed one an error that names the fix. */
export async function readFlowsFile(workspaceDir: string): Promise<FlowsFile> {
  return (await loadFlowsFile(flowsFilePath(workspaceDir))) ?? { flows: {} };
}

/** The file at `path`, or undefined when there is none; a malformed one is an error that names the fix. */
async function loadFlowsFile(path: string): Promise<FlowsFile | undefined> {
  const text = await readFile(path, 'utf8').catch(undefinedWhenMissing);
  return text === undefined ? undefined : parseFlowsFile(path, text);
}

/** As loadFlowsFile, for the callers that read a flow file synchronously (a local run, a debug launch). */
function loadFlowsFileSync(path: string): FlowsFile | undefined {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    text = undefinedWhenMissing(e);
  }
  return text === undefined ? undefined : parseFlowsFile(path, text);
}

function undefinedWhenMissing(e: unknown): undefined {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw e;
}

function parseFlowsFile(path: string, text: string): FlowsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not valid JSON (${(e as Error).message}); fix or delete it.`);
  }
  const flows = (data as { flows?: unknown } | null)?.flows;
  if (!flows || typeof flows !== 'object' || Array.isArray(flows)) throw new Error(`${path} must look like {"flows": {"<file>": {"name": ..., "executionMode": ...}}}.`);
  const out: Record<string, FlowDeploySettings> = {};
  for (const [k, v] of Object.entries(flows)) out[k] = checkSettings(k, v);
  return { flows: out };
}

export async function getDeploySettings(workspaceDir: string, filePath: string): Promise<FlowDeploySettings | undefined> {
  return (await readFlowsFile(workspaceDir)).flows[flowKey(workspaceDir, filePath)];
}

/**
 * The settings for `filePath` in the nearest `.flowdeck/flows.json` above it, and that file's
 * path: outside the editor no workspace folder says which one is meant, so the nearest decides,
 * as `git` finds its repository. Undefined when there is none, or it has no entry for the file.
 */
export function findDeploySettings(filePath: string): { readonly path: string; readonly settings: FlowDeploySettings } | undefined {
  for (let dir = dirname(filePath); ; dir = dirname(dir)) {
    const path = flowsFilePath(dir);
    const file = loadFlowsFileSync(path);
    if (file) {
      const settings = file.flows[flowKey(dir, filePath)];
      return settings ? { path, settings } : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Stores one file's settings, keeping the others; written through a temporary file. */
export async function saveDeploySettings(workspaceDir: string, filePath: string, settings: FlowDeploySettings): Promise<void> {
  const current = await readFlowsFile(workspaceDir);
  const flows = { ...current.flows, [flowKey(workspaceDir, filePath)]: settings };
  const sorted = Object.fromEntries(Object.keys(flows).sort().map((k) => [k, flows[k]]));
  const path = flowsFilePath(workspaceDir);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ flows: sorted }, null, 2) + '\n', 'utf8');
  await rename(tmp, path);
}

/** The definition files deployed as `flowName` (usually one), as absolute paths. */
export async function filesDeployedAs(workspaceDir: string, flowName: string): Promise<string[]> {
  const { flows } = await readFlowsFile(workspaceDir);
  return Object.entries(flows)
    .filter(([, s]) => s.name === flowName)
    .map(([k]) => join(workspaceDir, ...k.split('/')));
}
