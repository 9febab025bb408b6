// Shaping a flow from the graph: each action's text edit, in YAML and JSON, applied to the text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GraphEditAction } from '../../../server/src/lsp/protocol';
import { DiagnosticCodes as C } from '../../../server/src/diagnostics/codes';
import { docOf, service } from '../fdl/helpers';

const ls = service();

function apply(doc: TextDocument, action: GraphEditAction): string {
  const r = ls.graphEdit(doc, doc.version, action);
  assert.equal(r.error, undefined, r.error);
  const edits = r.edit?.changes?.[doc.uri] ?? [];
  return TextDocument.applyEdits(doc, edits);
}

const YAML = `# the order flow
Type: StateMachine
SpecVersion: v1
Name: shaped
StartAt: First
States:
  - Type: Pass   # the start
    Name: First
    Next: Last
  - Type: Choice
    Name: Pick
    Branches:
      - Condition: $Input.n > 1
        Next: First
    Default: Last
  - Type: Succeed
    Name: Last
`;

const semantic = (text: string, name = 'flow.flow.yaml', id = 'yaml') =>
  ls.validate(docOf(text, name, id)).filter((d) => d.severity === 1).map((d) => String(d.code));

describe('shaping a YAML flow from the graph', () => {
  test('add a Task after a state: wired between it and its old Next, comments kept', () => {
    const out = apply(docOf(YAML), { kind: 'addAfter', id: 'First', type: 'Task' });
    assert.ok(out.startsWith('# the order flow\n'));
    assert.match(out, / {2}- Type: Pass {3}# the start\n {4}Name: First\n {4}Next: NewTask\n {2}- Type: Task\n {4}Name: NewTask\n {4}Action: FC:InvokeFunction\n {4}TaskMode: RequestComplete\n {4}Parameters:\n {6}resourceArn: acs:fc:<region>:<account>:functions\/<function>\/LATEST\n {6}invocationType: Sync\n {4}Next: Last\n {2}- Type: Choice/);
    assert.deepEqual(semantic(out), []);
    const again = apply(docOf(out), { kind: 'addAfter', id: 'NewTask', type: 'Task' });
    assert.match(again, /Name: NewTask2\n/);
  });
  test('add after the last state that ends: End becomes Next', () => {
    const text = YAML.replace('    Name: Last\n', '    Name: Last\n  - Type: Pass\n    Name: Tail\n    End: true\n');
    const out = apply(docOf(text), { kind: 'addAfter', id: 'Tail', type: 'Wait' });
    assert.ok(out.endsWith('    Name: Tail\n    Next: NewWait\n  - Type: Wait\n    Name: NewWait\n    Seconds: 10\n    End: true\n'), out);
  });
  test('delete a state: its lines go, what pointed at it becomes a diagnostic', () => {
    const out = apply(docOf(YAML), { kind: 'delete', id: 'Pick' });
    assert.equal(out, YAML.replace(/ {2}- Type: Choice\n[\s\S]*? {4}Default: Last\n/, ''));
    const gone = apply(docOf(YAML), { kind: 'delete', id: 'Last' });
    assert.ok(semantic(gone).includes(C.unknownState));
  });
  test('reconnect a Next and a Default by edge index', () => {
    const doc = docOf(YAML);
    const edges = ls.graph(doc).edges;
    const next = edges.findIndex((e) => e.from === 'First' && e.kind === 'next');
    assert.match(apply(doc, { kind: 'reconnect', edge: next, to: 'Pick' }), / {4}Name: First\n {4}Next: Pick\n/);
    const def = edges.findIndex((e) => e.kind === 'default');
    assert.match(apply(doc, { kind: 'reconnect', edge: def, to: 'First' }), / {4}Default: First\n/);
  });
  test('rename goes through the rename refactoring', () => {
    const out = apply(docOf(YAML), { kind: 'rename', id: 'Last', newName: 'Done' });
    assert.equal((out.match(/Done/g) ?? []).length, 3);
    assert.ok(!out.includes('Last'));
  });
  test('stale versions and unknown ids are refused with a reason', () => {
    const doc = docOf(YAML);
    assert.match(ls.graphEdit(doc, doc.version + 1, { kind: 'delete', id: 'First' }).error ?? '', /changed/);
    assert.match(ls.graphEdit(doc, doc.version, { kind: 'delete', id: 'Nope' }).error ?? '', /No state/);
    assert.match(ls.graphEdit(doc, doc.version, { kind: 'addAfter', id: 'First', type: 'Bogus' }).error ?? '', /not a state type/);
  });
});

describe('shaping a JSON flow from the graph', () => {
  const JSON_FLOW = JSON.stringify({
    Type: 'StateMachine', SpecVersion: 'v1', Name: 'j', StartAt: 'A',
    States: [{ Type: 'Pass', Name: 'A', Next: 'B' }, { Type: 'Pass', Name: 'B', End: true }],
  }, null, 2);
  const jdoc = () => docOf(JSON_FLOW, 'flow.flow.json', 'json');
  test('add after, delete and reconnect keep valid JSON', () => {
    const added = apply(jdoc(), { kind: 'addAfter', id: 'B', type: 'Pass' });
    const v = JSON.parse(added) as { States: { Name: string; Next?: string; End?: boolean }[] };
    assert.deepEqual(v.States.map((s) => [s.Name, s.Next, s.End]), [['A', 'B', undefined], ['B', 'NewPass', undefined], ['NewPass', undefined, true]]);
    assert.deepEqual(semantic(added, 'flow.flow.json', 'json'), []);
    const deleted = JSON.parse(apply(jdoc(), { kind: 'delete', id: 'B' })) as { States: unknown[] };
    assert.equal(deleted.States.length, 1);
    const deletedFirst = JSON.parse(apply(jdoc(), { kind: 'delete', id: 'A' })) as { States: { Name: string }[] };
    assert.deepEqual(deletedFirst.States.map((s) => s.Name), ['B']);
    const reconnected = JSON.parse(apply(jdoc(), { kind: 'reconnect', edge: 0, to: 'A' })) as { States: { Next?: string }[] };
    assert.equal(reconnected.States[0]!.Next, 'A');
  });
});

describe('shaping a legacy flow from the graph', () => {
  const LEGACY = 'version: v1\ntype: flow\nsteps:\n  - type: pass\n    name: a\n  - type: pass\n    name: b\n';
  test('a step added after another follows it in the list', () => {
    const out = apply(docOf(LEGACY), { kind: 'addAfter', id: 'a', type: 'wait' });
    assert.equal(out, 'version: v1\ntype: flow\nsteps:\n  - type: pass\n    name: a\n  - type: wait\n    name: NewWait\n    duration: 10\n  - type: pass\n    name: b\n');
  });
  test('an implicit edge cannot be dragged', () => {
    const doc = docOf(LEGACY);
    assert.match(ls.graphEdit(doc, doc.version, { kind: 'reconnect', edge: 0, to: 'a' }).error ?? '', /implied by the order/);
  });
});
