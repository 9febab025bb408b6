// flowdeck graph: each format of the example flow, and the errors a user can make.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowdeck } from '../cli/flowdeck';
import { scratchDir } from '../scratchDir';

const ROOT = join(import.meta.dirname, '../../..');
const EXAMPLE = 'examples/order-processing.flow.yaml';
const STATES = ['CheckOrder', 'RejectOrder', 'PriceLines', 'PriceLine', 'Fulfil', 'ReserveStock', 'AwaitWarehouse', 'ChargePayment', 'PaymentDeclined', 'Confirm'];

const graph = (args: string[], cwd = ROOT) => flowdeck(['graph', ...args], { cwd });

describe('flowdeck graph', () => {
  test('json is exactly {nodes, edges}', async () => {
    const r = await graph([EXAMPLE]);
    assert.equal(r.code, 0, r.err);
    const parsed = JSON.parse(r.out) as { nodes: { id: string; name: string; parent: string | null }[]; edges: { from: string; to: string; kind: string }[] };
    assert.deepEqual(Object.keys(parsed), ['nodes', 'edges']);
    assert.deepEqual(parsed.nodes.map((n) => n.name), STATES);
    assert.ok(parsed.edges.some((e) => e.from === 'Fulfil/1/ChargePayment' && e.to === 'Fulfil/1/PaymentDeclined' && e.kind === 'catch'));
  });

  test('svg is a standalone picture naming every state', async () => {
    const r = await graph([EXAMPLE, '--format', 'svg']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(r.out.trimEnd().endsWith('</svg>'));
    for (const name of STATES) assert.ok(r.out.includes(`>${name}<`), name);
    assert.ok(r.out.includes('stroke-dasharray="6 4"'), 'the catch edge is dashed');
    assert.ok(!/href=|<script|url\(http/.test(r.out), 'nothing outside the file');
  });

  test('mermaid and dot', async () => {
    const m = await graph([EXAMPLE, '--format=mermaid']);
    assert.equal(m.code, 0);
    assert.match(m.out, /^flowchart TD\n/);
    assert.match(m.out, /subgraph n4\["Fulfil · Parallel"\]/);
    assert.match(m.out, /n7 -.->\|"CardDeclined"\| n8/);
    const d = await graph([EXAMPLE, '-f', 'dot']);
    assert.equal(d.code, 0);
    assert.match(d.out, /^digraph "order-processing.flow.yaml" \{/);
    assert.match(d.out, /subgraph cluster_n4 \{/);
    assert.match(d.out, /n7 -> n8 \[label="CardDeclined", style=dashed\];/);
  });

  test('a broken reference draws to a missing node', async (t) => {
    const dir = scratchDir(t, 'flowdeck-graph-');
    writeFileSync(join(dir, 'b.flow.yaml'), 'Type: StateMachine\nSpecVersion: v1\nName: b\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    Next: Nowhere\n');
    const r = await graph(['b.flow.yaml', '--format', 'mermaid'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /n1\["Nowhere \(missing\)"\]/);
    assert.match(r.out, /class n1 missing/);
    const j = await graph(['b.flow.yaml'], dir);
    assert.deepEqual((JSON.parse(j.out) as { edges: unknown[] }).edges, [{ from: 'A', to: 'Nowhere', kind: 'next', broken: true }]);
  });

  test('--output writes the file', async (t) => {
    const dir = scratchDir(t, 'flowdeck-graph-');
    const r = await graph([EXAMPLE, '-f', 'svg', '--output', join(dir, 'x.svg')]);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.match(readFileSync(join(dir, 'x.svg'), 'utf8'), /<svg/);
  });

  test('usage errors and files that are not flows', async () => {
    assert.equal((await graph([])).code, 2);
    assert.equal((await graph([EXAMPLE, '--format', 'png'])).code, 2);
    assert.equal((await graph([EXAMPLE, '--bogus'])).code, 2);
    const missing = await graph(['no-such.yaml']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read no-such.yaml/);
    const notFlow = await graph(['package.json']);
    assert.equal(notFlow.code, 1);
    assert.match(notFlow.err, /not a CloudFlow flow/);
    assert.match(readFileSync(join(ROOT, EXAMPLE), 'utf8'), /StartAt/);
  });

  test('a half-written flow is drawn as far as it reads, with a note; an empty one is refused', async (t) => {
    const dir = scratchDir(t, 'flowdeck-graph-');
    writeFileSync(join(dir, 'half.flow.yaml'), 'Type: StateMachine\nSpecVersion: v1\nName: half\nStartAt: A\nStates:\n  - Name: A\n    Type: Pass\n    Next: B\n  - Name: "B\n');
    const half = await flowdeck(['graph', 'half.flow.yaml', '--format', 'mermaid'], { cwd: dir });
    assert.equal(half.code, 0);
    assert.match(half.out, /n0\["A · Pass"\]/);
    assert.equal(half.err, 'flowdeck graph: half.flow.yaml has 1 syntax error(s); the graph shows what could be read (`flowdeck lint half.flow.yaml` lists them)\n');
    writeFileSync(join(dir, 'new.flow.yaml'), '');
    const empty = await flowdeck(['graph', 'new.flow.yaml'], { cwd: dir });
    assert.equal(empty.code, 1);
    assert.equal(empty.out, '');
    assert.match(empty.err, /new\.flow\.yaml is empty/);
  });
});
