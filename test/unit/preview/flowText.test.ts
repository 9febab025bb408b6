// The client's reading of Flow JSON text for the preview: screens and components by offset,
// diagnostics mapped to the innermost component, pointers back to text ranges.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { issuesBySpan, rangeOfPointer, readFlowText, spanAt } from '../../../webview/preview/flowText';

const text = `{
  "version": "7.3",
  "screens": [
    { "id": "A", "layout": { "children": [
      { "type": "TextBody", "text": "one" },
      { "type": "If", "condition": "\${form.x}", "then": [ { "type": "TextBody", "text": "inner" } ] }
    ] } },
    { "id": "B", "layout": { "children": [ { "type": "Switch", "value": "\${form.y}", "cases": { "a/b": [ { "type": "TextBody", "text": "case" } ] } } ] } }
  ]
}`;

describe('flow text for the preview', () => {
  const flow = readFlowText(text);
  test('parses and lists screens and every component by pointer', () => {
    assert.equal(flow.parseError, undefined);
    assert.deepEqual(flow.spans.map((s) => `${s.screenId} ${s.pointer}`), [
      'A /screens/0',
      'A /screens/0/layout/children/0',
      'A /screens/0/layout/children/1',
      'A /screens/0/layout/children/1/then/0',
      'B /screens/1',
      'B /screens/1/layout/children/0',
      'B /screens/1/layout/children/0/cases/a~1b/0',
    ]);
  });
  test('an offset finds the innermost component', () => {
    assert.equal(spanAt(flow.spans, text.indexOf('inner'))?.pointer, '/screens/0/layout/children/1/then/0');
    assert.equal(spanAt(flow.spans, text.indexOf('"condition"'))?.pointer, '/screens/0/layout/children/1');
    assert.equal(spanAt(flow.spans, text.indexOf('"id": "B"'))?.pointer, '/screens/1');
    assert.equal(spanAt(flow.spans, text.indexOf('"version"')), undefined);
  });
  test('diagnostics go to the component they start in; outside every screen to the whole flow', () => {
    const issues = issuesBySpan(flow.spans, [
      { offset: text.indexOf('"case"'), message: 'm1' },
      { offset: text.indexOf('"id": "A"'), message: 'm2' },
      { offset: text.indexOf('"version"'), message: 'm3' },
    ]);
    assert.deepEqual(issues, { '/screens/1/layout/children/0/cases/a~1b/0': ['m1'], '/screens/0': ['m2'], '': ['m3'] });
  });
  test('a pointer maps back to its text', () => {
    const r = rangeOfPointer(text, '/screens/0/layout/children/1/then/0');
    assert.ok(r);
    assert.equal(text.slice(r.offset, r.offset + r.length), '{ "type": "TextBody", "text": "inner" }');
  });
  test('half-typed JSON still reads, with the first syntax error and its position', () => {
    const half = readFlowText('{ "screens": [ { "id": "A", "title": "T" ');
    assert.match(half.parseError ?? '', /^1:\d+ /);
    assert.equal(half.spans[0]?.screenId, 'A');
  });
});
