import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseText } from '../../../server/src/parse';
import { detectDialect } from '../../../server/src/detect';
import { fdlSchemaDiagnostics } from '../../../server/src/fdl/schema';
import { DiagnosticCodes } from '../../../server/src/diagnostics/codes';
import { analysedDocument } from '../../../server/src/service/types';

function check(text: string): Diagnostic[] {
  const document = TextDocument.create('file:///t/x.flow.yaml', 'yaml', 1, text);
  const parsed = parseText(text, 'yaml');
  return fdlSchemaDiagnostics(analysedDocument(document, parsed, detectDialect(parsed, { fileName: 'x.flow.yaml' })));
}

/** [line, startCol, endCol] of a diagnostic, 0-based, single-line ranges. */
const where = (d: Diagnostic): [number, number, number] => {
  assert.equal(d.range.start.line, d.range.end.line, d.message);
  return [d.range.start.line, d.range.start.character, d.range.end.character];
};
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === DiagnosticSeverity.Error);

const head = 'Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates:\n';

describe('FDL schema diagnostics (current spec)', () => {
  test('a valid flow has none', () => {
    assert.deepEqual(check(head + '  - Type: Pass\n    Name: A\n    End: true\n'), []);
  });

  test('missing required property underlines the state name; wording names the property', () => {
    const ds = check(head + '  - Type: Task\n    Name: A\n    End: true\n');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.code, DiagnosticCodes.missingProperty);
    assert.deepEqual(where(ds[0]!), [5, 10, 11]);
    assert.match(ds[0]!.message, /a Task state is missing the required property `Action`/i);
    assert.equal(ds[0]!.source, 'flowdeck');
  });

  test('missing root property underlines the first line', () => {
    const ds = check('Type: StateMachine\nSpecVersion: v1\nStates: []\n');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.code, DiagnosticCodes.missingProperty);
    assert.deepEqual(where(ds[0]!), [0, 0, 18]);
    assert.match(ds[0]!.message, /`StartAt`/);
  });

  test('missing property of a nested object underlines the holder key', () => {
    const ds = check(head + '  - Type: Parallel\n    Name: A\n    End: true\n    Branches:\n      - States: []\n');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.code, DiagnosticCodes.missingProperty);
    // a branch is an array item: its anchor is its first line
    assert.deepEqual(where(ds[0]!), [8, 8, 14]);
    assert.match(ds[0]!.message, /`StartAt`/);
  });

  test('unknown property underlines its key; a near miss suggests the right name with a fix', () => {
    const ds = check(head + '  - Type: Task\n    Name: A\n    Action: FC:InvokeFunction\n    TaskMod: RequestComplete\n    End: true\n');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.code, DiagnosticCodes.misspelledProperty);
    assert.deepEqual(where(ds[0]!), [7, 4, 11]);
    assert.match(ds[0]!.message, /did you mean `TaskMode`/);
    assert.deepEqual(ds[0]!.data, { replacement: 'TaskMode', title: 'Change to TaskMode' });
  });

  test('Amazon States Language habits get CloudFlow advice', () => {
    const ds = check(head + '  - Type: Task\n    Name: A\n    Action: FC:InvokeFunction\n    Resource: arn:aws:lambda\n    End: true\n');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.code, DiagnosticCodes.unknownProperty);
    assert.deepEqual(where(ds[0]!), [7, 4, 12]);
    assert.match(ds[0]!.message, /`Action`.*`Parameters`/);
    const map = check('Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates:\n  A:\n    Type: Pass\n');
    assert.equal(map.length, 1);
    assert.match(map[0]!.message, /list of states/);
    assert.deepEqual(where(map[0]!), [3, 0, 6]);
  });

  test('wrong type, enum and const underline the value', () => {
    const ds = check(head + '  - Type: Task\n    Name: A\n    Action: FC:InvokeFunction\n    TaskMode: Callback\n    End: "true"\n');
    const byCode = new Map(ds.map((d) => [d.code, d]));
    const mode = byCode.get(DiagnosticCodes.invalidValue)!;
    assert.deepEqual(where(mode), [7, 14, 22]);
    assert.match(mode.message, /`RequestComplete`, `WaitForCustomCallback`, `WaitForSystemCallback`/);
    const end = byCode.get(DiagnosticCodes.wrongType)!;
    assert.deepEqual(where(end), [8, 9, 15]);
    assert.match(end.message, /must be a boolean, not a string\. Remove the quotes/);
    const spec = check('Type: StateMachine\nSpecVersion: v2\nStartAt: A\nStates: []\n');
    assert.deepEqual(spec.map(where), [[1, 13, 15]]);
  });

  test('an unknown state Type gives one message naming the allowed types, not every branch', () => {
    const ds = check(head + '  - Type: Tsk\n    Name: A\n    Foo: 1\n    End: true\n');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.code, DiagnosticCodes.invalidValue);
    assert.deepEqual(where(ds[0]!), [4, 10, 13]);
    assert.match(ds[0]!.message, /use one of `Pass`, `Task`, `Choice`, `Parallel`, `Map`, `Wait`, `Succeed`, `Fail`.*Did you mean `Task`/);
  });

  test('a state without Type: one missing-property naming the allowed values', () => {
    const ds = check(head + '  - Name: A\n    End: true\n');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.code, DiagnosticCodes.missingProperty);
    assert.match(ds[0]!.message, /`Type` \(one of `Pass`/);
  });

  test('Choice `Next` is left to the semantic checks (no duplicate); Choice fields are checked', () => {
    const ds = check(head + '  - Type: Choice\n    Name: A\n    Next: B\n    Branches:\n      - Condition: $Input.x == 1\n');
    assert.deepEqual(ds.map((d) => [d.code, ...where(d)]), [
      [DiagnosticCodes.missingProperty, 5, 10, 11], // Default
      [DiagnosticCodes.missingProperty, 8, 8, 17], // Branches[0].Next: the branch's first line
    ]);
  });

  test('Fail without Detail is a warning; End on Succeed/Fail a hint (published flows write them)', () => {
    const ds = check(head + '  - Type: Fail\n    Name: A\n    Code: E\n    End: true\n');
    assert.deepEqual(errors(ds), []);
    assert.deepEqual(ds.map((d) => [d.severity, d.code, ...where(d)]), [
      [DiagnosticSeverity.Warning, DiagnosticCodes.missingProperty, 5, 10, 11],
      [DiagnosticSeverity.Hint, DiagnosticCodes.specAdvice, 7, 4, 7],
    ]);
  });

  test('Map: both concurrency spellings accepted; both at once warned; distributed fields need ProcessorConfig', () => {
    const map = (extra: string) =>
      check(head + `  - Type: Map\n    Name: A\n    End: true\n    ItemsPath: $Input.items\n${extra}    Processor:\n      StartAt: P\n      States:\n        - Type: Pass\n          Name: P\n          End: true\n`);
    assert.deepEqual(errors(map('    MaxConcuccency: 10\n')), []);
    assert.deepEqual(errors(map('    MaxConcurrency: 10\n')), []);
    const both = map('    MaxConcuccency: 10\n    MaxConcurrency: 10\n');
    assert.deepEqual(errors(both), []);
    assert.equal(both.filter((d) => d.severity === DiagnosticSeverity.Warning && d.code === DiagnosticCodes.misspelledProperty).length, 1);
    const reader = errors(map('    ItemReader: {}\n'));
    assert.equal(reader.length, 1);
    assert.match(reader[0]!.message, /distributed-mode Map field: add `ProcessorConfig`/);
    const distributed = (extra: string) => errors(map(`${extra}    ProcessorConfig:\n      ExecutionMode: Express\n`));
    assert.deepEqual(distributed('    ItemReader:\n      SourceType: OSS_CSV\n      SourceParameters:\n        Bucket: data\n        ObjectName: in.csv\n'), []);
    assert.deepEqual(distributed('    ItemReader: {}\n').map((d) => d.message.split('.')[0]), ['`ItemReader` is missing the required property `SourceType`', '`ItemReader` is missing the required property `SourceParameters`']);
    const noObject = distributed('    ItemReader:\n      SourceType: OSS_CSV\n      SourceParameters:\n        Bucket: data\n');
    assert.deepEqual(noObject.map((d) => d.message.split('.')[0]), ['`SourceParameters` is missing the required property `ObjectName`']);
    assert.deepEqual(distributed('    ItemReader:\n      SourceType: OSS_OBJECTS\n      SourceParameters:\n        Bucket: data\n        Prefix: in/\n'), []);
  });

  test('Wait needs Seconds or Seconds.$; Seconds out of range underlines the value', () => {
    const none = check(head + '  - Type: Wait\n    Name: A\n    End: true\n');
    assert.deepEqual(none.map((d) => [d.code, ...where(d)]), [[DiagnosticCodes.missingProperty, 5, 10, 11]]);
    const big = check(head + '  - Type: Wait\n    Name: A\n    Seconds: 301\n    End: true\n');
    assert.deepEqual(big.map((d) => [d.code, ...where(d)]), [[DiagnosticCodes.invalidValue, 6, 13, 16]]);
    assert.match(big[0]!.message, /at most 300 \(got 301\)/);
    const expr = check(head + '  - Type: Wait\n    Name: A\n    Seconds: $Input.delay\n    End: true\n');
    assert.match(expr[0]!.message, /Seconds\.\$: \$Input\.delay/);
  });

  test('Retry rules: required fields, limits, and a warning for a missing Description', () => {
    const ds = check(head + '  - Type: Task\n    Name: A\n    Action: FC:InvokeFunction\n    End: true\n    Retry:\n      - Errors: [FnF.ALL]\n        MaxAttempts: 3\n        IntervalSeconds: 90000\n');
    assert.deepEqual(ds.map((d) => [d.severity, d.code, ...where(d)]), [
      [DiagnosticSeverity.Error, DiagnosticCodes.invalidValue, 11, 25, 30],
      [DiagnosticSeverity.Warning, DiagnosticCodes.missingProperty, 9, 8, 14],
    ]);
  });

  test('a repeated key is an error on the repeat', () => {
    const ds = check(head + '  - Type: Pass\n    Name: A\n    Name: B\n    End: true\n');
    assert.deepEqual(ds.map((d) => [d.code, ...where(d)]), [[DiagnosticCodes.duplicateKey, 6, 4, 8]]);
  });

  test('a key with no value yet: the problem sits on the key', () => {
    const ds = check(head + '  - Type: Pass\n    Name: A\n    Next:\n');
    assert.deepEqual(ds.map((d) => [d.code, ...where(d)]), [[DiagnosticCodes.wrongType, 6, 4, 8]]);
    assert.match(ds[0]!.message, /`Next` has no value/);
  });

  test('JSON flows get the same checks with JSON ranges', () => {
    const text = '{"Type": "StateMachine", "SpecVersion": "v1", "StartAt": "A", "States": [{"Type": "Pass", "Name": "A", "End": 1}]}';
    const document = TextDocument.create('file:///t/x.flow.json', 'json', 1, text);
    const parsed = parseText(text, 'json');
    const ds = fdlSchemaDiagnostics(analysedDocument(document, parsed, 'fdl'));
    assert.deepEqual(ds.map((d) => [d.code, ...where(d)]), [[DiagnosticCodes.wrongType, 0, 110, 111]]);
  });
});

