// Reading a service rejection of a definition: "line N, column M: message" parts become
// positioned problems. Pure, so the parsing is unit-tested.

export interface ServiceProblem {
  /** 0-based, as VS Code counts. */
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

const POSITIONED = /line (\d+), column (\d+): (.*?)(?=; line \d+, column \d+: | \(and \d+ more\)|\. Fix the definition|$)/g;

/** Splits a rejection message into positioned problems; one unpositioned problem otherwise. */
export function parseServiceProblems(message: string): ServiceProblem[] {
  const out: ServiceProblem[] = [];
  for (const m of message.matchAll(POSITIONED)) {
    out.push({ line: Math.max(0, Number(m[1]) - 1), character: Math.max(0, Number(m[2]) - 1), message: m[3]!.trim() });
  }
  return out.length > 0 ? out : [{ line: -1, character: 0, message }];
}

/** Whether a deploy error is about the definition itself (so it belongs on the file). */
export function isDefinitionError(code: string | undefined, message: string): boolean {
  if (!code) return false;
  if (code === 'InvalidDefinition' || code === 'InvalidFlowDefinition') return true;
  return code === 'InvalidArgument' && /definition/i.test(message);
}
