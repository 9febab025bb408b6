// Hover for the legacy spec: key docs, step type docs, and the step a `goto` names.
import type { Hover, Position } from 'vscode-languageserver-types';
import { nodeAt } from '../../parse';
import type { AnalysedDocument } from '../../service/types';
import { nameAt } from '../features/navigation';
import { asStringScalar } from '../tree';
import { legacyFields, STEP_TYPES } from './fields';
import { legacyModel } from './model';
import { classifyLegacy } from './shape';
import { rangeOf } from '../../parse/positions';

const markdown = (value: string) => ({ kind: 'markdown' as const, value });

export function legacyHover(doc: AnalysedDocument, position: Position): Hover | null {
  const d = doc.document;
  const offset = d.offsetAt(position);
  const name = nameAt(legacyModel(doc), offset);
  if (name?.declaration) {
    const line = d.positionAt(name.declaration.node.range.start).line + 1;
    return { contents: markdown(`**${name.declaration.type ?? 'step'}** step \`${name.name}\` (line ${line}, ${name.scope.label})`), range: rangeOf(d, name.node.range) };
  }
  const at = nodeAt(doc.parsed.root, offset);
  const p = at.property;
  if (!p) return null;
  const ctx = classifyLegacy(p.parent);
  if (at.onKey) {
    const field = legacyFields(ctx).find((f) => f.name === p.key);
    return field ? { contents: markdown(`\`${p.key}\`: ${field.description}`), range: rangeOf(d, p.keyRange) } : null;
  }
  const s = asStringScalar(p.value);
  if (s && p.key === 'type' && ctx.shape === 'step') {
    const t = STEP_TYPES.find((x) => x.name === s.value);
    if (t) return { contents: markdown(`**${t.name}** step: ${t.description}`), range: rangeOf(d, s.range) };
  }
  return null;
}
