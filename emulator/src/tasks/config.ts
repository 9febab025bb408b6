// The workspace's task configuration, `.flowdeck/emulator.json`:
//   { "functions": { "<function ARN or name>": "./handlers/x.js" | "http://127.0.0.1:9000/x" },
//     "mocks": { "<Action or resource ARN>": { "output": <any JSON> } | { "error": "Code", "cause": "text" } } }
// Read again whenever the file changes, so edits apply to the next task without a restart.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { JsonValue } from '../engine/types';

export const CONFIG_FILE = join('.flowdeck', 'emulator.json');

export type FunctionTarget =
  { readonly kind: 'module'; readonly path: string } | { readonly kind: 'url'; readonly url: string };

export type Mock = { readonly output: JsonValue } | { readonly error: string; readonly cause: string };

export interface EmulatorConfig {
  readonly functions: ReadonlyMap<string, FunctionTarget>;
  readonly mocks: ReadonlyMap<string, Mock>;
}

export const EMPTY_CONFIG: EmulatorConfig = { functions: new Map(), mocks: new Map() };

export class ConfigError extends Error {}

/** Validates a parsed configuration; relative module paths resolve against `baseDir`. */
export function parseEmulatorConfig(value: unknown, baseDir: string, source = CONFIG_FILE): EmulatorConfig {
  const bad = (message: string): never => {
    throw new ConfigError(`${source}: ${message}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    bad('expected a JSON object with "functions" and/or "mocks"');
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj))
    if (key !== 'functions' && key !== 'mocks') bad(`unknown key "${key}"; only "functions" and "mocks" are read`);
  const functions = new Map<string, FunctionTarget>();
  const mocks = new Map<string, Mock>();
  const fnObj = obj['functions'] ?? {};
  if (typeof fnObj !== 'object' || fnObj === null || Array.isArray(fnObj))
    bad('"functions" must map function ARNs or names to a module path or an http(s) URL');
  for (const [name, target] of Object.entries(fnObj as Record<string, unknown>)) {
    if (typeof target !== 'string' || target === '')
      bad(`functions["${name}"] must be a module path (e.g. "./handlers/hello.js") or an http(s) URL`);
    const t = target as string;
    functions.set(
      name,
      /^https?:\/\//i.test(t)
        ? { kind: 'url', url: t }
        : { kind: 'module', path: isAbsolute(t) ? t : resolve(baseDir, t) },
    );
  }
  const mockObj = obj['mocks'] ?? {};
  if (typeof mockObj !== 'object' || mockObj === null || Array.isArray(mockObj))
    bad('"mocks" must map actions to { "output": ... } or { "error": "...", "cause": "..." }');
  for (const [action, mock] of Object.entries(mockObj as Record<string, unknown>)) {
    if (typeof mock !== 'object' || mock === null || Array.isArray(mock))
      bad(`mocks["${action}"] must be { "output": ... } or { "error": "...", "cause": "..." }`);
    const m = mock as Record<string, unknown>;
    if ('output' in m) mocks.set(action, { output: m['output'] as JsonValue });
    else if (typeof m['error'] === 'string')
      mocks.set(action, { error: m['error'], cause: typeof m['cause'] === 'string' ? m['cause'] : '' });
    else
      bad(`mocks["${action}"] needs "output" (the task result) or "error" (an error code, with an optional "cause")`);
  }
  return { functions, mocks };
}

/** Loads `<workspaceDir>/.flowdeck/emulator.json`, caching it until the file changes. */
export class WorkspaceConfig {
  private cached: { mtimeMs: number; size: number; config: EmulatorConfig } | undefined;

  constructor(readonly workspaceDir: string) {}

  get path(): string {
    return join(this.workspaceDir, CONFIG_FILE);
  }

  load(): EmulatorConfig {
    let stat;
    try {
      stat = statSync(this.path);
    } catch {
      return EMPTY_CONFIG;
    }
    if (this.cached && this.cached.mtimeMs === stat.mtimeMs && this.cached.size === stat.size)
      return this.cached.config;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (e) {
      throw new ConfigError(`${this.path}: not valid JSON (${(e as Error).message})`);
    }
    const config = parseEmulatorConfig(parsed, this.workspaceDir, this.path);
    this.cached = { mtimeMs: stat.mtimeMs, size: stat.size, config };
    return config;
  }
}
