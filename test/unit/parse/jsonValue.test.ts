// The plain value of a JSON document the strict reader read (made from its tree when the schema
// step asks) must equal JSON.parse of its text, repeated keys and `__proto__` included. The shared
// keys and strings must read back exactly what the source holds, and no text, whole or cut short,
// may make the parser throw.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { generateFdl } from '../../../bench/lib/generate';
import { parseText, toJsonValue, type ScalarNode } from '../../../server/src/parse';
import { keyAt, knownKeyAt, rememberedKeyAt, stringAt } from '../../../server/src/parse/sharedStrings';
import { charCodesOf } from '../../../server/src/parse/charCodes';

const sameValue = (text: string): void => {
  const parsed = parseText(text, 'json');
  assert.deepEqual(parsed.syntaxProblems, [], text);
  assert.deepEqual(toJsonValue(parsed.root), JSON.parse(text), text);
};

describe('the plain value of strict JSON', () => {
  test('equals what JSON.parse gives: repeated keys keep the last, `__proto__` is an own property', () => {
    for (const text of ['{"a": 1, "a": {"b": 2}}', '{"__proto__": {"x": 1}, "y": [1, "\\u00e9"]}', '[1, -0, 1e400, "\\ud83d\\ude00"]', '"s"', '{"": {"": ""}}']) {
      sameValue(text);
    }
    const proto = toJsonValue(parseText('{"__proto__": {"x": 1}}', 'json').root) as Record<string, unknown>;
    assert.ok(Object.hasOwn(proto, '__proto__'));
    assert.equal(Object.getPrototypeOf(proto), Object.prototype);
    // Key order as JSON.parse gives it: integer-like keys first, a repeated key where it first appeared.
    const order = '{"b": 1, "2": 0, "a": 2, "b": 3, "1": 4}';
    assert.deepEqual(Object.keys(toJsonValue(parseText(order, 'json').root) as object), Object.keys(JSON.parse(order) as object));
  });

  test('random JSON values', () => {
    fc.assert(fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => sameValue(JSON.stringify(value, null, 1))), { numRuns: 500, seed: 3 });
  });

  test('numbers read without a slice are the numbers JSON.parse reads', () => {
    for (const n of ['0', '-0', '7', '-7', '123456789', '-123456789', '1234567890', '9007199254740993', '0.5', '-0.0', '1E2', '2e-3']) {
      const scalar = parseText(`[${n}]`, 'json').root;
      assert.equal(scalar?.kind, 'array');
      const item = (scalar as { items: ScalarNode[] }).items[0]!;
      assert.ok(Object.is(item.value, JSON.parse(n)), n);
    }
  });
});

describe('shared keys and strings', () => {
  test('read back exactly the characters of their span, whatever was read before', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { minLength: 1, maxLength: 60 }), (parts) => {
        const source = parts.join('|');
        const codes = charCodesOf(source);
        let at = 0;
        for (const part of parts) {
          assert.equal(keyAt(source, codes, at, at + part.length), part);
          assert.equal(stringAt(source, codes, at, at + part.length), part);
          at += part.length + 1;
        }
      }),
      { numRuns: 400, seed: 9 },
    );
  });

  test('a remembered key is found only where the text holds exactly it, then the terminator', () => {
    const QUOTE = 0x22;
    // Few letters, so that many keys share their first two characters and buckets overflow.
    const key = fc.string({ unit: fc.constantFrom('a', 'b', '.', '$', 'é'), minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 40 }), fc.array(key, { minLength: 1, maxLength: 40 }), (seen, looked) => {
        const memory = seen.map((k) => `"${k}"`).join(',');
        const memoryCodes = charCodesOf(memory);
        let at = 1;
        for (const k of seen) {
          assert.equal(rememberedKeyAt(memory, memoryCodes, at, at + k.length), k);
          at += k.length + 3;
        }
        const text = looked.map((k) => `"${k}"`).join(',');
        const textCodes = charCodesOf(text);
        at = 1;
        for (const k of looked) {
          const found = knownKeyAt(textCodes, at, QUOTE);
          if (found !== undefined) assert.equal(found, k);
          at += k.length + 3;
        }
        // The latest key with two or more characters is always found.
        const last = seen[seen.length - 1]!;
        if (last.length >= 2) assert.equal(knownKeyAt(charCodesOf(`${last}"`), 0, QUOTE), last);
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});

describe('no JSON text makes the parser throw', () => {
  const flow = JSON.stringify(load(generateFdl(12)), null, 2);

  test('every prefix of a flow, as while it is typed', () => {
    for (let end = 0; end <= flow.length; end += 7) {
      const parsed = parseText(flow.slice(0, end), 'json');
      for (const p of parsed.syntaxProblems) assert.ok(p.range.start <= p.range.end && p.range.end <= end);
    }
  });

  test('nesting at the limit is read; one level deeper is reported, not read', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    assert.deepEqual(parseText(deep(100), 'json').syntaxProblems, []);
    const tooDeep = parseText(deep(101), 'json');
    assert.equal(tooDeep.root, undefined);
    assert.equal(tooDeep.syntaxProblems[0]?.code, 'nesting-too-deep');
  });

  test('lone surrogates, escapes and control characters', () => {
    for (const text of ['"\\ud800"', '"\ud800"', '"\\u12"', '"a\u0001b"', '{"k\\"ey": "v\\\\"}', '"\\/\\b\\f\\n\\r\\t"', '{"a":"\\x"}']) {
      const parsed = parseText(text, 'json');
      if (parsed.syntaxProblems.length === 0) assert.deepEqual(toJsonValue(parsed.root), JSON.parse(text), text);
    }
  });
});
