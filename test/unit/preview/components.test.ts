// Each component's states on the phone: required, disabled, error text, init values, visibility.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonValue } from '../../../webview/preview/render/json';
import { componentHtml, render } from './helpers';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const options: JsonValue[] = [
  { id: 'a', title: 'Apple', description: 'Red' },
  { id: 'b', title: 'Banana', enabled: false },
];

describe('text components', () => {
  test('headings, body weight and strikethrough, caption', () => {
    const html = render([
      { type: 'TextHeading', text: 'Big' },
      { type: 'TextSubheading', text: 'Small' },
      { type: 'TextBody', text: 'Body', 'font-weight': 'bold_italic', strikethrough: true },
      { type: 'TextCaption', text: 'Fine print' },
    ]);
    assert.match(componentHtml(html, 0), /class="fd-heading" role="heading" aria-level="1">Big</);
    assert.match(componentHtml(html, 1), /class="fd-subheading"[^>]*>Small</);
    assert.match(componentHtml(html, 2), /class="fd-body fd-bold fd-italic fd-strike fd-pre">Body</);
    assert.match(componentHtml(html, 3), /class="fd-caption fd-pre">Fine print</);
  });
  test('markdown on TextBody: bold, italic, strike, links and lists; no headings outside RichText', () => {
    const html = render([{ type: 'TextBody', markdown: true, text: ['# Not a heading', '**b** *i* ~~s~~ [site](https://x.y)', '1. one', '2. two', '- dot'] }], { version: '5.1' });
    assert.match(html, /# Not a heading/);
    assert.match(html, /<strong>b<\/strong> <em>i<\/em> <s>s<\/s> <a class="fd-link" data-url="https:\/\/x.y"/);
    assert.match(html, /<ol class="fd-md-list"><li>one<\/li><li>two<\/li><\/ol><ul class="fd-md-list"><li>dot<\/li><\/ul>/);
  });
  test('RichText: headings, a table and a base64 image', () => {
    const html = render([{ type: 'RichText', text: ['# Title', '## Sub', '| A | B |', '|---|---|', '| 1 | 2 |', `![dot](data:image/png;base64,${PNG})`] }]);
    assert.match(html, /<div class="fd-heading" role="heading" aria-level="1">Title<\/div><div class="fd-subheading" role="heading" aria-level="2">Sub/);
    assert.match(html, /<thead><tr><th>A<\/th><th>B<\/th><\/tr><\/thead><tbody><tr><td>1<\/td><td>2<\/td><\/tr><\/tbody>/);
    assert.match(html, /<img class="fd-md-image" src="data:image\/png;base64,iVBOR[^"]*" alt="dot">/);
  });
  test('a base64 image inside a RichText paragraph shows inline; TextBody keeps it as text', () => {
    const line = `See ![dot](data:image/png;base64,${PNG}) here`;
    assert.match(render([{ type: 'RichText', text: line }]), /See <img class="fd-md-image" src="data:image\/png;base64,iVBOR[^"]*" alt="dot"> here/);
    assert.doesNotMatch(render([{ type: 'TextBody', markdown: true, text: line }], { version: '5.1' }), /<img/);
  });
  test('a RichText image from the network is not loaded', () => {
    const html = render([{ type: 'RichText', text: '![logo](https://example.com/a.png)' }]);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /fd-image-missing/);
  });
});

