// The command table and package.json agree: every contributed command is in the table with the
// same title key, every titled command of the table is contributed, internal ones are not, and
// every menu names a contributed command.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../../client/src/commands/table';
import { CommandIds } from '../../../client/src/commands/ids';

const root = join(import.meta.dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command?: string }[]> };
};
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributed = new Map(manifest.contributes.commands.map((c) => [c.command, c.title]));

describe('command table', () => {
  test('every contributed command is in the table with the same title key', () => {
    for (const [id, title] of contributed) {
      const entry = COMMANDS.find((c) => c.id === id);
      assert.ok(entry, `${id} is contributed in package.json but not in the command table`);
      assert.equal(`%${entry.title ?? '(internal)'}%`, title, `${id}: the table's title key and package.json's title differ`);
    }
  });

  test('every titled command of the table is contributed, internal ones are not', () => {
    for (const entry of COMMANDS) {
      if (entry.title === undefined) assert.ok(!contributed.has(entry.id), `${entry.id} is internal in the table but contributed in package.json`);
      else {
        assert.ok(contributed.has(entry.id), `${entry.id} has a title in the table but is not contributed in package.json`);
        assert.ok(nls[entry.title], `${entry.id}: package.nls.json has no "${entry.title}"`);
      }
    }
  });

  test('each id once, and every id the code refers to has its entry', () => {
    const ids = COMMANDS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, 'an id is in the table twice');
    for (const id of Object.values(CommandIds)) assert.ok(ids.includes(id), `${id} is referred to in the code but not in the command table`);
  });

  test('every menu names a contributed command', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) if (item.command) assert.ok(contributed.has(item.command), `menu ${menu} names ${item.command}, which is not contributed`);
    }
  });
});
