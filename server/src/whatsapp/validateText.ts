// Validates Flow JSON text without an editor document (CAMS push, the emulator, tests).
import { parseText } from '../parse';
import { positionIndex } from '../parse/positions';
import { analyseFlowJson } from './analyse';
import type { Problem } from './check/problems';
import { DiagnosticCodes } from '../diagnostics/codes';

export interface FlowJsonProblem extends Problem {
  /** 1-based line and column of the start, for messages. */
  readonly line: number;
  readonly column: number;
}

export function validateFlowJsonText(text: string): FlowJsonProblem[] {
  const parsed = parseText(text, 'json');
  // Without an editor there is no service to report the syntax problems: they come first here.
  const syntax = parsed.syntaxProblems.map((p): Problem => ({ range: p.range, code: DiagnosticCodes.syntaxError, message: p.message, severity: 'error' }));
  const problems = [...syntax, ...analyseFlowJson(parsed).problems];
  const positions = positionIndex(text);
  return problems.map((p) => {
    const { line, character } = positions.positionAt(p.range.start);
    return { ...p, line: line + 1, column: character + 1 };
  });
}
