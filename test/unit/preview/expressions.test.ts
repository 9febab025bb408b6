// Bindings filled from the preview's state: data, form, other screens, backtick expressions, conditions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateCondition, resolveText, resolveValue, type PreviewScope } from '../../../webview/preview/render/expressions';

const scope: PreviewScope = {
  data: { name: 'Ana', guests: 2, tags: ['a', 'b'], nested: { city: 'Lisbon' } },
  form: { age: '21', agree: true },
  screens: { OTHER: { data: { plan: 'gold' }, form: { email: 'a@b.c' } } },
};

describe('bindings', () => {
  test('a whole-value binding keeps its type', () => {
    assert.equal(resolveValue('${data.guests}', scope), 2);
    assert.deepEqual(resolveValue('${data.tags}', scope), ['a', 'b']);
    assert.equal(resolveValue('${data.nested.city}', scope), 'Lisbon');
  });
  test('form values and global screen references', () => {
    assert.equal(resolveText('${form.age}', scope), '21');
    assert.equal(resolveText('${screen.OTHER.form.email}', scope), 'a@b.c');
    assert.equal(resolveText('${screen.OTHER.data.plan}', scope), 'gold');
  });
  test('a missing value reads as empty text, not "undefined"', () => {
    assert.equal(resolveText('${data.missing}', scope), '');
    assert.equal(resolveText('Hi ${data.missing}!', scope), 'Hi !');
  });
  test('backtick expressions concatenate and compute', () => {
    assert.equal(resolveText("`'Hello ' ${data.name}`", scope), 'Hello Ana');
    assert.equal(resolveValue('`${data.guests} * 3 + 1`', scope), 7);
    assert.equal(resolveValue('`${data.guests} / 0`', scope), 0);
    assert.equal(resolveValue('`${form.age} > 18`', scope), true);
  });
  test('payload objects resolve member by member', () => {
    assert.deepEqual(resolveValue({ who: '${data.name}', n: '${data.guests}', fixed: 1 }, scope), { who: 'Ana', n: 2, fixed: 1 });
  });
  test('a malformed expression shows as written instead of throwing', () => {
    assert.equal(resolveText('`${data.name} +`', scope), '`${data.name} +`');
  });
});

describe('If conditions', () => {
  test('numbers typed into a text field compare as numbers', () => {
    assert.equal(evaluateCondition('${form.age} > 18', scope), true);
    assert.equal(evaluateCondition('${form.age} < 18', scope), false);
  });
  test('booleans, negation, equality and logic', () => {
    assert.equal(evaluateCondition('${form.agree}', scope), true);
    assert.equal(evaluateCondition('!${form.agree}', scope), false);
    assert.equal(evaluateCondition("${data.name} == 'Ana' && ${data.guests} >= 2", scope), true);
    assert.equal(evaluateCondition("${data.name} != 'Ana' || ${data.guests} == 3", scope), false);
  });
  test('an empty form makes comparisons false, and a broken condition is false', () => {
    assert.equal(evaluateCondition('${form.nothing} > 1', scope), false);
    assert.equal(evaluateCondition('${form.age} >', scope), false);
  });
});
