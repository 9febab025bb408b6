import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestName, editDistance } from '../../../server/src/text/closestName';

test('edit distance, and its early exit past the limit', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('kitten', 'sitting', 1), 2);
  assert.equal(editDistance('', 'abc'), 3);
});

test('a case-only difference wins; the name itself is never suggested; far names are not guessed', () => {
  assert.equal(closestName('startat', ['Start', 'StartAt']), 'StartAt');
  assert.equal(closestName('Next', ['Next', 'Nxt']), 'Nxt');
  assert.equal(closestName('Parallell', ['Pass', 'Parallel', 'Map']), 'Parallel');
  assert.equal(closestName('Foo', ['Parallel', 'Map']), undefined);
});

test('ignoring separators, for names written in another style', () => {
  assert.equal(closestName('x_y_z', ['xyz']), undefined);
  assert.equal(closestName('x_y_z', ['xyz'], { ignoreSeparators: true }), 'xyz');
  assert.equal(closestName('onClickAction', ['on-click-action', 'on-select-action'], { ignoreSeparators: true }), 'on-click-action');
  assert.equal(closestName('lable', ['label', 'name'], { ignoreSeparators: true }), 'label');
});

test('the answer does not depend on the order of the candidates: a tie goes to the first in code-unit order', () => {
  const names = ['Stop', 'Step', 'Shop', 'stap', 'STAP', 'Far away'];
  const expected = { stap: 'STAP', Stap: 'STAP', Stup: 'STAP', Sxop: 'Shop', 'Far awya': 'Far away' };
  for (let rotation = 0; rotation < names.length; rotation++) {
    const order = [...names.slice(rotation), ...names.slice(0, rotation)];
    for (const reversed of [order, [...order].reverse()]) {
      for (const [typed, answer] of Object.entries(expected)) assert.equal(closestName(typed, reversed), answer, `${typed} among ${reversed.join(', ')}`);
    }
  }
});
