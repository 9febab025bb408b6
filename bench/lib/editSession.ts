// Typing in a 10,000-state flow (edits.ts), measured in a process of its own, as a language server
// has one: the benchmark's process holds the other measures' services and garbage, whose
// collection would otherwise be timed as the edits'. Run by bench/lsp.ts as a bundle; prints one
// JSON line with the times of every edit and completion and any mismatch with a whole validation.
import { createLanguageService } from '../../server/src/service/languageService';
import { fdlService } from '../../server/src/fdl/service';
import { validateFdl } from '../../server/src/fdl/validate';
import { generateFdl } from './generate';
import { runEdits } from './edits';
import { EditorDocument } from '../../server/src/service/editorDocument';
import { keepShortLivedObjectsYoung } from '../../server/src/lsp/heapTuning';

// As the language server runs.
keepShortLivedObjectsYoung();

const states = Number(process.argv[2] ?? 10_000);
const edits = Number(process.argv[3] ?? 60);
const run = runEdits(
  generateFdl(states),
  edits,
  createLanguageService(),
  createLanguageService(),
  // The reference validates every version whole, as before incremental analysis.
  createLanguageService({ services: { fdl: { ...fdlService, validate: validateFdl } } }),
  // The document the language server keeps for an open editor.
  EditorDocument.create,
);
console.log(JSON.stringify(run));
