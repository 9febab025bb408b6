// A key written twice in one mapping: YAML and JSON parsers disagree on which one wins (js-yaml's
// `load` refuses the document), so it is always an error, reported on every repeat.
import type { Node, ParsedText } from '../parse/tree';
import { repeatedKeys } from '../parse/value';
import type { SchemaProblem } from './diagnostics';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../diagnostics/codes';

/** The repeated keys of a parsed document: recorded by the parser when it can, else found by a walk. */
export function duplicateKeysOf(parsed: ParsedText): SchemaProblem[] {
  const recorded = repeatedKeys(parsed);
  return recorded ? recorded.map((p) => problem(p.key, p.keyRange)) : duplicateKeyProblems(parsed.root);
}

export function duplicateKeyProblems(root: Node | undefined): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const stack: Node[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'array') {
      for (const item of node.items) if (item.kind !== 'scalar') stack.push(item);
      continue;
    }
    if (node.kind !== 'object') continue;
    const props = node.properties;
    // Small mappings are the norm: a quadratic scan beats allocating a Set for each.
    if (props.length <= 16) {
      for (let i = 1; i < props.length; i++) {
        const p = props[i]!;
        for (let j = 0; j < i; j++) if (props[j]!.key === p.key) { out.push(problem(p.key, p.keyRange)); break; }
      }
    } else {
      const seen = new Set<string>();
      for (const p of props) {
        if (seen.has(p.key)) out.push(problem(p.key, p.keyRange));
        else seen.add(p.key);
      }
    }
    for (const p of props) if (p.value && p.value.kind !== 'scalar') stack.push(p.value);
  }
  return out;
}

function problem(key: string, range: { start: number; end: number }): SchemaProblem {
  return {
    range,
    severity: DiagnosticSeverity.Error,
    code: DiagnosticCodes.duplicateKey,
    message: `The key \`${key}\` appears more than once in this mapping; keep one (only the last would count).`,
  };
}
