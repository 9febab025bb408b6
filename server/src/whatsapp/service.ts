// The WhatsApp Flow JSON language service: validation, completion, hover, outline, screen
// navigation and rename, quick fixes and folding, all over one cached analysis per document.
import type { DialectService } from '../service/dialect';
import { flowAnalysis } from './analyse';
import { toDiagnostics } from './check/problems';
import { flowQuickFixes } from './features/codeActions';
import { completeFlowJson } from './features/completion';
import { hoverFlowJson } from './features/hover';
import { prepareScreenRename, renameScreen, screenDefinition, screenReferences } from './features/navigation';
import { flowFolding, flowSymbols } from './features/outline';
import { whatsappGraph } from './features/graph';

export const whatsappService: DialectService = {
  validate: (doc) => toDiagnostics(flowAnalysis(doc).problems, doc.document),
  complete: (doc, position) => completeFlowJson(doc, position),
  hover: (doc, position) => hoverFlowJson(doc, position),
  documentSymbols: (doc) => flowSymbols(flowAnalysis(doc).model, doc.document),
  definition: (doc, position) => screenDefinition(flowAnalysis(doc).model, doc.document, doc.document.offsetAt(position)),
  references: (doc, position, includeDeclaration) =>
    screenReferences(flowAnalysis(doc).model, doc.document, doc.document.offsetAt(position), includeDeclaration),
  prepareRename: (doc, position) => prepareScreenRename(flowAnalysis(doc).model, doc.document, doc.document.offsetAt(position)),
  rename: (doc, position, newName) => renameScreen(flowAnalysis(doc).model, doc.document, doc.document.offsetAt(position), newName),
  codeActions: (doc, _range, diagnostics) => flowQuickFixes(flowAnalysis(doc).model, doc.document, diagnostics),
  foldingRanges: (doc) => flowFolding(doc.parsed.root, doc.document),
  graph: whatsappGraph,
};

export { analyseFlowJson } from './analyse';
export { validateFlowJsonText } from './validateText';
