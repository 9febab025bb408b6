// Collects every `l10n.t('…')` message of the extension (client/src/**) into bundle.l10n.json,
// the English bundle, and lists messages the Simplified Chinese bundle lacks or no longer uses.
// Run after changing UI strings: node l10n/extract-strings.mjs  (exit 1 when zh-cn is incomplete)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.ts')) files.push(p);
  }
};
walk(join(root, 'client', 'src'));

// a string literal right after `l10n.t(`: '…', "…" or a template without substitutions
const CALL = /l10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\$]|\\.)*`)/g;
const messages = new Set();
for (const file of files.sort()) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(CALL)) messages.add(new Function(`return ${m[1]}`)());
}
const sorted = [...messages].sort((a, b) => a.localeCompare(b));
writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), JSON.stringify(Object.fromEntries(sorted.map((m) => [m, m])), null, 2) + '\n');

const zh = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
const missing = sorted.filter((m) => !(m in zh));
const unused = Object.keys(zh).filter((m) => !messages.has(m));
const placeholders = (s) => [...s.matchAll(/\{\d+\}/g)].map((x) => x[0]).sort().join();
const broken = sorted.filter((m) => m in zh && placeholders(m) !== placeholders(zh[m]));
console.log(`${sorted.length} messages; zh-cn: ${missing.length} missing, ${unused.length} unused, ${broken.length} with other placeholders`);
for (const m of missing) console.log(`  missing: ${JSON.stringify(m)}`);
for (const m of unused) console.log(`  unused:  ${JSON.stringify(m)}`);
for (const m of broken) console.log(`  placeholders differ: ${JSON.stringify(m)}`);
process.exit(missing.length || broken.length ? 1 : 0);
