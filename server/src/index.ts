// The language service's public face for the folders that run it in their own process: the CLI,
// the emulator (to reject a definition with the editor's diagnostics), the debugger and the flow
// test runner. The client never imports it: it reaches the server over LSP (lsp/protocol.ts).
// The positioned tree (parse/) and the FDL expression language (fdl/expressions/) are faces of
// their own, so the engine can use them without the whole service.
export { createLanguageService, stoppedAtDepthLimit, type FlowLanguageService } from './service/languageService';
export type { AnalysedDocument, Dialect, ValidationSettings } from './service/types';
export { formatForFile } from './detect';
export { fileDocument } from './fileDocument';
export { DiagnosticCodes } from './diagnostics/codes';
export type { FlowGraph } from './graph/types';
export { flowModel } from './fdl/model/build';
export type { FlowModel, FlowState } from './fdl/model/types';
export { legacyModel } from './fdl/legacy/model';
export { validateFlowJsonText, type FlowJsonProblem } from './whatsapp/validateText';
