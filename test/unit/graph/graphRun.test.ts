// The run drawn on the graph: statuses and notes per node, iteration counts, the path taken, and
// each state's input and output, from history events.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOnGraph } from '../../../client/src/graph/graphRun';
import { docOf, service } from '../fdl/helpers';

const labels = {
  running: 'running', runs: (n: number) => `${n} runs`, failed: 'failed', didNotFinish: 'did not finish',
  iterations: (n: number) => `${n} iterations`, branches: (a: number, b: number) => `${a} of ${b} branches`,
};
let id = 0;
const at = (ms: number) => new Date(Date.UTC(2026, 10, 23, 9, 0, 0, ms)).toISOString();
const ev = (Type: string, StepName: string, ms: number, EventDetail?: unknown) => ({ EventId: ++id, Type, StepName, Time: at(ms), EventDetail });

const graph = service().graph(docOf(readFileSync(join(import.meta.dirname, '../../../examples/order-processing.flow.yaml'), 'utf8')));

describe('a run on the graph', () => {
  test('mid-run: done states succeeded, the waiting one running, the rest not reached', () => {
    const events = [
      ev('ExecutionStarted', '', 0),
      ev('StepEntered', 'CheckOrder', 1, { input: { customerId: 'c-1' } }), ev('StepSucceeded', 'CheckOrder', 2, { output: { ok: true } }), ev('StepExited', 'CheckOrder', 2),
      ev('StepEntered', 'PriceLines', 3),
      ev('StepEntered', 'PriceLine', 4), ev('StepExited', 'PriceLine', 5), ev('StepEntered', 'PriceLine', 6), ev('StepExited', 'PriceLine', 7),
      ev('StepExited', 'PriceLines', 8),
      ev('StepEntered', 'Fulfil', 9), ev('StepEntered', 'ReserveStock', 10), ev('StepExited', 'ReserveStock', 11), ev('StepEntered', 'AwaitWarehouse', 12),
    ];
    const run = runOnGraph(graph, events, 'exec-1', 'running', labels);
    assert.equal(run.nodes['CheckOrder']!.status, 'succeeded');
    assert.equal(run.nodes['CheckOrder']!.input, '{\n  "customerId": "c-1"\n}');
    assert.equal(run.nodes['CheckOrder']!.output, '{\n  "ok": true\n}');
    assert.equal(run.nodes['Fulfil/0/AwaitWarehouse']!.status, 'running');
    assert.equal(run.nodes['Confirm']!.status, 'notReached');
    assert.equal(run.nodes['RejectOrder']!.status, 'notReached');
    assert.match(run.nodes['PriceLines']!.note, /· 2 iterations$/);
    assert.match(run.nodes['Fulfil']!.note, /· 1 of 2 branches$/);
    const taken = run.taken.map((i) => `${graph.edges[i]!.from}->${graph.edges[i]!.to}`);
    assert.deepEqual(taken.sort(), ['CheckOrder->PriceLines', 'Fulfil/0/ReserveStock->Fulfil/0/AwaitWarehouse', 'PriceLines->Fulfil']);
  });
  test('a failed state carries its error as output', () => {
    const run = runOnGraph(graph, [ev('StepEntered', 'ChargePayment', 0), ev('StepFailed', 'ChargePayment', 1, '{"error":"CardDeclined","cause":"no funds"}')], 'e', 'failed', labels);
    assert.equal(run.nodes['Fulfil/1/ChargePayment']!.status, 'failed');
    assert.match(run.nodes['Fulfil/1/ChargePayment']!.note, /CardDeclined/);
    assert.match(run.nodes['Fulfil/1/ChargePayment']!.output ?? '', /"error": "CardDeclined"/);
  });
});
