// Every UI string of the execution features has a Simplified Chinese translation with the same
// placeholders, and every manifest string key exists in both package.nls files.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const CALL = /l10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\$]|\\.)*`)/g;

function messagesIn(dir: string): Set<string> {
  const out = new Set<string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) for (const m of messagesIn(p)) out.add(m);
    else if (e.name.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(CALL)) out.add(JSON.parse(toJsonString(m[1]!)) as string);
  }
  return out;
}

/** A TS string literal ('…', "…" or `…`) as a JSON string literal. */
function toJsonString(literal: string): string {
  const body = literal.slice(1, -1).replace(/\\'/g, "'").replace(/\\`/g, '`').replace(/"/g, '\\"').replace(/\\\\"/g, '\\"');
  return `"${body}"`;
}

const placeholders = (s: string): string => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
const readJson = (...p: string[]): Record<string, string> => JSON.parse(readFileSync(join(root, ...p), 'utf8')) as Record<string, string>;

describe('translations', () => {
  test('each execution-feature message is in both l10n bundles with the same placeholders', () => {
    const messages = messagesIn(join(root, 'client', 'src', 'execution'));
    assert.ok(messages.size > 50, `found ${messages.size} messages`);
    const en = readJson('l10n', 'bundle.l10n.json');
    const zh = readJson('l10n', 'bundle.l10n.zh-cn.json');
    const missing = [...messages].filter((m) => !(m in en) || !(m in zh));
    assert.deepEqual(missing, [], 'run node l10n/extract-strings.mjs and translate what it lists');
    for (const m of messages) assert.equal(placeholders(zh[m]!), placeholders(m), `placeholders of ${JSON.stringify(m)}`);
  });

  test('the manifest strings exist in English and Simplified Chinese, and every %key% used is defined', () => {
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]!);
    assert.deepEqual(used.filter((k) => !(k in en)), []);
  });
});
