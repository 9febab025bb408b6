// Version gating both ways and the semantic rules of Flow JSON, with exact codes and lines.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnostics, errors, lineOf, oneScreen } from './helpers';

const codes = (text: string): string[] => errors(text).map((d) => String(d.code));

describe('version gating', () => {
  const chips = { type: 'ChipsSelector', name: 'tags', label: 'Tags', 'data-source': [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] };
  test('a component newer than the file version is an error naming the version it needs', () => {
    const text = oneScreen('6.2', [chips]);
    const d = errors(text).find((x) => x.code === 'wa-needs-newer-version');
    assert.ok(d, 'expected a version error');
    assert.match(d.message, /ChipsSelector.*6\.3/);
    assert.equal(d.range.start.line, lineOf(text, '"ChipsSelector"'));
  });
  test('the same component at its version is accepted', () => {
    assert.deepEqual(codes(oneScreen('6.3', [chips])), []);
  });
  test('a property newer than the file version is an error on its key', () => {
    const input = { type: 'TextInput', name: 'code', label: 'Code', pattern: '^[0-9]+$', 'helper-text': 'Digits' };
    const text = oneScreen('6.1', [input]);
    const d = errors(text).find((x) => x.code === 'wa-needs-newer-version');
    assert.ok(d);
    assert.match(d.message, /'pattern'.*6\.2/);
    assert.equal(d.range.start.line, lineOf(text, '"pattern"'));
    assert.deepEqual(codes(oneScreen('6.2', [input])), []);
  });
  test('actions and enum values are gated too', () => {
    const link = { type: 'EmbeddedLink', text: 'Site', 'on-click-action': { name: 'open_url', url: 'https://example.com' } };
    assert.ok(codes(oneScreen('5.1', [link])).includes('wa-needs-newer-version'));
    assert.deepEqual(codes(oneScreen('6.0', [link])), []);
    const v4 = JSON.parse(oneScreen('7.2', [])) as Record<string, unknown>;
    v4['data_api_version'] = '4.0';
    assert.ok(codes(JSON.stringify(v4, null, 2)).includes('wa-needs-newer-version'));
  });
  test('data_channel_uri is refused from 3.0 and accepted before', () => {
    const withUri = (v: string) => JSON.stringify({ ...(JSON.parse(oneScreen(v, [])) as object), data_channel_uri: 'https://example.com' }, null, 2);
    assert.ok(codes(withUri('3.0')).includes('wa-removed-in-version'));
    assert.deepEqual(codes(withUri('2.1')), []);
  });
  test('an unknown version is an error and a frozen one only informs', () => {
    assert.ok(codes(oneScreen('9.9', [])).includes('wa-unsupported-version'));
    const frozen = diagnostics(oneScreen('3.1', []));
    assert.deepEqual(frozen.map((d) => [d.code, d.severity]), [['wa-frozen-version', 3]]);
  });
});

function twoScreens(firstFooterAction: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      version: '7.3',
      ...extra,
      screens: [
        { id: 'FIRST', title: 'First', layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Next', 'on-click-action': firstFooterAction }] } },
        { id: 'LAST', title: 'Last', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } },
      ],
    },
    null,
    2,
  );
}

