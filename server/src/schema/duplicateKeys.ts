// A key written twice in one mapping: YAML and JSON parsers disagree on which one wins (js-yaml's
// `load` refuses the document), so it is always an error, reported on every repeat.
import type { Node, ParsedText, Property } from '../parse/tree';
import { collectRepeatedKeys } from '../parse/toJson';
import type { SchemaProblem } from './diagnostics';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../diagnostics/codes';

/** The repeated keys of a parsed document: recorded by the parser when it can, else found by a walk. */
export function duplicateKeysOf(parsed: ParsedText): SchemaProblem[] {
  const recorded = parsed.repeatedKeys;
  return recorded ? recorded.map((p) => problem(p.key, p.keyRange)) : duplicateKeyProblems(parsed.root);
}

export function duplicateKeyProblems(root: Node | undefined): SchemaProblem[] {
  const repeated: Property[] = [];
  const stack: Node[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'array') {
      for (const item of node.items) if (item.kind !== 'scalar') stack.push(item);
      continue;
    }
    if (node.kind !== 'object') continue;
    collectRepeatedKeys(node.properties, repeated);
    for (const p of node.properties) if (p.value && p.value.kind !== 'scalar') stack.push(p.value);
  }
  return repeated.map((p) => problem(p.key, p.keyRange));
}

function problem(key: string, range: { start: number; end: number }): SchemaProblem {
  return {
    range,
    severity: DiagnosticSeverity.Error,
    code: DiagnosticCodes.duplicateKey,
    message: `The key \`${key}\` appears more than once in this mapping; keep one (only the last would count).`,
  };
}
