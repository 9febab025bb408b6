// "Did you mean" after edits: the top scope keeps its answers between versions and revises
// them from the names each edit changed. Every version's diagnostics must equal a whole
// validation's as names that compete for a mistyped target come and go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fdlService } from '../../../server/src/fdl/service';
import { validateFdl } from '../../../server/src/fdl/validate';

const uri = 'file:///suggestions.flow.yaml';
const state = (name: string, next: string): string => `  - Type: Pass\n    Name: ${name}\n    Next: ${next}\n`;
const flow = (states: string[]): string => ['Type: StateMachine', 'SpecVersion: v1', 'Name: f', 'StartAt: Start', 'States:', ''].join('\n') + states.join('');
/** Enough states that the list is split per state from the first validation (incrementalValidation.ts). */
const filler = Array.from({ length: 2000 }, (_, i) => state(`S${i}`, i === 1999 ? 'Done' : `S${i + 1}`));

test('the answer for a mistyped target follows the names that come and go', () => {
  const incremental = createLanguageService();
  const reference = createLanguageService({ services: { fdl: { ...fdlService, validate: validateFdl } } });
  let text = flow([state('Start', 'Faild'), ...filler, '  - Type: Succeed\n    Name: Done\n']);
  let doc = TextDocument.create(uri, 'yaml', 1, text);
  incremental.validate(doc);
  const at = text.indexOf('  - Type: Succeed');
  // Each step inserts (or deletes) whole states just before `Done`.
  const steps: { insert?: string; remove?: string; expect: string | undefined }[] = [
    { insert: state('Failed', 'Done'), expect: 'Failed' },
    { insert: state('Faile', 'Done'), expect: 'Faile' }, // as close, and first in code-unit order
    { remove: state('Faile', 'Done'), expect: 'Failed' },
    { remove: state('Failed', 'Done'), expect: undefined },
    { insert: state('faild', 'Done'), expect: 'faild' }, // a case-only difference beats any other
  ];
  for (const step of steps) {
    const span = step.insert ?? step.remove!;
    const from = doc.positionAt(step.insert ? at : text.indexOf(span));
    const to = step.insert ? from : doc.positionAt(text.indexOf(span) + span.length);
    doc = incremental.update(doc, [{ range: { start: from, end: to }, text: step.insert ?? '' }], doc.version + 1);
    text = doc.getText();
    const got = incremental.validate(doc);
    reference.forget(uri);
    assert.deepEqual(got, reference.validate(TextDocument.create(uri, 'yaml', 1, text)), JSON.stringify(step));
    const unknown = got.find((d) => d.message.includes('Faild'));
    assert.ok(unknown, 'the mistyped target is reported');
    assert.equal(/did you mean `?([^`?]+)`?\?/i.exec(unknown.message)?.[1], step.expect, unknown.message);
  }
});
