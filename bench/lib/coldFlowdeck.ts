// The first diagnostics of a fresh process, as when an editor starts our language server and opens
// a flow: load the service, create it, validate a 10-state flow. Run by bench/lsp.ts as a bundle,
// as the server ships, one process a measure (bench/lib/coldAsl.ts is the reference's side).
// Prints one JSON line: milliseconds since the process started, Node's own start included.
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/languageService';
import { generateFdl } from './generate';

const doc = TextDocument.create('file:///bench/flow.flow.yaml', 'yaml', 1, generateFdl(10));
const diagnostics = createLanguageService().validate(doc).length;
console.log(JSON.stringify({ firstDiagnosticsMs: performance.now(), diagnostics }));
