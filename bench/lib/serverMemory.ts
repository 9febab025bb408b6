// The language service's resident memory with a large flow open and edited, measured in a process
// of its own (the benchmark's process holds several services and every measure's garbage).
// Run by bench/lsp.ts as a bundle; prints one JSON line: resident and heap memory in MB.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/languageService';
import { generateFdl } from './generate';
import { nextEdit } from './edits';
import { keepShortLivedObjectsYoung } from '../../server/src/lsp/heapTuning';

// As the language server runs.
keepShortLivedObjectsYoung();

const states = Number(process.argv[2] ?? 10_000);
const edits = Number(process.argv[3] ?? 60);
const service = createLanguageService();
let doc = TextDocument.create('file:///bench/open.flow.yaml', 'yaml', 1, generateFdl(states));
service.validate(doc);
service.documentSymbols(doc);
let added: { line: number; count: number } | undefined;
for (let step = 0; step < edits; step++) {
  const edit = nextEdit(doc, step, ((step - (step % 4 === 3 ? 1 : 0)) * 0.61803) % 1, added);
  if (edit.kind === 'add-state') added = { line: edit.range.start.line, count: edit.text.split('\n').length - 1 };
  doc = service.update(doc, [{ range: edit.range, text: edit.text }], doc.version + 1);
  service.validate(doc);
  service.complete(doc, edit.cursor, { editRangeDefault: true });
}
// What stays once the garbage of the last edit is collected (as between keystrokes).
(globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
const { rss, heapUsed } = process.memoryUsage();
console.log(JSON.stringify({ states, edits, rssMb: mb(rss), heapUsedMb: mb(heapUsed) }));
