// Completion for the legacy spec: keys per step type, enums, `goto` targets, `$` roots.
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { AnalysedDocument } from '../../service/types';
import { complete, valueItem, type CompletionSpec } from '../features/completionEngine';
import { LEGACY_ROOT_FIELDS, legacyFields, STEP_TYPES } from './fields';
import { legacyModel } from './model';
import { classifyLegacy, type LegacyContext } from './shape';

const ROOTS: readonly { name: string; doc: string }[] = [
  { name: '$input', doc: 'The step input.' },
  { name: '$local', doc: 'The step\'s local result (for a task: the function result).' },
  { name: '$context', doc: 'The execution context, e.g. `$context.task.token`.' },
  { name: '$.', doc: 'A JSONPath into the step input, e.g. `$.status`.' },
];

function stepNames(doc: AnalysedDocument, ctx: LegacyContext): CompletionItem[] {
  const model = legacyModel(doc);
  const owner = ctx.step ? model.states.find((s) => s.node === ctx.step) : undefined;
  if (!owner) return [];
  return [...owner.scope.byName.values()]
    .filter((s) => s !== owner)
    .map((s) => valueItem(s.name!, CompletionItemKind.Reference, undefined, s.type !== undefined ? `${s.type} step` : 'step'));
}

const spec: CompletionSpec = {
  keys(doc, { container, column }) {
    if (!container) return { fields: doc.parsed.root === undefined || column === 0 ? LEGACY_ROOT_FIELDS : [], snippets: [] };
    return { fields: legacyFields(classifyLegacy(container)), snippets: [] };
  },
  values(doc, req) {
    const ctx: LegacyContext = req.container ? classifyLegacy(req.container) : { shape: 'root' };
    if (req.key === 'type' && ctx.shape === 'step') return STEP_TYPES.map((t) => valueItem(t.name, CompletionItemKind.EnumMember, t.description));
    if (req.key === 'goto') return stepNames(doc, ctx);
    const field = legacyFields(ctx).find((f) => f.name === req.key);
    if (field?.valueKind === 'expression' || field?.valueKind === 'condition') {
      const token = /\$?\w*$/.exec(req.typed)?.[0] ?? '';
      const before = req.typed.slice(0, req.typed.length - token.length);
      // Only where a new operand starts: at the beginning or after an operator or space.
      if (before !== '' && !/[\s(,!=<>&|]$/.test(before)) return [];
      const range = { start: { line: req.position.line, character: req.position.character - token.length }, end: req.position };
      return ROOTS.map((r) => ({ ...valueItem(r.name, CompletionItemKind.Variable, r.doc), textEdit: { range, newText: r.name } }));
    }
    return (field?.values ?? []).map((v) => valueItem(v, CompletionItemKind.EnumMember));
  },
};

export function legacyCompletion(doc: AnalysedDocument, position: Position): CompletionList {
  return complete(doc, position, spec);
}
