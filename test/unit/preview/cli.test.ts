// `flowdeck preview`: one standalone page per screen with its title, texts, labels and example
// data, an index in routing order, --screen, and clear errors for bad input.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { flowdeck } from '../cli/flowdeck';

const EXAMPLE = join(import.meta.dirname, '../../../examples/whatsapp/book-a-table.wa-flow.json');
const dir = mkdtempSync(join(tmpdir(), 'flowdeck-preview-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => flowdeck(['preview', ...args], { cwd: dir });

describe('flowdeck preview', () => {
  test('writes <SCREEN_ID>.html per screen and index.html in routing order', async () => {
    const { code, out, err } = await cli([EXAMPLE, '--out', 'all']);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.deepEqual(out.trim().split('\n'), ['all/BOOKING.html', 'all/CONFIRM.html', 'all/index.html']);
    assert.deepEqual(readdirSync(join(dir, 'all')).sort(), ['BOOKING.html', 'CONFIRM.html', 'index.html']);
    const index = readFileSync(join(dir, 'all', 'index.html'), 'utf8');
    assert.ok(index.indexOf('href="BOOKING.html"') < index.indexOf('href="CONFIRM.html"'));
    assert.match(index, /BOOKING<\/a> - Book a table <span class="fd-tagline">\(entry\)/);
  });

  test('a page has the title, every label and the example data, inline CSS and no network', async () => {
    await cli([EXAMPLE, '--out', 'pages']);
    const booking = readFileSync(join(dir, 'pages', 'BOOKING.html'), 'utf8');
    assert.match(booking, /<title>book-a-table: BOOKING<\/title>/);
    assert.match(booking, /aria-level="1">Book a table</);
    assert.match(booking, /aria-level="1">Casa Ana</); // ${data.restaurant} from __example__
    assert.match(booking, />Guests</);
    assert.match(booking, />Day</);
    assert.match(booking, />Continue</);
    assert.match(booking, /<style>[^<]*\.fd-phone\{/);
    assert.match(booking, /content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"/);
    assert.doesNotMatch(booking, /<script|<link|https?:\/\//);
    const confirm = readFileSync(join(dir, 'pages', 'CONFIRM.html'), 'utf8');
    assert.match(confirm, /A table for 2 on 2026-12-24/); // backtick expression over example data
  });

  test('the language service\'s problems are outlined on the component they concern', async () => {
    const flow = readFileSync(EXAMPLE, 'utf8').replace('"label": "Guests"', '"label": "Number of guests at the table"');
    writeFileSync(join(dir, 'long-label.wa-flow.json'), flow);
    const { code, out } = await cli(['long-label.wa-flow.json', '--out', 'problems']);
    assert.equal(code, 0);
    assert.match(out, /^1 problem\(s\) outlined on the pages: run `flowdeck lint long-label.wa-flow.json` for the list$/m);
    const booking = readFileSync(join(dir, 'problems', 'BOOKING.html'), 'utf8');
    assert.match(booking, /<div class="fd-component fd-c-TextInput fd-has-issue" data-path="\/screens\/0\/layout\/children\/1">/);
    assert.match(booking, /<div class="fd-issue" role="note">[^<]*limit is 20[^<]*<\/div>/);
    assert.doesNotMatch(readFileSync(join(dir, 'problems', 'CONFIRM.html'), 'utf8'), /class="[^"]*fd-has-issue/);
  });

  test('--screen writes only that screen', async () => {
    const { code, out } = await cli([EXAMPLE, '--out', 'one', '--screen', 'CONFIRM']);
    assert.equal(code, 0);
    assert.equal(out, 'one/CONFIRM.html\n');
    assert.deepEqual(readdirSync(join(dir, 'one')), ['CONFIRM.html']);
  });

  test('an unknown screen, a file that is not JSON, not a WhatsApp Flow or has no screens: exit 1 with the reason', async () => {
    const unknown = await cli([EXAMPLE, '--out', 'x', '--screen', 'NOPE']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /no screen 'NOPE'; its screens: BOOKING, CONFIRM/);
    writeFileSync(join(dir, 'broken.json'), '{\n  "version": "7.3",\n  "screens": [\n');
    const broken = await cli(['broken.json', '--out', 'x']);
    assert.equal(broken.code, 1);
    // The syntax errors as `flowdeck lint` prints them, then what to do.
    assert.match(broken.err, /^broken\.json:4:1 error syntax-error JSON syntax error: a closing '\]' is expected\.$/m);
    assert.match(broken.err, /\nflowdeck preview: broken\.json is not valid JSON; fix the error\(s\) above first\n$/);
    writeFileSync(join(dir, 'other.json'), '{"a": 1}');
    const other = await cli(['other.json', '--out', 'x']);
    assert.equal(other.code, 1);
    assert.match(other.err, /^flowdeck preview: other\.json is not a WhatsApp Flow JSON file/);
    writeFileSync(join(dir, 'none.wa-flow.json'), '{"version": "7.3", "screens": []}');
    const none = await cli(['none.wa-flow.json', '--out', 'x']);
    assert.equal(none.code, 1);
    assert.match(none.err, /none\.wa-flow\.json has no screens yet/);
    writeFileSync(join(dir, 'order.flow.yaml'), 'Type: StateMachine\nSpecVersion: v1\nName: order\nStartAt: A\nStates:\n  - Name: A\n    Type: Pass\n    End: true\n');
    const fdl = await cli(['order.flow.yaml', '--out', 'x']);
    assert.equal(fdl.code, 1);
    assert.match(fdl.err, /order\.flow\.yaml is a CloudFlow flow; .* flowdeck graph order\.flow\.yaml --format svg/);
  });

  test('usage errors exit 2', async () => {
    assert.equal((await cli([EXAMPLE])).code, 2);
    assert.equal((await cli(['--out', 'x'])).code, 2);
    assert.equal((await cli([EXAMPLE, '--out', 'x', '--bogus'])).code, 2);
    assert.equal((await cli(['--help'])).code, 0);
  });
});
