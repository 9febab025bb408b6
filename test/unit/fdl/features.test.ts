import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DiagnosticCodes as C } from '../../../server/src/diagnostics/codes';
import { docOf, rangeOf, service, withCode, within } from './helpers';

const ls = service();

/** A document from text with one `|` marking the cursor. */
function cursor(textWithBar: string, name = 'f.flow.yaml'): { doc: TextDocument; pos: Position; text: string } {
  const i = textWithBar.indexOf('|');
  const text = textWithBar.slice(0, i) + textWithBar.slice(i + 1);
  const doc = docOf(text, name);
  return { doc, pos: doc.positionAt(i), text };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit as TextEdit | undefined)?.newText;

function applyEdits(text: string, edit: WorkspaceEdit | null): string {
  const doc = TextDocument.create('file:///x', 'yaml', 1, text);
  const edits = Object.values(edit?.changes ?? {}).flat();
  return TextDocument.applyEdits(doc, edits);
}

const FLOW = `Type: StateMachine
SpecVersion: v1
Name: f
StartAt: Call
States:
  - Type: Task
    Name: Call
    Action: FC:InvokeFunction
    TaskMode: RequestComplete
    Parameters:
      body:
        id.$: uuid()
    Next: Decide
  - Type: Choice
    Name: Decide
    Branches:
      - Condition: $Input.ok == true
        Next: Fan
    Default: Done
  - Type: Parallel
    Name: Fan
    Branches:
      - StartAt: Done
        States:
          - Type: Pass
            Name: Done
            End: true
    Next: Done
  - Type: Succeed
    Name: Done
`;