describe('screens and navigation', () => {
  const go = (name: string) => ({ name: 'navigate', next: { type: 'screen', name }, payload: {} });
  test('a valid two-screen flow is clean', () => {
    assert.deepEqual(codes(twoScreens(go('LAST'))), []);
  });
  test('navigate to a missing screen suggests the right one', () => {
    const text = twoScreens(go('LASTT'));
    const d = errors(text).find((x) => x.code === 'wa-unknown-screen');
    assert.ok(d);
    assert.match(d.message, /Did you mean 'LAST'/);
    assert.equal(d.range.start.line, lineOf(text, '"LASTT"'));
  });
  test('navigating to the same screen is refused', () => {
    assert.ok(codes(twoScreens(go('FIRST'))).includes('wa-same-screen-navigation'));
  });
  test('duplicate, reserved and malformed screen ids', () => {
    const flow = JSON.parse(twoScreens(go('LAST'))) as { screens: { id: string }[] };
    (flow.screens[1] as { id: string }).id = 'FIRST';
    assert.ok(codes(JSON.stringify(flow)).includes('wa-duplicate-screen-id'));
    (flow.screens[1] as { id: string }).id = 'success';
    assert.ok(codes(JSON.stringify(flow)).includes('wa-reserved-screen-id'));
    (flow.screens[1] as { id: string }).id = 'STEP_2';
    assert.ok(codes(JSON.stringify(flow)).includes('wa-invalid-screen-id'));
  });
  test('at most 100 screens in a flow', () => {
    const screen = (i: number) => ({ id: `S_${'ABCDEFGHIJ'[Math.floor(i / 10)]}${'ABCDEFGHIJ'[i % 10]}`, title: 'S', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } });
    const flow = (n: number) => JSON.stringify({ version: '7.3', screens: Array.from({ length: n }, (_, i) => screen(i)) });
    assert.ok(!codes(flow(100)).includes('wa-item-count'));
    const over = errors(flow(100).replace(/]}$/, `,${JSON.stringify({ ...screen(0), id: 'EXTRA' })}]}`)).filter((d) => d.code === 'wa-item-count');
    assert.equal(over.length, 1);
    assert.match(over[0]!.message, /Maximum number of screens allowed per Flow is 100 but found 101/);
  });
  test('a terminal screen needs a Footer and its Footer must not navigate', () => {
    const noFooter = JSON.stringify({ version: '7.3', screens: [{ id: 'A', title: 'A', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: 'Hi' }] } }] });
    assert.ok(codes(noFooter).includes('wa-terminal-footer'));
    const flow = JSON.parse(twoScreens(go('LAST'))) as { screens: { terminal?: boolean }[] };
    (flow.screens[0] as { terminal?: boolean }).terminal = true;
    assert.ok(codes(JSON.stringify(flow)).includes('wa-terminal-navigates'));
  });
  test('complete only on terminal screens', () => {
    assert.ok(codes(twoScreens({ name: 'complete', payload: {} })).includes('wa-invalid-action'));
  });
  test('per-screen counts: two Footers, three EmbeddedLinks', () => {
    const footer = { type: 'Footer', label: 'Again', 'on-click-action': { name: 'complete', payload: {} } };
    assert.ok(codes(oneScreen('7.3', [footer])).includes('wa-component-count'));
    const link = { type: 'EmbeddedLink', text: 'Link', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'START' }, payload: {} } };
    const text = oneScreen('7.3', [link, link, link]);
    assert.ok(errors(text).some((d) => d.code === 'wa-component-count' && /EmbeddedLink.*2/.test(d.message)));
  });
  test('more than 50 components on a screen', () => {
    const many = Array.from({ length: 50 }, () => ({ type: 'TextBody', text: 'x' }));
    assert.ok(codes(oneScreen('7.3', many)).includes('wa-component-count'));
    assert.deepEqual(codes(oneScreen('7.3', many.slice(1))), []);
  });
});

describe('routing_model', () => {
  const go = { name: 'data_exchange', payload: {} };
  const withRouting = (routing: Record<string, string[]>) => twoScreens(go, { data_api_version: '3.0', routing_model: routing });
  test('a forward route to a terminal screen is clean', () => {
    assert.deepEqual(codes(withRouting({ FIRST: ['LAST'], LAST: [] })), []);
  });
  test('unknown screens, self routes, backward routes and no entry screen', () => {
    assert.ok(codes(withRouting({ FIRST: ['LASST'], LAST: [] })).includes('wa-routing-model'));
    assert.ok(errors(withRouting({ FIRST: ['FIRST', 'LAST'], LAST: [] })).some((d) => /own screen/.test(d.message)));
    assert.ok(errors(withRouting({ FIRST: ['LAST'], LAST: ['FIRST'] })).some((d) => /Backward route/.test(d.message)));
  });
  test('more than 10 branches', () => {
    const targets = Array.from({ length: 11 }, () => 'LAST');
    assert.ok(errors(withRouting({ FIRST: targets, LAST: [] })).some((d) => /max limit of 10/.test(d.message)));
  });
  test('a navigate action needs its route', () => {
    const text = twoScreens({ name: 'navigate', next: { type: 'screen', name: 'LAST' }, payload: {} }, { data_api_version: '3.0', routing_model: { FIRST: [], LAST: [] } });
    assert.ok(errors(text).some((d) => /Missing direct route/.test(d.message)));
  });
});

