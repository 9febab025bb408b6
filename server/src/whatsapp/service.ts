// The WhatsApp Flow JSON language service: validation, completion, hover, outline, screen
// navigation and rename, quick fixes and folding, all over one cached analysis per document.
import type { DialectService } from '../service/types';
import { analyseFlowJson } from './analyse';
import { toDiagnostics } from './check/problems';
import { flowQuickFixes } from './features/codeActions';
import { completeFlowJson } from './features/completion';
import { hoverFlowJson } from './features/hover';
import { prepareScreenRename, renameScreen, screenDefinition, screenReferences } from './features/navigation';
import { flowFolding, flowSymbols } from './features/outline';
import { whatsappGraph } from './features/graph';

export const whatsappService: DialectService = {
  validate: (doc) => toDiagnostics(analyseFlowJson(doc.parsed).problems, doc.document),
  complete: (doc, position) => completeFlowJson(doc, position),
  hover: (doc, position) => hoverFlowJson(doc, position),
  documentSymbols: (doc) => flowSymbols(analyseFlowJson(doc.parsed).model, doc.document),
  definition: (doc, position) => screenDefinition(analyseFlowJson(doc.parsed).model, doc.document, doc.document.offsetAt(position)),
  references: (doc, position, includeDeclaration) =>
    screenReferences(analyseFlowJson(doc.parsed).model, doc.document, doc.document.offsetAt(position), includeDeclaration),
  prepareRename: (doc, position) => prepareScreenRename(analyseFlowJson(doc.parsed).model, doc.document, doc.document.offsetAt(position)),
  rename: (doc, position, newName) => renameScreen(analyseFlowJson(doc.parsed).model, doc.document, doc.document.offsetAt(position), newName),
  codeActions: (doc, _range, diagnostics) => flowQuickFixes(analyseFlowJson(doc.parsed).model, doc.document, diagnostics),
  foldingRanges: (doc) => flowFolding(doc.parsed.root, doc.document),
  graph: whatsappGraph,
};

export { analyseFlowJson } from './analyse';
export { validateFlowJsonText } from './validateText';
