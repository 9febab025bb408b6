// A 1,000-state flow written as JSON: full validation, our parse and JSON.parse, taking turns in
// a process of its own, as a language server has one. In the benchmark's process the reference
// ASL service leaves a heap of about 200 MB behind, whose collection was timed as our
// validation's. Run by bench/lsp.ts as a bundle; prints one JSON line of medians in milliseconds.
import { load } from 'js-yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/languageService';
import { parseText } from '../../server/src/parse';
import { keepShortLivedObjectsYoung } from '../../server/src/lsp/heapTuning';
import { generateFdl } from './generate';
import { interleaved, median } from './stats';

// As the language server runs.
keepShortLivedObjectsYoung();

const states = Number(process.argv[2] ?? 1000);
const json = JSON.stringify(load(generateFdl(states)), null, 2);
const service = createLanguageService();
const uri = 'file:///bench/flow.flow.json';
let version = 0;
const [validate, parse, native] = interleaved(
  [
    () => {
      // The previous version is dropped first, as the language server drops it for the next.
      service.forget(uri);
      return service.validate(TextDocument.create(uri, 'json', ++version, json));
    },
    () => parseText(json, 'json'),
    () => JSON.parse(json),
  ],
  25,
  3,
);
console.log(JSON.stringify({ states, kb: json.length / 1024, validateMs: median(validate!.wall), parseMs: median(parse!.wall), jsonParseMs: median(native!.wall) }));