describe('data and form references', () => {
  const screenData = { data: { name: { type: 'string', __example__: 'Ana' }, age: { type: 'number', __example__: 3 } } };
  test('declared data and form fields resolve', () => {
    const input = { type: 'TextInput', name: 'email', label: 'Email' };
    const text = oneScreen('7.3', [input, { type: 'TextBody', text: '${data.name}' }, { type: 'TextBody', text: '${form.email}' }], screenData);
    assert.deepEqual(codes(text), []);
  });
  test('undeclared data, unknown form field and a data field without __example__', () => {
    assert.ok(codes(oneScreen('7.3', [{ type: 'TextBody', text: '${data.nme}' }], screenData)).includes('wa-undeclared-data'));
    assert.ok(codes(oneScreen('7.3', [{ type: 'TextBody', text: '${form.nothing}' }])).includes('wa-unknown-form-field'));
    assert.ok(codes(oneScreen('7.3', [], { data: { x: { type: 'string' } } })).includes('wa-data-model'));
  });
  test('global references need 4.0 and an existing screen and field', () => {
    const ref = (v: string, text: string) => oneScreen(v, [{ type: 'TextBody', text }], screenData);
    assert.deepEqual(codes(ref('7.3', '${screen.START.data.name}')), []);
    assert.ok(codes(ref('3.1', '${screen.START.data.name}')).includes('wa-needs-newer-version'));
    assert.ok(codes(ref('7.3', '${screen.NOPE.data.name}')).includes('wa-unknown-screen'));
    assert.ok(codes(ref('7.3', '${screen.START.data.nope}')).includes('wa-undeclared-data'));
  });
});

describe('If, Switch and expressions', () => {
  const input = { type: 'TextInput', name: 'age', label: 'Age', 'input-type': 'number' };
  const iff = (condition: string) => ({ type: 'If', condition, then: [{ type: 'TextBody', text: 'Adult' }] });
  test('valid and invalid If conditions', () => {
    assert.deepEqual(codes(oneScreen('7.3', [input, iff('${form.age} > 18')])), []);
    assert.ok(codes(oneScreen('7.3', [input, iff('${form.age} >')])).includes('condition-syntax'));
    assert.ok(codes(oneScreen('7.3', [input, iff('1 == 1')])).includes('condition-syntax'));
    assert.ok(codes(oneScreen('7.3', [input, iff('${form.age} + 1 > 2')])).includes('condition-syntax'));
  });
  test('If needs 4.0; Footer in one branch needs one in the other', () => {
    assert.ok(codes(oneScreen('3.1', [{ type: 'Form', name: 'f', children: [input, iff('${form.age} > 18')] }])).includes('wa-needs-newer-version'));
    const footer = { type: 'Footer', label: 'Go', 'on-click-action': { name: 'complete', payload: {} } };
    const text = JSON.stringify({ version: '7.3', screens: [{ id: 'A', title: 'A', terminal: true, layout: { type: 'SingleColumnLayout', children: [input, { type: 'If', condition: '${form.age} > 18', then: [footer] }] } }] });
    assert.ok(errors(text).some((d) => d.code === 'wa-if-switch'));
  });
  test('Switch cases cannot be empty and If nests at most 3 deep', () => {
    assert.ok(codes(oneScreen('7.3', [input, { type: 'Switch', value: '${form.age}', cases: {} }])).includes('wa-if-switch'));
    const deep = iff('${form.age} > 1');
    const nest = (c: object) => ({ ...iff('${form.age} > 1'), then: [c] });
    assert.ok(codes(oneScreen('7.3', [input, nest(nest(nest(deep)))])).includes('wa-if-switch'));
    assert.deepEqual(codes(oneScreen('7.3', [input, nest(nest(deep))])), []);
  });
  test('nested expressions (6.0+): syntax and types', () => {
    const body = (visible: string) => ({ type: 'TextBody', text: 'x', visible });
    assert.deepEqual(codes(oneScreen('6.0', [input, body('`${form.age} > 18`')])), []);
    assert.ok(codes(oneScreen('6.0', [input, body('`${form.age} > `')])).includes('expression-syntax'));
    assert.ok(codes(oneScreen('6.0', [input, body("`${form.age} == 'x'`")])).includes('expression-syntax'));
    assert.ok(codes(oneScreen('6.0', [input, body('`${form.age} > 1 ? true : false`')])).includes('expression-syntax'));
  });
});