describe('completion', () => {
  test('keys of the state type under the cursor on a half-typed line, without keys already present', () => {
    const { doc, pos } = cursor(FLOW.replace('    TaskMode: RequestComplete\n', '    Ti|\n'));
    const items = ls.complete(doc, pos).items;
    const names = labels(items);
    for (const k of ['Timeout', 'TaskMode', 'Retry', 'Catch', 'InputConstructor']) assert.ok(names.includes(k), k);
    for (const k of ['Action', 'Name', 'Type', 'Parameters', 'Next', 'Seconds', 'Branches']) assert.ok(!names.includes(k), k);
    const retry = items.find((i) => i.label === 'Retry');
    assert.equal(newText(retry), 'Retry:\n      - $0');
    assert.deepEqual((retry?.textEdit as TextEdit).range, { start: { line: 8, character: 4 }, end: { line: 8, character: 6 } });
  });

  test('Type values, Action values and TaskMode enum', () => {
    let c = cursor(FLOW.replace('  - Type: Succeed\n', '  - Type: |\n'));
    assert.deepEqual(labels(ls.complete(c.doc, c.pos).items), ['Pass', 'Task', 'Choice', 'Parallel', 'Map', 'Wait', 'Succeed', 'Fail']);
    c = cursor(FLOW.replace('Action: FC:InvokeFunction', 'Action: |'));
    assert.ok(labels(ls.complete(c.doc, c.pos).items).includes('HTTP:Request'));
    c = cursor(FLOW.replace('TaskMode: RequestComplete', 'TaskMode:|'));
    const items = ls.complete(c.doc, c.pos).items;
    assert.deepEqual(labels(items), ['RequestComplete', 'WaitForCustomCallback', 'WaitForSystemCallback']);
    assert.equal(newText(items[1]), ' WaitForCustomCallback');
  });

  test('state names of the right scope wherever a state name goes', () => {
    let c = cursor(FLOW.replace('Default: Done', 'Default: D|'));
    const items = ls.complete(c.doc, c.pos).items;
    assert.deepEqual(labels(items), ['Call', 'Decide', 'Fan', 'Done']);
    assert.deepEqual((items[0]!.textEdit as TextEdit).range, { start: { line: 18, character: 13 }, end: { line: 18, character: 14 } });
    c = cursor(FLOW.replace('      - StartAt: Done', '      - StartAt: |'));
    assert.deepEqual(labels(ls.complete(c.doc, c.pos).items), ['Done']);
    c = cursor(FLOW.replace('        Next: Fan', '        Next: |'));
    assert.deepEqual(labels(ls.complete(c.doc, c.pos).items), ['Call', 'Decide', 'Fan', 'Done']);
  });

  test('expression variables and built-in functions after `.$`', () => {
    let c = cursor(FLOW.replace('id.$: uuid()', 'id.$: format($In|'));
    const items = ls.complete(c.doc, c.pos).items;
    assert.ok(labels(items).includes('$Input'));
    assert.ok(!labels(items).includes('$Output'), '$Output is not available in Parameters');
    assert.equal(newText(items.find((i) => i.label === 'format')), 'format($1)');
    assert.deepEqual((items[0]!.textEdit as TextEdit).range, { start: { line: 11, character: 21 }, end: { line: 11, character: 24 } });
    c = cursor(FLOW.replace('id.$: uuid()', 'id.$: $Context.Current.|'));
    assert.ok(labels(ls.complete(c.doc, c.pos).items).includes('TaskToken'));
    c = cursor(FLOW.replace('Condition: $Input.ok == true', 'Condition: $Input.ok == |'));
    const cond = labels(ls.complete(c.doc, c.pos).items);
    assert.ok(cond.includes('$Input') && cond.includes('true') && !cond.includes('format'));
  });

  test('a snippet per state type on a new list item', () => {
    const c = cursor(FLOW.replace('  - Type: Succeed\n    Name: Done\n', '  - |\n'));
    const items = ls.complete(c.doc, c.pos).items;
    const snippets = items.filter((i) => i.label.endsWith(' state')).map((i) => i.label);
    assert.deepEqual(snippets, ['Pass state', 'Task state', 'Choice state', 'Parallel state', 'Map state', 'Wait state', 'Succeed state', 'Fail state']);
    assert.equal(newText(items.find((i) => i.label === 'Wait state')), 'Type: Wait\n    Name: ${1:Wait}\n    Seconds: ${2:10}\n    ${3:End: true}');
  });

  test('JSON flows: quoted state names, quoted keys, expressions inside strings', () => {
    const json = `{
  "Type": "StateMachine", "SpecVersion": "v1", "StartAt": "A",
  "States": [
    { "Type": "Pass", "Name": "A", "Next": "B|" },
    { "Type": "Pass", "Name": "B", "End": true, "InputConstructor": { "x.$": "$In" } }
  ]
}`;
    let c = cursor(json, 'f.flow.json');
    let items = ls.complete(c.doc, c.pos).items;
    assert.deepEqual(labels(items), ['A', 'B']);
    assert.equal(newText(items[1]), '"B"');
    assert.deepEqual((items[1]!.textEdit as TextEdit).range, rangeOf(c.text, '"B"'));
    c = cursor(json.replace('"$In" }', '"$In|" }').replace('"B|"', '"B"'), 'f.flow.json');
    items = ls.complete(c.doc, c.pos).items;
    assert.equal(newText(items.find((i) => i.label === '$Input')), '$Input');
    c = cursor(json.replace('"Next": "B|"', '"Ne|'), 'f.flow.json');
    assert.equal(newText(ls.complete(c.doc, c.pos).items.find((i) => i.label === 'Next')), '"Next": "$0"');
  });

  test('root keys in an empty FDL file, legacy keys and goto targets', () => {
    let c = cursor('|');
    assert.ok(labels(ls.complete(c.doc, c.pos).items).includes('StartAt'));
    const legacy = `version: v1
type: flow
steps:
  - type: choice
    name: check
    choices:
      - condition: $.x == 1
        goto: |
  - type: task
    name: work
    pat
`;
    c = cursor(legacy);
    assert.deepEqual(labels(ls.complete(c.doc, c.pos).items), ['work']);
    const doc = docOf(legacy.replace('|', ''));
    const keys = labels(ls.complete(doc, { line: 10, character: 7 }).items);
    assert.ok(keys.includes('pattern') && keys.includes('resourceArn') && !keys.includes('name'));
  });
});

