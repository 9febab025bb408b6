// What the LSP benchmark measures, bundled the way the shipped server is (see bundle.ts).
export { keepShortLivedObjectsYoung } from '../../server/src/lsp/heapTuning';
export { createLanguageService } from '../../server/src/service/languageService';
export { analysedDocument } from '../../server/src/service/types';
export { parseText } from '../../server/src/parse';
export { detectDialect } from '../../server/src/detect';
export { fdlSchemaDiagnostics } from '../../server/src/fdl/schema';
export { layoutView, viewGraph } from '../../webview/graph/viewGraph';
