// The RPC v1 string to sign, written pair by pair, is the signature's definition to the letter:
// the parameters sorted by code units, each pair percent-encoded, the whole encoded once more.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { percentEncode } from '../../../cloud/src/signing/encoding';
import { rpcV1StringToSign } from '../../../cloud/src/signing/rpcV1';

function byDefinition(method: string, params: Record<string, string | undefined>): string {
  const canonical = Object.keys(params)
    .sort()
    .filter((k) => k !== 'Signature' && params[k] !== undefined)
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
  return `${method}&%2F&${encodeURIComponent(canonical)}`;
}

describe('rpcV1StringToSign', () => {
  test('matches the definition for any names and values, few or many (past the insertion sort)', () => {
    const key = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('Signature', '10', '2', 'a', 'A', '~', '%'));
    const value = fc.option(fc.string({ unit: 'grapheme', maxLength: 20 }), { nil: undefined });
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 60 }), fc.constantFrom('GET', 'POST'), (d, method) => {
        const params = Object.assign(Object.create(null) as Record<string, string | undefined>, d);
        assert.equal(rpcV1StringToSign(method, params), byDefinition(method, params));
      }),
      { numRuns: 400 },
    );
  });

  test('no parameters but the signature', () => {
    assert.equal(rpcV1StringToSign('GET', { Signature: 'x' }), 'GET&%2F&');
  });
});
