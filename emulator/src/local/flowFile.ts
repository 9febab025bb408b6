// Running a flow file on this machine, as `flowdeck run` and the debugger both do: read and check
// it with the editor's language service under the limits it is deployed with, read its input,
// find the workspace whose `.flowdeck/emulator.json` serves its tasks. One code path, so both see
// the same handlers and mocks.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
  fileDocument,
  createLanguageService,
  type FlowLanguageService,
  type AnalysedDocument,
} from '../../../server/src';
import { isEmptyDocument, toJsonValue, type JsonValue } from '../../../server/src/parse';
import { JSON_OBJECT_EXAMPLE, flowNameOfFile, readJsonObject } from '../../../cloud/src/fnf/facts';
import { findDeploySettings } from '../../../cloud/src/fnf/deploySettings';
import type { ExecutionMode, TaskEnvironment } from '../engine';
import { CONFIG_FILE, createWorkspaceTasks } from '../tasks';
import { WORKSPACE_OBJECTS_DIR } from '../objects/store';

export interface LoadedFlow {
  readonly path: string;
  readonly document: TextDocument;
  readonly analysed: AnalysedDocument;
  readonly dialect: 'fdl' | 'fdl-legacy';
  readonly definition: JsonValue;
  /** The definition's `Name` (legacy: `name`), else the file's stem (flowNameOfFile). */
  readonly flowName: string;
  /** The limits it was checked under and runs under. */
  readonly mode: ExecutionMode;
  /** The `.flowdeck/flows.json` the mode was read from, when no mode was asked for. */
  readonly modeSavedIn?: string;
}

export type FlowFileProblem =
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'settings'; readonly message: string }
  | { readonly kind: 'not-a-flow' }
  | { readonly kind: 'empty' }
  /** The errors under the limits of `mode`; `modeSavedIn` as for LoadedFlow. */
  | { readonly kind: 'invalid'; readonly errors: readonly Diagnostic[]; readonly mode: ExecutionMode; readonly modeSavedIn?: string };

/** What is wrong with a flow file: one sentence, and the errors one per line (`file:line:column error code message`). */
export interface FlowFileProblemText {
  readonly sentence: string;
  readonly errors: readonly string[];
}

/** The words `flowdeck run`, the debugger and flow tests all use for a flow file they cannot run. */
export function describeFlowFileProblem(file: string, problem: FlowFileProblem, before: 'running' | 'debugging' | 'testing'): FlowFileProblemText {
  switch (problem.kind) {
    case 'unreadable':
      return { sentence: `cannot read ${file}: ${problem.message}`, errors: [] };
    case 'settings':
      return { sentence: `cannot tell whether ${file} runs as a Standard or an Express flow (a mode given chooses): ${problem.message}`, errors: [] };
    case 'not-a-flow':
      return { sentence: `${file} is not a CloudFlow flow (expected Type: StateMachine or type: flow)`, errors: [] };
    case 'empty':
      return { sentence: `${file} is empty: write a flow in it first (Type: StateMachine, SpecVersion: v1, StartAt and States)`, errors: [] };
    case 'invalid':
      return {
        sentence: `${file} has ${problem.errors.length} error(s)${problem.modeSavedIn !== undefined ? ` under ${problem.mode} limits, as the nearest .flowdeck/flows.json saves the flow` : ''}; fix them before ${before}`,
        errors: problem.errors.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${d.code ?? ''} ${d.message}`),
      };
  }
}

/**
 * Checks a flow's text as the editor does, under the limits of `options.mode` (default Standard);
 * only a current or legacy CloudFlow flow without errors loads. `modeSavedIn` says where that mode
 * was read from, for the result or its errors to tell.
 */
export function loadFlowText(
  path: string,
  text: string,
  options: { mode?: ExecutionMode; modeSavedIn?: string; service?: FlowLanguageService } = {},
): LoadedFlow | FlowFileProblem {
  const service = options.service ?? createLanguageService();
  const document = fileDocument(path, text);
  const analysed = service.analyse(document);
  const isFlow = analysed.dialect === 'fdl' || analysed.dialect === 'fdl-legacy';
  const mode = options.mode ?? 'Standard';
  const errors = isFlow ? service.validate(document, { executionMode: mode }).filter((d) => d.severity === DiagnosticSeverity.Error) : [];
  // Every load reads the file anew as version 1: a shared service must not keep this one.
  service.forget(document.uri);
  if (!isFlow) return { kind: 'not-a-flow' };
  const savedIn = options.modeSavedIn !== undefined ? { modeSavedIn: options.modeSavedIn } : {};
  if (errors.length > 0) return { kind: 'invalid', errors, mode, ...savedIn };
  // A file named as a flow but with nothing in it yet (the editor reports nothing while it is being written).
  if (isEmptyDocument(analysed.parsed)) return { kind: 'empty' };
  const definition = toJsonValue(analysed.parsed.root) ?? null;
  const flowName = flowNameOfFile(definition, path);
  return { path, document, analysed, dialect: analysed.dialect, definition, flowName, mode, ...savedIn };
}

/**
 * Reads and checks a flow file, under the limits of `options.mode`, else of the execution mode
 * the file is saved with in the nearest `.flowdeck/flows.json` (as `flowdeck deploy` reads it),
 * else Standard: a flow deployed as Express runs here as it will there.
 */
export function loadFlowFile(
  path: string,
  options: { mode?: ExecutionMode; service?: FlowLanguageService } = {},
): LoadedFlow | FlowFileProblem {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { kind: 'unreadable', message: (e as Error).message };
  }
  if (options.mode !== undefined) return loadFlowText(path, text, options);
  let saved: ReturnType<typeof findDeploySettings>;
  try {
    saved = findDeploySettings(path);
  } catch (e) {
    return { kind: 'settings', message: (e as Error).message };
  }
  return loadFlowText(path, text, saved ? { ...options, mode: saved.settings.executionMode, modeSavedIn: saved.path } : options);
}

export function isFlowFileProblem(x: LoadedFlow | FlowFileProblem): x is FlowFileProblem {
  return 'kind' in x;
}

/** "line L, column C" (1-based) of a character offset. */
/** Parses an execution input (a JSON object); errors name `source` and where the JSON went wrong. */
export function parseInputText(text: string, source: string): { value: JsonValue } | { error: string } {
  const read = readJsonObject(text);
  if (read.ok) return { value: read.value as JsonValue };
  if (read.problem === 'notObject') return { error: `${source}: the input must be a JSON object such as ${JSON_OBJECT_EXAMPLE}` };
  const where = read.line !== undefined ? ` at line ${read.line}, column ${read.column} (${read.reason})` : '';
  return { error: `${source}: not valid JSON${where}: ${read.detail}` };
}

/** Reads an input file (e.g. a saved input under `.flowdeck/inputs/`) relative to `cwd`. */
export function readInputFile(file: string, cwd: string): { value: JsonValue } | { error: string } {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    return { error: `cannot read the input file ${file}: ${(e as Error).message}` };
  }
  return parseInputText(text, file);
}

/** The nearest folder at or above `dir` holding the emulator configuration, else `fallback`. */
export function findWorkspace(dir: string, fallback: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, CONFIG_FILE)) || existsSync(join(d, WORKSPACE_OBJECTS_DIR))) return d;
    if (dirname(d) === d) return fallback;
  }
}

/** The task handlers and mocks of a workspace (its `.flowdeck/emulator.json`, read on each task). */
export function workspaceTasks(workspaceDir: string): TaskEnvironment {
  return createWorkspaceTasks({ workspaceDir });
}
