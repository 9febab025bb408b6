// The graph model against the corpus and generated flows: every state is a node, every reference
// an edge. The expected counts come from the plain parsed value (js-yaml), not from the model.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'js-yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticCodes as C } from '../../../server/src/diagnostics/codes';
import type { FlowGraph } from '../../../server/src/graph/types';
import { generateFdl } from '../../../bench/lib/generate';
import { corpusTexts } from '../corpus';
import { docOf, rangeOf, service } from '../fdl/helpers';

const ls = service();
type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Json): Json[] => (Array.isArray(v) ? v : []);

interface Expected { states: number; refs: number }

/** States and state references of a current-spec flow, counted on the plain value. */
function countCurrent(holder: Json, out: Expected = { states: 0, refs: 0 }): Expected {
  if (!isObj(holder)) return out;
  for (const s of list(holder.States)) {
    if (!isObj(s)) continue;
    out.states++;
    if (typeof s.Next === 'string') out.refs++;
    if (typeof s.Default === 'string') out.refs++;
    for (const c of list(s.Catch)) if (isObj(c) && typeof c.Next === 'string') out.refs++;
    if (s.Type === 'Parallel') for (const b of list(s.Branches)) countCurrent(b, out);
    else for (const b of list(s.Branches)) if (isObj(b) && typeof b.Next === 'string') out.refs++;
    if (isObj(s.Processor)) countCurrent(s.Processor, out);
  }
  return out;
}

/** Steps and `goto`s of a legacy flow. */
function countLegacy(steps: Json, out: Expected = { states: 0, refs: 0 }): Expected {
  for (const s of list(steps)) {
    if (!isObj(s)) continue;
    out.states++;
    countLegacy(s.steps, out);
    for (const holder of [...list(s.choices), s.default, ...list(s.catch)]) {
      if (!isObj(holder)) continue;
      if (typeof holder.goto === 'string') out.refs++;
      countLegacy(holder.steps, out);
    }
    for (const b of list(s.branches)) if (isObj(b)) countLegacy(b.steps, out);
  }
  return out;
}

/** Screens and navigate actions + routing targets of a WhatsApp Flow JSON. */
function countWhatsApp(root: Record<string, Json>): Expected {
  let refs = 0;
  const screens = list(root.screens);
  const ids = new Set(screens.map((s) => (isObj(s) ? s.id : undefined)));
  const walk = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) {
      if (v.name === 'navigate' && isObj(v.next) && typeof v.next.name === 'string') refs++;
      Object.values(v).forEach(walk);
    }
  };
  screens.forEach(walk);
  if (isObj(root.routing_model)) {
    for (const [key, targets] of Object.entries(root.routing_model)) if (ids.has(key)) refs += list(targets).filter((t) => typeof t === 'string').length;
  }
  return { states: screens.length, refs };
}

function assertWellFormed(graph: FlowGraph, where: string): void {
  const ids = new Set(graph.nodes.map((n) => n.id));
  assert.equal(ids.size, graph.nodes.length, `${where}: node ids are unique`);
  for (const n of graph.nodes) if (n.parent !== null) assert.ok(ids.has(n.parent), `${where}: parent ${n.parent} is a node`);
  for (const e of graph.edges) {
    assert.ok(ids.has(e.from), `${where}: edge from ${e.from} starts at a node`);
    assert.equal(ids.has(e.to), e.broken !== true, `${where}: edge to ${e.to} is broken exactly when its target is missing`);
  }
}

const docFor = (text: string, i: number, json: boolean): TextDocument =>
  TextDocument.create(`file:///corpus/${i}.${json ? 'json' : 'yaml'}`, json ? 'json' : 'yaml', 1, text);

describe('graph of every corpus flow', () => {
  const texts = corpusTexts(/\.(ya?ml|json)$/);
  test('the corpus is there', () => assert.ok(texts.length >= 60, `${texts.length} files`));
  let checked = { fdl: 0, legacy: 0, whatsapp: 0 };
  test('every state is a node and every reference an edge', () => {
    checked = { fdl: 0, legacy: 0, whatsapp: 0 };
    texts.forEach((text, i) => {
      const trimmed = text.trimStart();
      const json = trimmed.startsWith('{');
      let value: Json;
      try {
        value = json ? JSON.parse(text) : load(text);
      } catch {
        return; // not loadable as plain data: nothing to compare against
      }
      if (!isObj(value)) return;
      const doc = docFor(text, i, json);
      const dialect = ls.analyse(doc).dialect;
      const graph = ls.graph(doc);
      const where = `corpus file #${i} (${String(value.Name ?? value.name ?? '')})`;
      assertWellFormed(graph, where);
      let expected: Expected;
      let referenceEdges: number;
      if (dialect === 'fdl') {
        expected = countCurrent(value);
        referenceEdges = graph.edges.length;
        checked.fdl++;
      } else if (dialect === 'fdl-legacy') {
        expected = countLegacy(value.steps);
        // implicit sequence and nested starts come on top of the gotos; gotos carry no `next` kind
        referenceEdges = graph.edges.filter((e) => e.kind !== 'next' && !graph.nodes.some((n) => n.id === e.to && n.parent === e.from)).length;
        checked.legacy++;
      } else if (dialect === 'whatsapp-flow') {
        expected = countWhatsApp(value);
        referenceEdges = graph.edges.length;
        checked.whatsapp++;
      } else {
        return;
      }
      assert.equal(graph.nodes.length, expected.states, `${where}: nodes`);
      assert.equal(referenceEdges, expected.refs, `${where}: edges`);
    });
    assert.ok(checked.fdl >= 10 && checked.legacy >= 5 && checked.whatsapp >= 30, JSON.stringify(checked));
  });
});