describe('shape', () => {
  test('unknown component with a suggestion, missing required property, enum value', () => {
    const text = oneScreen('7.3', [{ type: 'TextHeadng', text: 'x' }]);
    const d = errors(text).find((x) => x.code === 'invalid-value');
    assert.ok(d);
    assert.match(d.message, /Did you mean 'TextHeading'/);
    assert.ok(codes(oneScreen('7.3', [{ type: 'TextInput', label: 'x' }])).includes('missing-property'));
    assert.ok(codes(oneScreen('7.3', [{ type: 'TextInput', name: 'n', label: 'x', 'input-type': 'digits' }])).includes('invalid-value'));
  });
  test('null values and blank strings (6.0+)', () => {
    assert.ok(codes(oneScreen('7.3', [{ type: 'TextBody', text: null }])).includes('wrong-type'));
    assert.ok(codes(oneScreen('6.0', [{ type: 'TextBody', text: ' ' }])).includes('wa-blank-string'));
    assert.deepEqual(codes(oneScreen('5.1', [{ type: 'TextBody', text: ' ' }])), []);
  });
  test('character limits warn', () => {
    const d = diagnostics(oneScreen('7.3', [{ type: 'TextHeading', text: 'x'.repeat(81) }])).find((x) => x.code === 'wa-too-long');
    assert.ok(d);
    assert.equal(d.severity, 2);
  });
  test('half-written documents never throw', () => {
    const text = oneScreen('7.3', [{ type: 'TextInput', name: 'a', label: 'b' }]);
    for (let i = 0; i < text.length; i += 7) assert.doesNotThrow(() => diagnostics(text.slice(0, i)));
  });
});

describe('rules between properties', () => {
  const screens = (payload: Record<string, string>, data: Record<string, unknown>, version = '7.3') =>
    JSON.stringify({
      version,
      screens: [
        { id: 'A', title: 'A', layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Go', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'B' }, payload } }] } },
        { id: 'B', title: 'B', terminal: true, data, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } },
      ],
    });
  test('navigate payload must match the next screen data (7.3)', () => {
    const data = { name: { type: 'string', __example__: 'x' } };
    assert.deepEqual(codes(screens({ name: 'Ana' }, data)), []);
    assert.ok(errors(screens({}, data)).some((d) => /missing in payload: \[name\]/.test(d.message)));
    assert.ok(errors(screens({ name: 'Ana', extra: '1' }, data)).some((d) => /missing in the next screen's data model: \[extra\]/.test(d.message)));
    assert.deepEqual(codes(screens({}, data, '6.0')), [], 'not checked from 6.0 to 7.2');
  });
  test('min greater than max, and Footer captions', () => {
    const group = { type: 'CheckboxGroup', name: 'g', label: 'G', 'data-source': [{ id: 'a', title: 'A' }], 'min-selected-items': 3, 'max-selected-items': 2 };
    assert.ok(codes(oneScreen('7.3', [group])).includes('wa-out-of-range'));
    const footer = JSON.parse(oneScreen('7.3', [])) as { screens: { layout: { children: Record<string, unknown>[] } }[] };
    const f = footer.screens[0]?.layout.children[0] as Record<string, unknown>;
    f['left-caption'] = 'Left';
    assert.ok(codes(JSON.stringify(footer)).includes('missing-property'));
    f['right-caption'] = 'Right';
    assert.deepEqual(codes(JSON.stringify(footer)), []);
    f['center-caption'] = 'Centre';
    assert.ok(codes(JSON.stringify(footer)).includes('invalid-value'));
  });
});

describe('NavigationList rules', () => {
  const item = (id: string, extra: Record<string, unknown> = {}) => ({ id, 'main-content': { title: id }, ...extra });
  const screen = (list: Record<string, unknown>) =>
    JSON.stringify({
      version: '6.2',
      screens: [
        { id: 'MENU', title: 'Menu', layout: { type: 'SingleColumnLayout', children: [{ type: 'NavigationList', name: 'menu', ...list }] } },
        { id: 'DONE', title: 'Done', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } },
      ],
    });
  const go = { name: 'navigate', next: { type: 'screen', name: 'DONE' }, payload: {} };
  test('a valid list, and the action on both levels', () => {
    assert.deepEqual(codes(screen({ 'list-items': [item('a'), item('b')], 'on-click-action': go })), []);
    assert.ok(errors(screen({ 'list-items': [item('a', { 'on-click-action': go })], 'on-click-action': go })).some((d) => /not both/.test(d.message)));
    assert.ok(errors(screen({ 'list-items': [item('a')] })).some((d) => /on-click-action' is missing/.test(d.message)));
  });
  test('one badge at most; end add-on rules', () => {
    assert.ok(errors(screen({ 'list-items': [item('a', { badge: 'New' }), item('b', { badge: 'Hot' })], 'on-click-action': go })).some((d) => /badge/.test(d.message)));
    assert.ok(errors(screen({ 'list-items': [item('a', { end: { title: '1', description: '2', metadata: '3' } })], 'on-click-action': go })).some((d) => /at most 2/.test(d.message)));
    assert.ok(errors(screen({ 'list-items': [item('a', { end: { title: '1' } })], 'media-size': 'large', 'on-click-action': go })).some((d) => /large/.test(d.message)));
  });
});
