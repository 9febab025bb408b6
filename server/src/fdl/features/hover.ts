// Hover for the current spec: the docs of a key, of a state type or `Action`, of the state a name
// refers to, and of the function or variable under the cursor inside an expression.
import type { Hover, Position } from 'vscode-languageserver-types';
import { nodeAt } from '../../parse';
import type { Node, ObjectNode } from '../../parse/tree';
import type { AnalysedDocument } from '../../service/types';
import { KNOWN_ACTIONS, VARIABLES } from '../catalog';
import { describeKey, STATE_TYPES } from '../fields';
import { builtinFunction, parseCondition, parseExpression, walkExpression } from '../expressions';
import { flowModel } from '../model/build';
import { classifyObject } from '../shape';
import { asStringScalar, stringValue, valueTextStart } from '../tree';
import { lastProperty } from '../../parse/properties';
import { sourceOf } from '../../parse/pieceText';
import { nameAt } from './navigation';
import { rangeOf } from '../../parse/positions';

const markdown = (value: string) => ({ kind: 'markdown' as const, value });

export function fdlHover(doc: AnalysedDocument, position: Position): Hover | null {
  const d = doc.document;
  const offset = d.offsetAt(position);
  const model = flowModel(doc);
  const name = nameAt(model, offset);
  if (name && name.declaration) {
    const s = name.declaration;
    const description = stringValue(lastProperty(s.node, 'Description')?.value);
    const line = d.positionAt(s.node.range.start).line + 1;
    return {
      contents: markdown(`**${s.type ?? 'State'}** state \`${name.name}\` (line ${line}, ${name.scope.label})${description ? `\n\n${description}` : ''}`),
      range: rangeOf(d, name.node.range),
    };
  }
  const at = nodeAt(doc.parsed.root, offset);
  const property = at.property;
  if (!property) return null;
  const container: ObjectNode = property.parent;
  const ctx = classifyObject(container);
  if (at.onKey) {
    const docs = describeKey(ctx, property.key);
    return docs ? { contents: markdown(`\`${property.key}\`: ${docs}`), range: rangeOf(d, property.keyRange) } : null;
  }
  const value = property.value;
  const s = asStringScalar(value);
  if (!s) return null;
  if (property.key === 'Type' && ctx.shape === 'state') {
    const t = STATE_TYPES.find((x) => x.name === s.value);
    return t ? { contents: markdown(`**${t.name}** state: ${t.description}`), range: rangeOf(d, s.range) } : null;
  }
  if (property.key === 'Action') {
    const a = KNOWN_ACTIONS.find((x) => x.name === s.value);
    return a ? { contents: markdown(`\`${a.name}\`: ${a.description}`), range: rangeOf(d, s.range) } : null;
  }
  const isCondition = property.key === 'Condition' && ctx.shape === 'choiceBranch';
  if (property.key.endsWith('.$') || property.key === 'ItemsPath' || isCondition) return expressionHover(doc, s, offset, isCondition);
  return null;
}

function expressionHover(doc: AnalysedDocument, s: Node & { value: string; kind: 'scalar' }, offset: number, condition: boolean): Hover | null {
  const base = valueTextStart(sourceOf(doc.parsed), s);
  if (base === undefined) return null;
  const rel = offset - base;
  const ast = (condition ? parseCondition(s.value) : parseExpression(s.value)).ast;
  if (!ast) return null;
  let found: Hover | null = null;
  const d = doc.document;
  walkExpression(ast, (e) => {
    if (e.kind === 'call' && rel >= e.calleeSpan.start && rel <= e.calleeSpan.end) {
      const fn = builtinFunction(e.callee);
      if (fn) {
        found = {
          contents: markdown(`\`\`\`\n${fn.signature}\n\`\`\`\n${fn.description}${fn.signatureDocumented ? '' : '\n\n(Signature inferred: the vendor documents only its purpose.)'}`),
          range: rangeOf(d, { start: base + e.calleeSpan.start, end: base + e.calleeSpan.end }),
        };
      }
    } else if (e.kind === 'variable' && rel >= e.start && rel <= e.end) {
      const v = VARIABLES.find((x) => x.name === `$${e.name}`);
      if (v) found = { contents: markdown(`\`${v.name}\`: ${v.description}`), range: rangeOf(d, { start: base + e.start, end: base + e.end }) };
    }
  });
  return found;
}