describe('hover', () => {
  test('a key shows its docs, a reference shows the state it names, a function its signature', () => {
    const doc = docOf(FLOW);
    const key = ls.hover(doc, rangeOf(FLOW, 'TaskMode').start);
    assert.match(JSON.stringify(key?.contents), /Express flows allow only `RequestComplete`/, 'docs come from the schema');
    assert.deepEqual(key?.range, rangeOf(FLOW, 'TaskMode'));
    const ref = ls.hover(doc, within(FLOW, 'Next: Decide', 'Decide').start);
    assert.match(JSON.stringify(ref?.contents), /Choice\*\* state `Decide` \(line 14/);
    const fn = ls.hover(doc, within(FLOW, 'uuid()', 'uuid').start);
    assert.match(JSON.stringify(fn?.contents), /uuid\(\) -> string/);
    assert.deepEqual(fn?.range, rangeOf(FLOW, 'uuid'));
  });
});

describe('navigation', () => {
  test('document symbols nest states under Parallel branches', () => {
    const symbols = ls.documentSymbols(docOf(FLOW));
    assert.deepEqual(symbols.map((s) => s.name), ['Call', 'Decide', 'Fan', 'Done']);
    const fan = symbols[2]!;
    assert.equal(fan.detail, 'Parallel');
    assert.deepEqual(fan.children?.map((c) => [c.name, c.children?.map((x) => x.name)]), [['Branch0', ['Done']]]);
    assert.deepEqual(symbols[0]!.selectionRange, within(FLOW, 'Name: Call', 'Call'));
  });

  test('definition and references are scope-aware', () => {
    const doc = docOf(FLOW);
    const fromDefault = ls.definition(doc, within(FLOW, 'Default: Done', 'Done').start);
    assert.deepEqual(fromDefault, { uri: doc.uri, range: within(FLOW, 'Name: Done', 'Done', 1) });
    const fromBranch = ls.definition(doc, within(FLOW, 'StartAt: Done', 'Done').start);
    assert.deepEqual(fromBranch, { uri: doc.uri, range: within(FLOW, 'Name: Done', 'Done', 0) });
    const refs = ls.references(doc, within(FLOW, 'Name: Done', 'Done', 1).start, true).map((l) => l.range);
    assert.deepEqual(refs, [within(FLOW, 'Name: Done', 'Done', 1), within(FLOW, 'Default: Done', 'Done'), within(FLOW, 'Next: Done', 'Done')]);
  });

  test('rename updates the state and every reference in its scope only', () => {
    const doc = docOf(FLOW);
    const pos = within(FLOW, 'Name: Done', 'Done', 1).start;
    assert.deepEqual(ls.prepareRename(doc, pos), { range: within(FLOW, 'Name: Done', 'Done', 1), placeholder: 'Done' });
    const renamed = applyEdits(FLOW, ls.rename(doc, pos, 'Finished'));
    assert.equal(renamed, FLOW.replace('Default: Done', 'Default: Finished').replace('    Next: Done', '    Next: Finished')
      .replace('  - Type: Succeed\n    Name: Done', '  - Type: Succeed\n    Name: Finished'));
    assert.match(renamed, /StartAt: Done\n/);
  });

  test('rename keeps quotes and quotes names YAML would misread', () => {
    const text = FLOW.replace('StartAt: Call', 'StartAt: "Call"');
    const renamed = applyEdits(text, ls.rename(docOf(text), within(text, 'Name: Call', 'Call').start, 'yes'));
    assert.match(renamed, /StartAt: "yes"/);
    assert.match(renamed, /Name: "yes"/);
  });

  test('folding ranges cover multi-line mappings and sequences', () => {
    const folds = ls.foldingRanges(docOf(FLOW));
    assert.ok(folds.some((f) => f.startLine === 4 && f.endLine === 29), JSON.stringify(folds));
    assert.ok(folds.some((f) => f.startLine === 9 && f.endLine === 11));
  });
});

describe('quick fixes', () => {
  test('did you mean, add End: true / Next, rename a key to .$', () => {
    const text = FLOW.replace('Default: Done', 'Default: Dne').replace('    Next: Decide\n', '').replace('      body:\n', '      body:\n        name: $Input.name\n');
    const doc = docOf(text);
    const diags = ls.validate(doc);
    const unknown = withCode(diags, C.unknownState);
    const fixes = ls.codeActions(doc, unknown[0]!.range, unknown);
    assert.equal(fixes[0]!.title, 'Change to `Done`');
    assert.match(applyEdits(text, fixes[0]!.edit!), /Default: Done/);

    const missing = withCode(diags, C.missingTransition);
    const endFixes = ls.codeActions(doc, missing[0]!.range, missing);
    assert.deepEqual(endFixes.map((f) => f.title), ['Add `End: true`', 'Add `Next: Decide`']);
    assert.match(applyEdits(text, endFixes[0]!.edit!), / {8}id\.\$: uuid\(\)\n {4}End: true\n {2}- Type: Choice/);

    const noSuffix = withCode(diags, C.expressionWithoutSuffix);
    const suffixFix = ls.codeActions(doc, noSuffix[0]!.range, noSuffix);
    assert.match(applyEdits(text, suffixFix[0]!.edit!), /name\.\$: \$Input\.name/);
  });

  test('Next with End: remove one of them', () => {
    const text = FLOW.replace('    Next: Decide\n', '    Next: Decide\n    End: true\n');
    const doc = docOf(text);
    const diags = withCode(ls.validate(doc), C.nextWithEnd);
    const fixes = ls.codeActions(doc, diags[0]!.range, diags);
    assert.deepEqual(fixes.map((f) => f.title), ['Remove `Next` (end here)', 'Remove `End` (continue at `Next`)']);
    assert.equal(applyEdits(text, fixes[0]!.edit!), FLOW.replace('    Next: Decide\n', '    End: true\n'));
    assert.equal(applyEdits(text, fixes[1]!.edit!), FLOW);
  });

  test('known misspellings of keys, from the schema diagnostics', () => {
    const text = FLOW.replace('    Branches:\n      - Condition', '    Choices:\n      - Condition').replace('    TaskMode:', '    Taskmode:');
    const doc = docOf(text);
    const diags = ls.validate(doc);
    const choices = diags.filter((d) => JSON.stringify(d.range) === JSON.stringify(rangeOf(text, 'Choices')));
    assert.equal(choices.length, 1);
    assert.equal(ls.codeActions(doc, choices[0]!.range, choices)[0]?.title, 'Change to `Branches`');
    const taskMode = diags.filter((d) => JSON.stringify(d.range) === JSON.stringify(rangeOf(text, 'Taskmode')));
    const fixed = applyEdits(text, ls.codeActions(doc, taskMode[0]!.range, taskMode)[0]!.edit!);
    assert.match(fixed, /\n {4}TaskMode: RequestComplete\n/);
  });
});

describe('distributed Map fields', () => {
  const MAP = `Type: StateMachine
SpecVersion: v1
Name: f
StartAt: Each
States:
  - Type: Map
    Name: Each
    ProcessorConfig:
      ExecutionMode: Express
    ItemReader:
      SourceType: OSS_CSV
      SourceParameters:
        Bucket: data
        ObjectName: in.csv
    ItemBatcher:
      MaxItemsPerBatch: 10
    Processor:
      StartAt: P
      States:
        - Type: Pass
          Name: P
          End: true
    End: true
`;

  test('completion offers ItemReader, ItemBatcher, ResultWriter and the tolerances; inside ItemReader its own keys; SourceType its values', () => {
    const top = cursor(MAP.replace('    ItemBatcher:\n      MaxItemsPerBatch: 10\n', '    Tol|\n'));
    const names = labels(ls.complete(top.doc, top.pos).items);
    for (const k of ['ResultWriter', 'ItemBatcher', 'ToleratedFailureCount', 'ToleratedFailurePercentage', 'MaxItems']) assert.ok(names.includes(k), k);
    const inner = cursor(MAP.replace('      SourceType: OSS_CSV\n', '      SourceType: OSS_CSV\n      Re|\n'));
    assert.ok(labels(ls.complete(inner.doc, inner.pos).items).includes('ReaderConfig'));
    const value = cursor(MAP.replace('SourceType: OSS_CSV', 'SourceType: |'));
    assert.deepEqual(labels(ls.complete(value.doc, value.pos).items).sort(), ['OSS_CSV', 'OSS_INVENTORY_FILES', 'OSS_JSON_LIST', 'OSS_OBJECTS']);
  });

  test('hover on a sub-field shows its documentation with the source page', () => {
    const doc = docOf(MAP);
    const source = ls.hover(doc, rangeOf(MAP, 'SourceType').start);
    assert.match(JSON.stringify(source?.contents), /OSS_CSV.*the rows of the CSV file/);
    const reader = ls.hover(doc, rangeOf(MAP, 'ItemReader').start);
    assert.match(JSON.stringify(reader?.contents), /serverless-workflow\/latest\/distributed-mode/);
    // What no stored page shows is said so, not presented as documented.
    assert.match(JSON.stringify(reader?.contents), /sub-field names here are Flowdeck's, not the documentation's/);
    const limited = MAP.replace('    ItemBatcher:\n', '    MaxItems: 500\n    ItemBatcher:\n');
    const max = ls.hover(docOf(limited), rangeOf(limited, 'MaxItems: 500').start);
    assert.match(JSON.stringify(max?.contents), /10,000 iterations.*loop-map/);
  });
});
