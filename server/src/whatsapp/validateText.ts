// Validates Flow JSON text without an editor document (CAMS push, the emulator, tests).
import { parseText } from '../parse';
import { analyseFlowJson } from './analyse';
import type { Problem } from './check/problems';

export interface FlowJsonProblem extends Problem {
  /** 1-based line and column of the start, for messages. */
  readonly line: number;
  readonly column: number;
}

export function validateFlowJsonText(text: string): FlowJsonProblem[] {
  const { problems } = analyseFlowJson(parseText(text, 'json'));
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return problems.map((p) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= p.range.start) lo = mid;
      else hi = mid - 1;
    }
    return { ...p, line: lo + 1, column: p.range.start - (lineStarts[lo] as number) + 1 };
  });
}
