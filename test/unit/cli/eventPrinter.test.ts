// The lines `flowdeck run`, `start --tail` and `tail` print are the editor tail's: each event as
// formatEventLine has it, then formatSummary's lines with the editor's labels.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEventLine, type PrintableEvent } from '../../../cloud/src/fnf/eventFormat';
import { EventPrinter } from '../../../cli/src/execution/eventPrinter';

const started: PrintableEvent = { EventId: 1, Type: 'ExecutionStarted', StepName: '', Time: '2026-01-02T03:04:05.100Z', EventDetail: '{"input":{"a":1}}' };
const failed: PrintableEvent = {
  EventId: 2, Type: 'ExecutionFailed', StepName: '', Time: '2026-01-02T03:04:07.600Z', EventDetail: '{"error":"Boom","cause":"it broke"}',
};

function printed(run: (p: EventPrinter) => number): { code: number; lines: string[] } {
  let text = '';
  const code = run(new EventPrinter((t) => (text += t)));
  return { code, lines: text.trimEnd().split('\n') };
}

describe('EventPrinter', () => {
  test('a succeeded execution: event lines, then status, pretty output and duration; exit 0', () => {
    const { code, lines } = printed((p) => {
      p.event(started);
      return p.end({ Status: 'Succeeded', Output: '{"ok":true}', StartedTime: started.Time, StoppedTime: '2026-01-02T03:04:05.950Z' });
    });
    assert.equal(code, 0);
    assert.deepEqual(lines, [formatEventLine(started), 'Status: Succeeded', 'Output:', '{', '  "ok": true', '}', 'Duration: 850 ms']);
  });

  test('a record still saying Running after the terminal event ends as the history says, with its error and cause; exit 1', () => {
    const { code, lines } = printed((p) => {
      p.event(started);
      p.event(failed);
      return p.end({ Status: 'Running' });
    });
    assert.equal(code, 1);
    assert.deepEqual(lines, [formatEventLine(started), formatEventLine(failed), 'Status: Failed', 'Error: Boom', 'Cause: it broke', 'Duration: 2.5 s']);
  });
});