const legacyHead = 'version: v1\ntype: flow\nsteps:\n';

describe('FDL schema diagnostics (legacy spec)', () => {
  test('valid steps have none', () => {
    assert.deepEqual(check(legacyHead + '  - type: pass\n    name: a\n  - type: wait\n    name: w\n    duration: 5\n'), []);
  });

  test('unknown step type names the allowed ones', () => {
    const ds = check(legacyHead + '  - type: loop\n    name: a\n');
    assert.deepEqual(ds.map((d) => [d.code, ...where(d)]), [[DiagnosticCodes.invalidValue, 3, 10, 14]]);
    assert.match(ds[0]!.message, /`pass`, `task`, `choice`, `parallel`, `foreach`, `wait`, `succeed`, `fail`/);
  });

  test('task needs resourceArn or action; wait takes duration or timestamp, not both', () => {
    const ds = check(legacyHead + '  - type: task\n    name: t\n  - type: wait\n    name: w\n    duration: 5\n    timestamp: "2019-05-02T15:04:05Z"\n');
    assert.deepEqual(ds.map((d) => [d.code, ...where(d)]), [
      [DiagnosticCodes.missingProperty, 4, 10, 11],
      [DiagnosticCodes.invalidValue, 8, 4, 13],
    ]);
  });

  test('foreach: iterationMappings is the singular field', () => {
    const ds = check(legacyHead + '  - type: foreach\n    name: f\n    iterationMappings: {}\n    steps: []\n');
    const misspelled = ds.find((d) => d.code === DiagnosticCodes.misspelledProperty)!;
    assert.deepEqual(where(misspelled), [5, 4, 21]);
    assert.deepEqual(misspelled.data, { replacement: 'iterationMapping', title: 'Change to iterationMapping' });
  });

  test('mappings need a target', () => {
    const ds = check(legacyHead + '  - type: pass\n    name: p\n    outputMappings:\n      - source: 1\n');
    assert.deepEqual(ds.map((d) => [d.code, ...where(d)]), [[DiagnosticCodes.missingProperty, 6, 8, 14]]);
  });
});
