// Lines to states: keys that tell branches apart, innermost state wins, legacy choices share
// their step's scope; and the Debug Console's event lines equal the tail's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/service/languageService';
import { StateMap } from '../../../debug/src/stateMap';
import { eventLine } from '../../../debug/src/eventLine';
import { parseHitCondition } from '../../../debug/src/breakpoints';
import type { HistoryEvent } from '../../../emulator/src/engine';
import { FIXTURES, lineOf, ORDER_FLOW } from './support';

function mapOf(path: string, text = readFileSync(path, 'utf8')): StateMap {
  const doc = TextDocument.create(`file://${path}`, 'yaml', 1, text);
  return StateMap.fromAnalysed(createLanguageService().analyse(doc));
}

describe('state map', () => {
  test('keys name the branch or processor a state sits in; a line resolves to the innermost state', () => {
    const map = mapOf(ORDER_FLOW);
    assert.deepEqual(
      map.states.map((s) => s.key),
      [
        'CheckOrder',
        'RejectOrder',
        'PriceLines',
        'PriceLines/*/PriceLine',
        'Fulfil',
        'Fulfil/0/ReserveStock',
        'Fulfil/0/AwaitWarehouse',
        'Fulfil/1/ChargePayment',
        'Fulfil/1/PaymentDeclined',
        'Confirm',
      ],
    );
    const inRetry = lineOf(ORDER_FLOW, 'MaxAttempts: 3') - 1;
    assert.equal(map.stateAtLine(inRetry)?.key, 'Fulfil/1/ChargePayment');
    const branchHeader = lineOf(ORDER_FLOW, 'StartAt: ChargePayment') - 1;
    assert.equal(map.stateAtLine(branchHeader)?.key, 'Fulfil');
    assert.equal(map.stateAtLine(0), undefined);
    const charge = map.get('Fulfil/1/ChargePayment')!;
    assert.equal(charge.firstLine, lineOf(ORDER_FLOW, 'Name: ChargePayment') - 2);
  });

  test('legacy: parallel branches by index, foreach by *, a choice\'s steps in the choice\'s own scope', () => {
    const text = [
      'version: v1',
      'type: flow',
      'steps:',
      '  - type: choice',
      '    name: pick',
      '    choices:',
      '      - condition: $.a > 1',
      '        steps:',
      '          - type: pass',
      '            name: big',
      '  - type: parallel',
      '    name: fan',
      '    branches:',
      '      - steps:',
      '          - type: pass',
      '            name: left',
      '      - steps:',
      '          - type: foreach',
      '            name: each',
      '            iterationMapping:',
      '              collection: $.list',
      '              item: x',
      '            steps:',
      '              - type: pass',
      '                name: inner',
    ].join('\n');
    const map = mapOf(join(FIXTURES, 'inline.flow.yaml'), text);
    assert.deepEqual(map.states.map((s) => s.key).sort(), ['big', 'fan', 'fan/0/left', 'fan/1/each', 'fan/1/each/*/inner', 'pick'].sort());
  });

  test('hit conditions', () => {
    const cases: [string, number[]][] = [
      ['3', [3, 4]],
      ['>=3', [3, 4]],
      ['>3', [4]],
      ['==3', [3]],
      ['<3', [1, 2]],
      ['%2', [2, 4]],
    ];
    for (const [text, hits] of cases) {
      const test = parseHitCondition(text)!;
      assert.deepEqual([1, 2, 3, 4].filter(test), hits, text);
    }
    assert.equal(parseHitCondition('often'), undefined);
  });
});

describe('Debug Console lines', () => {
  test('are the tail output panel\'s lines', () => {
    const events: HistoryEvent[] = [
      { EventId: 1, ScheduleEventId: 0, Type: 'ExecutionStarted', StepName: '', Time: '2026-01-02T03:04:05.678Z', EventDetail: '{"input":{"a":1}}' },
      { EventId: 2, ScheduleEventId: 1, Type: 'StepEntered', StepName: 'CheckOrder', Time: '2026-01-02T03:04:05.679Z', EventDetail: '{"input":{"customerId":"c"}}' },
      { EventId: 3, ScheduleEventId: 2, Type: 'TaskFailed', StepName: 'Pay', Time: '2026-01-02T03:04:05.680Z', EventDetail: '{"error":"CardDeclined","cause":"declined"}' },
      { EventId: 4, ScheduleEventId: 3, Type: 'StepExited', StepName: 'Big', Time: '2026-01-02T03:04:05.681Z', EventDetail: JSON.stringify({ output: { text: 'x'.repeat(300) } }) },
      { EventId: 5, ScheduleEventId: 4, Type: 'TaskStarted', StepName: 'Pay', Time: '2026-01-02T03:04:05.682Z', EventDetail: '{}' },
    ];
    assert.equal(eventLine(events[2]!), '03:04:05.680  TaskFailed           Pay  CardDeclined: declined');
  });
});
