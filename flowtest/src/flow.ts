// The flow under test: read once per run, checked with the editor's diagnostics (a flow with
// errors cannot be tested), with its plain definition for the engine and its positioned tree for
// coverage.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { formatForFile } from '../../server/src';
import { toJsonValue, type Node } from '../../server/src/parse';
import type { JsonValue } from '../../emulator/src/engine';
import { languageService } from './language';

export interface FlowUnderTest {
  readonly path: string;
  readonly text: string;
  readonly dialect: 'fdl' | 'fdl-legacy';
  readonly name: string;
  readonly definition: JsonValue;
  readonly root: Node;
  /** Offsets to zero-based line and character. */
  positionAt(offset: number): { line: number; character: number };
}

export type LoadedFlow = { readonly ok: true; readonly flow: FlowUnderTest } | { readonly ok: false; readonly message: string };

export function loadFlow(path: string): LoadedFlow {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read the flow ${path}: ${(e as Error).message}` };
  }
  const doc = TextDocument.create(pathToFileURL(path).href, formatForFile(path) === 'json' ? 'fdl-json' : 'fdl', 1, text);
  const analysed = languageService.analyse(doc);
  const root = analysed.parsed.root;
  if ((analysed.dialect !== 'fdl' && analysed.dialect !== 'fdl-legacy') || !root) {
    return { ok: false, message: `${path} is not a CloudFlow flow (expected Type: StateMachine or type: flow)` };
  }
  const errors = languageService.validate(doc).filter((d) => d.severity === DiagnosticSeverity.Error);
  languageService.forget(doc.uri);
  if (errors.length > 0) {
    const e = errors[0]!;
    return {
      ok: false,
      message: `the flow has ${errors.length} error(s); the first, at ${path}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}`,
    };
  }
  const definition = toJsonValue(root) ?? null;
  const named = typeof definition === 'object' && definition !== null && !Array.isArray(definition) ? definition['Name'] ?? definition['name'] : undefined;
  return {
    ok: true,
    flow: {
      path,
      text,
      dialect: analysed.dialect,
      name: typeof named === 'string' ? named : path.replace(/^.*[\\/]/, '').replace(/\.(?:flow|fdl)\.(?:ya?ml|json)$/i, ''),
      definition,
      root,
      positionAt: (offset) => doc.positionAt(offset),
    },
  };
}