describe('graph of generated flows', () => {
  for (const size of [10, 100, 1000]) {
    test(`${size} states`, () => {
      const text = generateFdl(size);
      const graph = ls.graph(docOf(text));
      assertWellFormed(graph, `${size}`);
      assert.equal(graph.nodes.length, size);
      const expected = countCurrent(load(text));
      assert.equal(graph.edges.length, expected.refs);
      assert.ok(graph.edges.every((e) => !e.broken));
    });
  }
});

const FLOW = `Type: StateMachine
SpecVersion: v1
Name: shapes
StartAt: Check
States:
  - Type: Choice
    Name: Check
    Branches:
      - Condition: $Input.n > 1
        Next: Fan
    Default: Missing
  - Type: Parallel
    Name: Fan
    Next: Done
    Branches:
      - StartAt: A
        States:
          - Type: Task
            Name: A
            Action: FC:InvokeFunction
            Catch:
              - Errors: [FC.Timeout, FnF.ALL]
                Next: B
            End: true
          - Type: Pass
            Name: B
            End: true
      - StartAt: A
        States:
          - Type: Pass
            Name: A
            End: true
  - Type: Succeed
    Name: Done
`;

describe('graph of a current-spec flow', () => {
  const graph = ls.graph(docOf(FLOW));
  test('nodes carry their container and branch', () => {
    assert.deepEqual(graph.nodes.map((n) => [n.id, n.name, n.type, n.parent, n.branch]), [
      ['Check', 'Check', 'Choice', null, undefined],
      ['Fan', 'Fan', 'Parallel', null, undefined],
      ['Fan/0/A', 'A', 'Task', 'Fan', 0],
      ['Fan/0/B', 'B', 'Pass', 'Fan', 0],
      ['Fan/1/A', 'A', 'Pass', 'Fan', 1],
      ['Done', 'Done', 'Succeed', null, undefined],
    ]);
  });
  test('edges are labelled by condition and error names; a missing target is broken', () => {
    assert.deepEqual(graph.edges, [
      { from: 'Check', to: 'Fan', kind: 'choice', label: '$Input.n > 1' },
      { from: 'Check', to: 'Missing', kind: 'default', broken: true },
      { from: 'Fan', to: 'Done', kind: 'next' },
      { from: 'Fan/0/A', to: 'Fan/0/B', kind: 'catch', label: 'FC.Timeout, FnF.ALL' },
    ]);
    assert.ok(ls.validate(docOf(FLOW)).some((d) => d.code === C.unknownState));
  });
  test('a node range is its state', () => {
    const done = graph.nodes.find((n) => n.id === 'Done')!;
    assert.deepEqual(done.range.start, rangeOf(FLOW, 'Type: Succeed').start);
  });
  test('repeated and missing names still give unique ids', () => {
    const g = ls.graph(docOf('Type: StateMachine\nSpecVersion: v1\nName: x\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    End: true\n  - Type: Pass\n    Name: A\n    End: true\n  - Type: Pass\n    End: true\n'));
    assert.deepEqual(g.nodes.map((n) => n.id), ['A', 'A~2', '#3']);
  });
  test('a text that is not a flow has an empty graph', () => {
    assert.deepEqual(ls.graph(docOf('just: text\n', 'notes.yaml')), { nodes: [], edges: [] });
  });
});

describe('graph of a legacy flow', () => {
  const LEGACY = `version: v1
type: flow
steps:
  - type: task
    name: first
    resourceArn: acs:fc:::services/s/functions/f
    catch:
      - errors: [FC.Unknown]
        goto: last
  - type: choice
    name: pick
    choices:
      - condition: $.n > 1
        steps:
          - type: pass
            name: inner
      - condition: $.n < 0
        goto: last
    default:
      goto: middle
  - type: pass
    name: middle
    end: true
  - type: succeed
    name: last
`;
  test('the implicit sequence, nested steps and gotos are edges', () => {
    const graph = ls.graph(docOf(LEGACY));
    assert.deepEqual(graph.nodes.map((n) => [n.id, n.parent]), [['first', null], ['pick', null], ['pick/inner', 'pick'], ['middle', null], ['last', null]]);
    const edges = graph.edges.map((e) => `${e.from} ${e.kind}${e.label ? `(${e.label})` : ''} ${e.to}`).sort();
    assert.deepEqual(edges, [
      'first catch(FC.Unknown) last',
      'first next pick',
      'pick choice($.n < 0) last',
      'pick choice($.n > 1) pick/inner',
      'pick default middle',
      'pick next middle', // one choice has no goto: it falls through
    ]);
  });
});

describe('graph of a WhatsApp flow', () => {
  const WA = JSON.stringify({
    version: '6.0',
    routing_model: { ONE: ['TWO', 'GONE'], TWO: [] },
    screens: [
      { id: 'ONE', title: 'One', layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Go on', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'TWO' }, payload: {} } }] } },
      { id: 'TWO', title: 'Two', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } },
    ],
  }, null, 2);
  test('one node per screen, navigate and route edges', () => {
    const graph = ls.graph(docOf(WA, 'x.json', 'whatsapp-flow'));
    assert.deepEqual(graph.nodes.map((n) => [n.id, n.type]), [['ONE', 'screen'], ['TWO', 'terminal screen']]);
    assert.deepEqual(graph.edges, [
      { from: 'ONE', to: 'TWO', kind: 'navigate', label: 'Go on' },
      { from: 'ONE', to: 'TWO', kind: 'route' },
      { from: 'ONE', to: 'GONE', kind: 'route', broken: true },
    ]);
  });
});
