// Writes the execution features' manifest keys into package.json. Read-modify-write that merges:
// entries for this feature's commands, views and settings are replaced, everything else (other
// features' commands, menus, views and settings) is kept as it is.
// Run: node client/src/execution/manifest/apply-contributions.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import * as c from './contributions.mjs';

const path = new URL('../../../../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(path, 'utf8'));
pkg.contributes ??= {};
const k = pkg.contributes;
const ours = new Set(c.commands.map((x) => x.command));

/** Replaces the entries `mine` identifies by `key`, keeping the order of the others. */
const mergeBy = (existing, mine, key) => {
  const mineKeys = new Set(mine.map(key));
  return [...(existing ?? []).filter((e) => !mineKeys.has(key(e))), ...mine];
};

k.commands = mergeBy(k.commands, c.commands, (x) => x.command);
k.menus ??= {};
for (const [where, entries] of Object.entries(c.menus)) {
  k.menus[where] = [...(k.menus[where] ?? []).filter((e) => !ours.has(e.command)), ...entries];
}
k.viewsContainers ??= {};
for (const [where, entries] of Object.entries(c.viewsContainers)) {
  k.viewsContainers[where] = mergeBy(k.viewsContainers[where], entries, (x) => x.id);
}
k.views ??= {};
// the Executions view comes first in its container
for (const [where, entries] of Object.entries(c.views)) {
  const mine = new Set(entries.map((x) => x.id));
  k.views[where] = [...entries, ...(k.views[where] ?? []).filter((x) => !mine.has(x.id))];
}
k.viewsWelcome = mergeBy(k.viewsWelcome, c.viewsWelcome, (x) => `${x.view}|${x.when ?? ''}`);
k.walkthroughs = mergeBy(k.walkthroughs, c.walkthroughs, (x) => x.id);
k.configuration ??= { title: 'Flowdeck', properties: {} };
const conf = Array.isArray(k.configuration) ? k.configuration[0] : k.configuration;
conf.properties = { ...(conf.properties ?? {}), ...c.configurationProperties };
pkg.l10n = c.l10n;
writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
console.log('package.json: execution contributions applied');
