// Validates Flow JSON text without an editor document (CAMS push, the emulator, tests).
import { parseText } from '../parse';
import { positionIndex } from '../parse/positions';
import { analyseFlowJson } from './analyse';
import type { Problem } from './check/problems';

export interface FlowJsonProblem extends Problem {
  /** 1-based line and column of the start, for messages. */
  readonly line: number;
  readonly column: number;
}

export function validateFlowJsonText(text: string): FlowJsonProblem[] {
  const { problems } = analyseFlowJson(parseText(text, 'json'));
  const positions = positionIndex(text);
  return problems.map((p) => {
    const { line, character } = positions.positionAt(p.range.start);
    return { ...p, line: line + 1, column: character + 1 };
  });
}