describe('text entry', () => {
  test('required field has no "(optional)"; an optional one has it', () => {
    const html = render([
      { type: 'TextInput', name: 'a', label: 'Name', required: true },
      { type: 'TextInput', name: 'b', label: 'Nick' },
    ]);
    assert.doesNotMatch(componentHtml(html, 0), /fd-optional/);
    assert.match(componentHtml(html, 0), /aria-required="true"/);
    assert.match(componentHtml(html, 1), /Nick <span class="fd-optional">\(optional\)<\/span>/);
  });
  test('input types pick the field type and keyboard', () => {
    const types = ['text', 'number', 'email', 'password', 'passcode', 'phone'];
    const html = render(types.map((t) => ({ type: 'TextInput', name: t, label: t, 'input-type': t })));
    const got = types.map((_, i) => /<input class="fd-input" type="(\w+)"(?: inputmode="(\w+)")?/.exec(componentHtml(html, i))?.slice(1, 3).join('/'));
    assert.deepEqual(got, ['text/', 'text/decimal', 'email/email', 'password/', 'password/numeric', 'tel/tel']);
  });
  test('disabled, helper text, error text replacing the helper, init value', () => {
    const html = render([
      { type: 'TextInput', name: 'a', label: 'A', enabled: false, 'helper-text': 'Help' },
      { type: 'TextInput', name: 'b', label: 'B', 'helper-text': 'Help', 'error-message': 'Too short', 'init-value': 'hello' },
    ]);
    assert.match(componentHtml(html, 0), / disabled/);
    assert.match(componentHtml(html, 0), /class="fd-helper">Help</);
    assert.match(componentHtml(html, 1), /value="hello"/);
    assert.match(componentHtml(html, 1), /class="fd-error-text" role="alert">Too short</);
    assert.doesNotMatch(componentHtml(html, 1), /fd-helper/);
  });
  test('TextArea shows its counter against max-length, and Form init-values and error-messages apply', () => {
    const html = render([
      { type: 'Form', name: 'f', 'init-values': { note: 'abc' }, 'error-messages': { note: 'Bad' }, children: [{ type: 'TextArea', name: 'note', label: 'Note', 'max-length': 50 }] },
    ]);
    assert.match(html, /<textarea[^>]*maxlength="50"[^>]*>abc<\/textarea>/);
    assert.match(html, /class="fd-counter">3\/50</);
    assert.match(html, /fd-error-text" role="alert">Bad</);
  });
  test('entered values win over init values, and label-variant large puts the label above', () => {
    const html = render([{ type: 'TextInput', name: 'a', label: 'A', 'init-value': 'x', 'label-variant': 'large' }], { state: { form: { a: 'typed' } } });
    assert.match(html, /value="typed"/);
    assert.match(html, /fd-field-large/);
  });
});

describe('selection', () => {
  test('radio buttons: selection from init value, a disabled option, error text', () => {
    const html = render([{ type: 'RadioButtonsGroup', name: 'fruit', label: 'Fruit', required: true, 'data-source': options, 'init-value': 'a', 'error-message': 'Pick one' }]);
    assert.match(html, /type="radio"[^>]*value="a" checked/);
    assert.match(html, /type="radio"[^>]*value="b" disabled/);
    assert.match(html, /fd-option-description">Red</);
    assert.match(html, /role="alert">Pick one</);
  });
  test('checkbox group with images and colour from 5.0; whole group disabled', () => {
    const html = render([{ type: 'CheckboxGroup', name: 'f', label: 'F', enabled: false, 'data-source': [{ id: 'a', title: 'A', image: PNG, 'alt-text': 'pic', color: '#FF0000' }] }]);
    assert.match(html, /<img class="fd-option-image" src="data:image\/png;base64,/);
    assert.match(html, /fill="#FF0000"/);
    assert.match(html, /type="checkbox"[^>]*value="a" disabled/);
  });
  test('a data-source bound to screen data', () => {
    const html = render([{ type: 'Dropdown', name: 'd', label: 'Pick', 'data-source': '${data.items}' }], {
      extra: { data: { items: { type: 'array', __example__: [{ id: 'x', title: 'From data' }] } } },
    });
    assert.match(html, /<option value="x">From data<\/option>/);
    assert.match(html, /<option value="" selected>Select<\/option>/);
  });
  test('chips: selected ones from init value', () => {
    const html = render([{ type: 'ChipsSelector', name: 'c', label: 'Tags', 'data-source': options, 'init-value': ['b'] }]);
    assert.match(html, /<label class="fd-chip fd-selected fd-disabled">/);
    assert.match(html, /value="b" checked disabled>Banana/);
  });
});

describe('dates', () => {
  test('DatePicker with min and max; before 5.0 dates are milliseconds', () => {
    const now = render([{ type: 'DatePicker', name: 'd', label: 'Day', 'min-date': '2026-01-01', 'max-date': '2026-12-31', 'init-value': '2026-05-05' }]);
    assert.match(now, /type="date" value="2026-05-05"[^>]*min="2026-01-01" max="2026-12-31"/);
    const old = render([{ type: 'DatePicker', name: 'd', label: 'Day', 'min-date': '1704067200000' }], { version: '4.0' });
    assert.match(old, /min="2024-01-01"/);
  });
  test('CalendarPicker range: two fields with their own labels, required and init values', () => {
    const html = render([{
      type: 'CalendarPicker', name: 'stay', mode: 'range', title: 'Stay',
      label: { 'start-date': 'Check-in', 'end-date': 'Check-out' },
      required: { 'start-date': true, 'end-date': false },
      'init-value': { 'start-date': '2026-03-01', 'end-date': '2026-03-04' },
    }]);
    assert.match(html, /fd-group-label">Stay</);
    assert.match(html, />Check-in<\/label><input[^>]*value="2026-03-01"[^>]*data-part="start-date"/);
    assert.match(html, />Check-out <span class="fd-optional">/);
  });
});

describe('actions and media', () => {
  test('Footer: captions, and dimmed while a required field is empty', () => {
    const footer = { type: 'Footer', label: 'Go', 'left-caption': 'L', 'right-caption': 'R', 'on-click-action': { name: 'complete', payload: {} } };
    const empty = render([{ type: 'TextInput', name: 'a', label: 'Name', required: true }, footer]);
    assert.match(empty, /<div class="fd-screen-footer">.*<span>L<\/span><span>R<\/span>/);
    assert.match(empty, /class="fd-footer-button fd-dim" data-action="\/screens\/0\/layout\/children\/1\/on-click-action" title="Name">Go</);
    const filled = render([{ type: 'TextInput', name: 'a', label: 'Name', required: true }, footer], { state: { form: { a: 'x' } } });
    assert.match(filled, /class="fd-footer-button" data-action=/);
  });
  test('OptIn with Read more, EmbeddedLink, NavigationList items with their actions', () => {
    const nav = { name: 'navigate', next: { type: 'screen', name: 'S' }, payload: {} };
    const html = render([
      { type: 'OptIn', name: 'ok', label: 'I agree', 'init-value': true, 'on-click-action': nav },
      { type: 'EmbeddedLink', text: 'Terms', 'on-click-action': nav },
      { type: 'NavigationList', name: 'n', 'list-items': [{ id: 'i1', 'main-content': { title: 'One', metadata: 'meta' }, end: { title: '$1' }, badge: 'New', 'on-click-action': nav }] },
    ]);
    assert.match(componentHtml(html, 0), /checked/);
    assert.doesNotMatch(render([{ type: 'OptIn', name: 'ok', label: 'I agree' }]), /checked/);
    assert.match(componentHtml(html, 0), /data-action="\/screens\/0\/layout\/children\/0\/on-click-action">Read more</);
    assert.match(componentHtml(html, 1), /data-action="[^"]*children\/1\/on-click-action">Terms</);
    assert.match(componentHtml(html, 2), /data-item-id="i1" data-action="[^"]*list-items\/0\/on-click-action"/);
    assert.match(componentHtml(html, 2), /fd-badge">New<.*fd-option-title">One<.*fd-option-metadata">meta<.*fd-nav-end-title">\$1</);
  });
  test('Image sizes from width, height and aspect-ratio; carousel of base64 images', () => {
    const html = render([
      { type: 'Image', src: PNG, 'aspect-ratio': 2, 'scale-type': 'cover', 'alt-text': 'wide' },
      { type: 'ImageCarousel', images: [{ src: PNG, 'alt-text': 'a' }, { src: PNG, 'alt-text': 'b' }], 'aspect-ratio': '16:9' },
      { type: 'Image', src: 'not base64!' },
    ]);
    assert.match(componentHtml(html, 0), /class="fd-image fd-cover" src="data:image\/png;base64,[^"]+" alt="wide" width="308" height="154"/);
    assert.equal((componentHtml(html, 1).match(/class="fd-slide"/g) ?? []).length, 2);
    assert.match(componentHtml(html, 1), /height="173"/);
    assert.match(componentHtml(html, 2), /fd-image-missing/);
  });
  test('Photo and document pickers are placeholders with their sources', () => {
    const html = render([
      { type: 'PhotoPicker', name: 'p', label: 'Photos', 'photo-source': 'camera', 'min-uploaded-photos': 1 },
      { type: 'DocumentPicker', name: 'd', label: 'Docs', description: 'PDF only' },
    ]);
    assert.match(componentHtml(html, 0), /Take photo/);
    assert.doesNotMatch(componentHtml(html, 0), /gallery/);
    assert.match(componentHtml(html, 1), /Docs <span class="fd-optional">.*PDF only.*Choose file/);
  });
});

describe('visibility and branches', () => {
  test('visible false or a false binding hides a component', () => {
    const html = render([
      { type: 'TextBody', text: 'gone', visible: false },
      { type: 'TextBody', text: 'bound', visible: '${data.show}' },
    ], { extra: { data: { show: { type: 'boolean', __example__: false } } } });
    assert.doesNotMatch(html, /gone|bound/);
  });
  test('If shows then or else from the form state; Switch the named case', () => {
    const children: JsonValue[] = [
      { type: 'TextInput', name: 'age', label: 'Age' },
      { type: 'If', condition: '${form.age} >= 18', then: [{ type: 'TextBody', text: 'adult' }], else: [{ type: 'TextBody', text: 'minor' }] },
      { type: 'Switch', value: '${form.age}', cases: { '7': [{ type: 'TextBody', text: 'seven' }] } },
    ];
    assert.match(render(children, { state: { form: { age: '30' } } }), /adult/);
    const seven = render(children, { state: { form: { age: '7' } } });
    assert.match(seven, /minor/);
    assert.match(seven, /seven/);
  });
  test('an unknown type shows as a placeholder instead of vanishing', () => {
    assert.match(render([{ type: 'TextHeadnig', text: 'x' }]), /fd-unknown">TextHeadnig</);
  });
});

describe('problems and escaping', () => {
  test('issues outline the component at their pointer and print the message', () => {
    const html = render([{ type: 'TextBody', text: 'a' }], { issues: { '/screens/0/layout/children/0': ['Something is wrong'] } });
    assert.match(html, /class="fd-component fd-c-TextBody fd-has-issue"/);
    assert.match(html, /<div class="fd-issue" role="note">Something is wrong<\/div>/);
  });
  test('screen-level and flow-level issues show at the top of the screen', () => {
    const html = render([], { issues: { '/screens/0': ['No footer'], '': ['Bad routing_model'] } });
    assert.match(html, /fd-screen-issues fd-has-issue.*Bad routing_model.*No footer/);
  });
  test('no markup from the flow reaches the page', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const html = render([
      { type: 'TextHeading', text: evil },
      { type: 'TextBody', markdown: true, text: `**${evil}** [x](javascript:"><script>)` },
      { type: 'TextInput', name: evil, label: evil, 'init-value': evil },
      { type: 'Dropdown', name: 'd', label: 'd', 'data-source': [{ id: evil, title: evil }] },
      { type: 'Image', src: `data:image/png;base64,"><script>` },
    ], { extra: { title: evil } });
    assert.doesNotMatch(html, /<img src=x|<script|onerror=alert\(1\)>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;&amp;/);
  });
});
