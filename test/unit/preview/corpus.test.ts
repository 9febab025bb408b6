// Every real Flow JSON of the corpus and the examples renders, screen by screen, into balanced
// markup that shows the screen's title; a few screens are compared with saved snapshots
// (FLOWDECK_UPDATE_SNAPSHOTS=1 rewrites them after a deliberate change of look).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CORPORA, VENDORED_CORPUS } from '../corpus';
import { flowScreens } from '../../../webview/preview/render/flow';
import { renderScreen } from '../../../webview/preview/render/screen';
import { escapeHtml } from '../../../webview/preview/render/escape';
import { resolveText } from '../../../webview/preview/render/expressions';
import { screenScope } from '../../../webview/preview/render/screen';

const WHATSAPP = join(VENDORED_CORPUS.dir, 'whatsapp');
const EXAMPLES = join(import.meta.dirname, '../../../examples/whatsapp');
const SNAPSHOTS = join(import.meta.dirname, 'snapshots');

function balanced(html: string, tag: string): boolean {
  return (html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length === (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length;
}

describe('corpus flows render', () => {
  const files = [
    ...CORPORA.flatMap(({ dir }) =>
      readdirSync(join(dir, 'whatsapp')).filter((f) => f.endsWith('.json')).map((f) => join(dir, 'whatsapp', f)),
    ),
    ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).map((f) => join(EXAMPLES, f)),
  ];
  test('the corpus has WhatsApp flows to render', () => assert.ok(files.length >= 30, `${files.length} files`));
  for (const file of files) {
    test(file.slice(file.lastIndexOf('/', file.lastIndexOf('/') - 1) + 1), () => {
      const flow: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const screens = flowScreens(flow);
      assert.ok(screens.length > 0);
      for (const screen of screens) {
        const html = renderScreen(flow, screen.id);
        for (const tag of ['div', 'span', 'label', 'button', 'ul', 'ol', 'table']) assert.ok(balanced(html, tag), `${screen.id}: unbalanced <${tag}>`);
        assert.match(html, new RegExp(`data-screen="${screen.id}"`));
        const title = resolveText(screen.json['title'], screenScope(flow, screen)) || screen.id;
        assert.ok(html.includes(`aria-level="1">${escapeHtml(title)}</div>`), `${screen.id}: title "${title}" missing`);
      }
    });
  }
});

describe('snapshots', () => {
  const cases: [string, string, string][] = [
    ['example-booking', join(EXAMPLES, 'book-a-table.wa-flow.json'), 'BOOKING'],
    ['example-confirm', join(EXAMPLES, 'book-a-table.wa-flow.json'), 'CONFIRM'],
    ['rich-text', join(WHATSAPP, 'pywa-v5.1-rich-text.json'), 'FIRST_SCREEN'],
    ['navigation-list', join(WHATSAPP, 'pywa-v6.2-navigation-list.json'), 'FIRST_SCREEN'],
    ['calendar-range', join(WHATSAPP, 'pywa-v6.1-calendar-picker-range-mode.json'), 'DEMO_SCREEN'],
  ];
  for (const [name, file, screen] of cases) {
    test(name, () => {
      const html = renderScreen(JSON.parse(readFileSync(file, 'utf8')), screen).replace(/></g, '>\n<');
      const path = join(SNAPSHOTS, `${name}.html`);
      if (process.env.FLOWDECK_UPDATE_SNAPSHOTS === '1' || !existsSync(path)) {
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(path, html);
        if (process.env.FLOWDECK_UPDATE_SNAPSHOTS !== '1') assert.fail(`wrote the missing snapshot ${path}: check it and run again`);
      }
      assert.equal(html, readFileSync(path, 'utf8'));
    });
  }
});
