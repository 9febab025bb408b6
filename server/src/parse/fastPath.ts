// Which parsed texts were read whole by a fast path (the everyday-YAML scanner or the strict JSON
// reader): only those can be updated in place after an edit (see incremental.ts), because their
// trees hold no aliases, no recovered lines and no syntax problems.
import type { ParsedText } from './tree';

const readByFastPath = new WeakSet<ParsedText>();

export function markReadByFastPath(parsed: ParsedText): void {
  readByFastPath.add(parsed);
}

export function wasReadByFastPath(parsed: ParsedText): boolean {
  return readByFastPath.has(parsed);
}
