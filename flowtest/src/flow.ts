// The flow under test: read once per run, checked with the editor's diagnostics (a flow with
// errors cannot be tested), with its plain definition for the engine and its positioned tree for
// coverage.
import type { Node } from '../../server/src/parse';
import type { ExecutionMode, JsonValue } from '../../emulator/src/engine';
import { describeFlowFileProblem, isFlowFileProblem, loadFlowFile } from '../../emulator/src/local';
import { languageService } from './language';

export interface FlowUnderTest {
  readonly path: string;
  readonly text: string;
  readonly dialect: 'fdl' | 'fdl-legacy';
  readonly name: string;
  readonly definition: JsonValue;
  /** The limits it runs under: the mode `.flowdeck/flows.json` saves it with, else Standard. */
  readonly mode: ExecutionMode;
  readonly root: Node;
  /** Offsets to zero-based line and character. */
  positionAt(offset: number): { line: number; character: number };
}

export type LoadedFlow = { readonly ok: true; readonly flow: FlowUnderTest } | { readonly ok: false; readonly message: string };

export function loadFlow(path: string): LoadedFlow {
  const loaded = loadFlowFile(path, { service: languageService });
  if (isFlowFileProblem(loaded)) {
    const { sentence, errors } = describeFlowFileProblem(path, loaded, 'testing');
    return { ok: false, message: [sentence, ...errors].join('\n') };
  }
  const { document, analysed } = loaded;
  return {
    ok: true,
    flow: {
      path,
      text: document.getText(),
      dialect: loaded.dialect,
      name: loaded.flowName,
      definition: loaded.definition,
      mode: loaded.mode,
      root: analysed.parsed.root!,
      positionAt: (offset) => document.positionAt(offset),
    },
  };
}
