// The current FDL spec (`Type: StateMachine`): every editor feature, one module per feature.
import type { DialectService } from '../service/dialect';
import { carryFlowModel, flowModel } from './model/build';
import { classifyObject } from './shape';
import { fieldsForContext } from './fields';
import { validateFdl } from './validate';
import { validateFdlIncrementally } from './incrementalValidation';
import { fdlCompletion } from './features/completion';
import { fdlHover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { definition, prepareRename, references, rename } from './features/navigation';
import { codeActions } from './features/codeActions';
import { foldingRanges } from './features/folding';
import { fdlGraph, fdlGraphParts } from './features/graph';
import { CURRENT_SHAPE, shapeFlow, stateTypes } from '../graph/shape';

export const fdlService: DialectService = {
  // Split at the top-level states when the flow has one `States` list (reusing unchanged states'
  // results); the whole-document validation otherwise. Both give the same diagnostics.
  validate: (doc, settings) => validateFdlIncrementally(doc, settings) ?? validateFdl(doc, settings),
  complete: fdlCompletion,
  hover: fdlHover,
  documentSymbols: (doc, maxItems) => documentSymbols(doc, flowModel(doc), maxItems),
  definition: (doc, position) => definition(doc, flowModel(doc), position),
  references: (doc, position, includeDeclaration) => references(doc, flowModel(doc), position, includeDeclaration),
  prepareRename: (doc, position) => prepareRename(doc, flowModel(doc), position),
  rename: (doc, position, newName) => rename(doc, flowModel(doc), position, newName),
  codeActions: (doc, _range, diagnostics) => codeActions(doc, diagnostics, {
    fieldsOf: (_d, container) => fieldsForContext(classifyObject(container)),
    model: flowModel,
    endKey: 'End',
  }),
  foldingRanges,
  graph: fdlGraph,
  graphStateTypes: stateTypes(CURRENT_SHAPE),
  shapeGraph: (doc, version, action) => shapeFlow(doc, flowModel(doc), fdlGraphParts(doc), CURRENT_SHAPE, version, action),
  carryOver: (previous, next) => carryFlowModel(previous.parsed, next),
  validatesEditsAlone: true,
};
