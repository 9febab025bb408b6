// The reference's side of bench/lib/coldFlowdeck.ts: amazon-states-language-service's first
// diagnostics in a fresh process, for an ASL machine of the same size. The service is loaded from
// node_modules as its package ships (it does not bundle: its UMD modules require by computed paths).
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getYamlLanguageService } from 'amazon-states-language-service';
import { generateAsl } from './generate';

async function main(): Promise<void> {
  const doc = TextDocument.create('file:///bench/machine.asl.yaml', 'yaml', 1, generateAsl(10));
  const asl = getYamlLanguageService({});
  // The YAML service replaces doValidation with a one-argument version that parses the text itself.
  const diagnostics = (await (asl.doValidation as unknown as (doc: TextDocument) => Promise<unknown[]>)(doc)).length;
  console.log(JSON.stringify({ firstDiagnosticsMs: performance.now(), diagnostics }));
}

void main();
