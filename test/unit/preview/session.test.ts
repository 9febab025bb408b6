// Clicking through a flow without a DOM: navigate with its payload, back, complete, data_exchange
// answered from saved or written responses, update_data, and edits that keep the current screen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { JsonObject } from '../../../webview/preview/render/json';
import { NO_ROUTING, screenRouting, type Routing } from '../../../webview/preview/render/routing';
import { PreviewSession } from '../../../webview/preview/session';
import { docOf, service } from '../fdl/helpers';

const example = JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/whatsapp/book-a-table.wa-flow.json'), 'utf8')) as JsonObject;
const ls = service();
/** The routing the panel gets with a flow: the language service's screen graph of the same text. */
const routingOf = (flow: JsonObject): Routing => screenRouting(ls.graph(docOf(JSON.stringify(flow, null, 2), 'x.json', 'whatsapp-flow')));
const why = { notJson: 'not json', invalid: 'invalid' };

const exchangeFlow: JsonObject = {
  version: '7.3',
  routing_model: { ASK: ['RESULT'], RESULT: [] },
  screens: [
    { id: 'ASK', title: 'Ask', data: { city: { type: 'string', __example__: 'Porto' } }, layout: { type: 'SingleColumnLayout', children: [
      { type: 'TextInput', name: 'q', label: 'Q' },
      { type: 'Dropdown', name: 'd', label: 'D', 'data-source': [{ id: 'x', title: 'X' }], 'on-select-action': { name: 'update_data', payload: { city: 'Braga' } } },
      { type: 'Footer', label: 'Ask', 'on-click-action': { name: 'data_exchange', payload: { q: '${form.q}', city: '${data.city}' } } },
    ] } },
    { id: 'RESULT', title: 'Result', terminal: true, data: { answer: { type: 'string', __example__: 'example answer' } }, layout: { type: 'SingleColumnLayout', children: [
      { type: 'TextBody', text: '${data.answer}' },
      { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: { a: '${data.answer}' } } },
    ] } },
  ],
};

describe('preview session', () => {
  test('starts on the entry screen with its example data', () => {
    const s = new PreviewSession();
    s.setFlow(example, {}, routingOf(example));
    assert.equal(s.current()?.screenId, 'BOOKING');
    assert.deepEqual(s.current()?.data, { restaurant: 'Casa Ana' });
  });

  test('navigate carries the payload from the form; empty fields leave the examples; back returns', () => {
    const s = new PreviewSession();
    s.setFlow(example, {}, routingOf(example));
    s.setField('guests', '5');
    s.runAction('/screens/0/layout/children/4/on-click-action');
    assert.equal(s.current()?.screenId, 'CONFIRM');
    assert.deepEqual(s.current()?.data, { guests: '5', day: '2026-12-24' });
    assert.equal(s.canGoBack(), true);
    s.back();
    assert.equal(s.current()?.screenId, 'BOOKING');
    assert.equal(s.current()?.form['guests'], '5');
  });

  test('complete shows its resolved payload', () => {
    const s = new PreviewSession();
    s.setFlow(example, {}, routingOf(example));
    s.show('CONFIRM');
    s.setField('reminder', true);
    s.runAction('/screens/1/layout/children/2/on-click-action');
    assert.deepEqual(s.overlay, { kind: 'complete', payload: { guests: 2, day: '2026-12-24', reminder: true } });
  });

  test('data_exchange shows the payload and proposes the saved response; sending it moves on', () => {
    const s = new PreviewSession();
    s.setFlow(exchangeFlow, { ASK: { screen: 'RESULT', data: { answer: 'saved' } } }, routingOf(exchangeFlow));
    s.setField('q', 'hello');
    s.runAction('/screens/0/layout/children/2/on-click-action');
    assert.equal(s.overlay?.kind, 'dataExchange');
    assert.deepEqual(s.overlay?.kind === 'dataExchange' && s.overlay.payload, { q: 'hello', city: 'Porto' });
    assert.match(s.overlay?.kind === 'dataExchange' ? s.overlay.response : '', /"answer": "saved"/);
    assert.equal(s.answer(s.overlay?.kind === 'dataExchange' ? s.overlay.response : '', why), true);
    assert.equal(s.current()?.screenId, 'RESULT');
    assert.equal(s.current()?.data['answer'], 'saved');
  });

  test('without a saved response the proposal goes to the first route with its examples', () => {
    const s = new PreviewSession();
    s.setFlow(exchangeFlow, {}, routingOf(exchangeFlow));
    s.runAction('/screens/0/layout/children/2/on-click-action');
    const proposal = JSON.parse(s.overlay?.kind === 'dataExchange' ? s.overlay.response : '{}') as unknown;
    assert.deepEqual(proposal, { screen: 'RESULT', data: { answer: 'example answer' } });
  });

  test('a written response that is not JSON or names no screen is refused with the reason; SUCCESS completes', () => {
    const s = new PreviewSession();
    s.setFlow(exchangeFlow, {}, routingOf(exchangeFlow));
    s.runAction('/screens/0/layout/children/2/on-click-action');
    assert.equal(s.answer('{ nope', why), false);
    assert.equal(s.overlay?.kind === 'dataExchange' && s.overlay.error, 'not json');
    assert.equal(s.answer('{"screen":"ELSEWHERE"}', why), false);
    assert.equal(s.overlay?.kind === 'dataExchange' && s.overlay.error, 'invalid');
    assert.equal(s.answer('{"screen":"SUCCESS","data":{"extension_message_response":{"params":{"flow_token":"t","ok":1}}}}', why), true);
    assert.deepEqual(s.overlay, { kind: 'complete', payload: { flow_token: 't', ok: 1 } });
  });

  test('a tapped Markdown link shows where it would go', () => {
    const s = new PreviewSession();
    s.setFlow(exchangeFlow, {}, routingOf(exchangeFlow));
    s.openUrl('https://example.com/terms');
    assert.deepEqual(s.overlay, { kind: 'openUrl', url: 'https://example.com/terms' });
    s.back();
    assert.equal(s.overlay, undefined);
  });

  test('update_data changes the current screen data in place', () => {
    const s = new PreviewSession();
    s.setFlow(exchangeFlow, {}, routingOf(exchangeFlow));
    s.runAction('/screens/0/layout/children/1/on-select-action');
    assert.equal(s.current()?.screenId, 'ASK');
    assert.equal(s.current()?.data['city'], 'Braga');
  });

  test('a new version of the text keeps the screen and the form; a removed screen falls back to the entry', () => {
    const s = new PreviewSession();
    s.setFlow(example, {}, routingOf(example));
    s.setField('guests', '3');
    const again = JSON.parse(JSON.stringify(example)) as JsonObject;
    s.setFlow(again, {}, routingOf(again));
    assert.equal(s.current()?.form['guests'], '3');
    s.show('CONFIRM');
    const bookingOnly = { ...example, screens: [(example['screens'] as JsonObject[])[0] as JsonObject] };
    s.setFlow(bookingOnly, {}, routingOf(bookingOnly));
    assert.equal(s.current()?.screenId, 'BOOKING');
  });

  test('starts on the routing\'s entry even when it is not first in the file; the first screen while there is no graph yet', () => {
    const screens = (example['screens'] as JsonObject[]).slice().reverse();
    const reversed = { ...example, screens };
    const s = new PreviewSession();
    s.setFlow(reversed, {}, routingOf(reversed));
    assert.equal(s.current()?.screenId, 'BOOKING');
    const t = new PreviewSession();
    t.setFlow(reversed, {}, NO_ROUTING);
    assert.equal(t.current()?.screenId, 'CONFIRM');
  });
});
