// The Flow JSON errors the editor shows, for the CAMS product (publish) and for clients that
// check a Flow JSON before pushing it.
import { validateFlowJsonText, type FlowJsonProblem } from '../../../../server/src';

export type { FlowJsonProblem };

/** Errors only (warnings never block a push or a publish), in document order. */
export function flowJsonErrors(text: string): FlowJsonProblem[] {
  return validateFlowJsonText(text)
    .filter((p) => p.severity === 'error')
    .sort((a, b) => a.range.start - b.range.start);
}
