// Every published flow in the corpus that is not marked broken has no semantic error; every one
// marked broken has at least one error.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticCodes as C } from '../../../server/src/diagnostics/codes';
import { service } from './helpers';
import { CORPORA, corpusFiles, knownInvalid } from '../corpus';

const SEMANTIC_ERRORS = new Set<string>([
  C.unknownState,
  C.duplicateState,
  C.missingTransition,
  C.nextWithEnd,
  C.nextNotAllowed,
  C.noTerminalState,
  C.catchAllNotLast,
  C.tooManyBranches,
  C.expressLimit,
  C.invalidName,
  C.expressionSyntax,
  C.conditionSyntax,
  C.expressionScope,
  C.unknownFunction,
  C.functionArity,
  C.expressionTooDeep,
  C.unknownVariable,
  C.valueOutOfRange,
]);

const ls = service();

for (const corpus of CORPORA) {
  const broken = knownInvalid(corpus);
  for (const folder of ['fdl-statemachine', 'fdl-legacy']) {
    describe(`${corpus.name} corpus ${folder}`, () => {
      for (const rel of corpusFiles(corpus, folder)) {
        const file = rel.slice(folder.length + 1);
        const text = readFileSync(join(corpus.dir, rel), 'utf8');
        const doc = TextDocument.create(`file://${corpus.dir}/${rel}`, 'yaml', 1, text);
        if (broken.has(rel)) {
          test(`${file} (known invalid) has an error`, () => {
            assert.ok(
              ls.validate(doc).some((d) => d.severity === DiagnosticSeverity.Error),
              'expected an error',
            );
          });
        } else {
          test(`${file} has no semantic error`, () => {
            assert.equal(ls.analyse(doc).dialect, folder === 'fdl-legacy' ? 'fdl-legacy' : 'fdl');
            const errors = ls
              .validate(doc)
              .filter(
                (d) =>
                  d.severity === DiagnosticSeverity.Error &&
                  (SEMANTIC_ERRORS.has(String(d.code)) || d.code === C.syntaxError),
              );
            assert.deepEqual(
              errors.map((d) => `${d.range.start.line + 1}: ${d.message}`),
              [],
            );
          });
        }
      }
    });
  }
}
