// Every published flow in the corpus that is not marked broken has no semantic error; every one
// marked broken has at least one error.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticCodes as C } from '../../../server/src/diagnostics/codes';
import { service } from './helpers';
import { CORPUS_DIR } from '../corpus';

const CORPUS = CORPUS_DIR;
const SEMANTIC_ERRORS = new Set<string>([
  C.unknownState, C.duplicateState, C.missingTransition, C.nextWithEnd, C.nextNotAllowed, C.noTerminalState,
  C.catchAllNotLast, C.tooManyBranches, C.expressLimit, C.invalidName, C.expressionSyntax, C.conditionSyntax,
  C.expressionScope, C.unknownFunction, C.functionArity, C.expressionTooDeep, C.unknownVariable, C.valueOutOfRange,
]);

function knownInvalid(): Set<string> {
  const rows = readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8').split('\n');
  const out = new Set<string>();
  for (const row of rows) {
    const cells = row.split('|').map((c) => c.trim());
    if (cells.length > 4 && /known invalid/i.test(cells[4] ?? '')) out.add(cells[1]!);
  }
  return out;
}

const broken = knownInvalid();
const ls = service();

for (const folder of ['fdl-statemachine', 'fdl-legacy']) {
  describe(`corpus ${folder}`, () => {
    for (const file of readdirSync(join(CORPUS, folder)).sort()) {
      const rel = `${folder}/${file}`;
      const text = readFileSync(join(CORPUS, rel), 'utf8');
      const doc = TextDocument.create(`file://${CORPUS}/${rel}`, 'yaml', 1, text);
      if (broken.has(rel)) {
        test(`${file} (known invalid) has an error`, () => {
          assert.ok(ls.validate(doc).some((d) => d.severity === DiagnosticSeverity.Error), 'expected an error');
        });
      } else {
        test(`${file} has no semantic error`, () => {
          assert.equal(ls.analyse(doc).dialect, folder === 'fdl-legacy' ? 'fdl-legacy' : 'fdl');
          const errors = ls.validate(doc).filter((d) => d.severity === DiagnosticSeverity.Error
            && (SEMANTIC_ERRORS.has(String(d.code)) || d.code === C.syntaxError));
          assert.deepEqual(errors.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
        });
      }
    }
  });
}
