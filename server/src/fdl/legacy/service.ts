// The legacy FDL spec (`type: flow`, `steps`): every editor feature, one module per feature.
import type { DialectService } from '../../service/dialect';
import { codeActions } from '../features/codeActions';
import { foldingRanges } from '../features/folding';
import { definition, prepareRename, references, rename } from '../features/navigation';
import { documentSymbols } from '../features/symbols';
import { legacyCompletion } from './completion';
import { legacyHover } from './hover';
import { legacyModel } from './model';
import { classifyLegacy } from './shape';
import { legacyFields } from './fields';
import { validateLegacy } from './validate';
import { legacyGraph, legacyGraphParts } from './graph';
import { LEGACY_SHAPE, shapeFlow, stateTypes } from '../../graph/shape';

export const fdlLegacyService: DialectService = {
  validate: validateLegacy,
  complete: legacyCompletion,
  hover: legacyHover,
  documentSymbols: (doc, maxItems) => documentSymbols(doc, legacyModel(doc), maxItems),
  definition: (doc, position) => definition(doc, legacyModel(doc), position),
  references: (doc, position, includeDeclaration) => references(doc, legacyModel(doc), position, includeDeclaration),
  prepareRename: (doc, position) => prepareRename(doc, legacyModel(doc), position),
  rename: (doc, position, newName) => rename(doc, legacyModel(doc), position, newName),
  codeActions: (doc, _range, diagnostics) => codeActions(doc, diagnostics, {
    fieldsOf: (_d, container) => legacyFields(classifyLegacy(container)),
    model: legacyModel,
    endKey: 'end',
  }),
  foldingRanges,
  graph: legacyGraph,
  graphStateTypes: stateTypes(LEGACY_SHAPE),
  shapeGraph: (doc, version, action) => shapeFlow(doc, legacyModel(doc), legacyGraphParts(doc), LEGACY_SHAPE, version, action),
};
