// Completion for the current spec: keys of the object under the cursor, enum values, state
// names, expression variables/functions, and a snippet per state type.
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { AnalysedDocument, CompletionSettings } from '../../service/types';
import { KNOWN_ACTIONS } from '../catalog';
import { ANY_STATE_FIELDS, fieldsForContext, ROOT_FIELDS, STATE_TYPES, TASK_MODES } from '../fields';
import { PLACES } from '../checks/constructors';
import type { ExpressionPlace } from '../checks/expressionCheck';
import { flowModel } from '../model/build';
import { stateNameItems } from './stateNameItems';
import type { FlowScope } from '../model/types';
import { classifyObject, type ObjectContext } from '../shape';
import { complete, valueItem, type CompletionSpec, type ValueRequest } from './completionEngine';
import { expressionCompletions } from './expressionCompletion';
import { stateSnippets } from './snippets';

const fieldsFor = fieldsForContext;

function scopeOfState(doc: AnalysedDocument, ctx: ObjectContext): FlowScope | undefined {
  if (!ctx.state) return undefined;
  return flowModel(doc).states.find((s) => s.node === ctx.state)?.scope;
}

function namesOf(scope: FlowScope | undefined): CompletionItem[] {
  return scope ? stateNameItems(scope) : [];
}

function expressionPlace(ctx: ObjectContext, key: string): ExpressionPlace | undefined {
  if (ctx.shape === 'choiceBranch' && key === 'Condition') return PLACES.Condition;
  if (ctx.shape === 'state' && key === 'ItemsPath') return PLACES.ItemsPath;
  if (!key.endsWith('.$')) return undefined;
  if (ctx.shape === 'constructor' || ctx.shape === 'parameters') {
    return PLACES[(ctx.constructorKey ?? 'Parameters') as keyof typeof PLACES] ?? PLACES.Parameters;
  }
  return PLACES.StateField;
}

function values(doc: AnalysedDocument, req: ValueRequest): CompletionItem[] {
  const ctx: ObjectContext = req.container ? classifyObject(req.container) : { shape: 'root' };
  const place = expressionPlace(ctx, req.key);
  if (place) return expressionCompletions(req.typed, req.position, place);
  switch (req.key) {
    case 'Type':
      if (ctx.shape === 'state') return STATE_TYPES.map((t) => valueItem(t.name, CompletionItemKind.EnumMember, t.description));
      break;
    case 'Next':
      if (ctx.shape === 'state' || ctx.shape === 'choiceBranch' || ctx.shape === 'catchRule') return namesOf(scopeOfState(doc, ctx));
      break;
    case 'Default':
      if (ctx.shape === 'state') return namesOf(scopeOfState(doc, ctx));
      break;
    case 'StartAt':
      if ((ctx.shape === 'root' || ctx.shape === 'scope') && req.container) return namesOf(flowModel(doc).scopes.find((s) => s.node === req.container));
      break;
    case 'Action':
      return KNOWN_ACTIONS.map((a) => valueItem(a.name, CompletionItemKind.Value, a.description));
    case 'TaskMode':
      return TASK_MODES.map((m) => valueItem(m, CompletionItemKind.EnumMember));
    default:
      break;
  }
  const field = fieldsFor(ctx).find((f) => f.name === req.key);
  return (field?.values ?? []).map((v) => valueItem(v, CompletionItemKind.EnumMember));
}

const spec: CompletionSpec = {
  keys(doc, { container, newItem, column }) {
    if (!container) {
      return { fields: doc.parsed.root === undefined || column === 0 ? ROOT_FIELDS : [], snippets: [] };
    }
    const ctx = classifyObject(container);
    if (newItem && ctx.shape === 'state') {
      return { fields: ANY_STATE_FIELDS.filter((f) => f.name === 'Type' || f.name === 'Name'), snippets: stateSnippets(column, false) };
    }
    const snippets = ctx.shape === 'state' && container.properties.length <= 1 ? stateSnippets(column, false) : [];
    return { fields: fieldsFor(ctx), snippets };
  },
  values,
};

export function fdlCompletion(doc: AnalysedDocument, position: Position, settings?: CompletionSettings): CompletionList {
  return complete(doc, position, spec, settings);
}
