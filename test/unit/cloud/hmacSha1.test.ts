import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { hmacSha1Base64 } from '../../../cloud/src/signing/hmacSha1';

const base64OfHex = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

describe('HMAC-SHA1 in JavaScript', () => {
  // RFC 2202 §3, the cases whose key and data are text.
  test('RFC 2202 test vectors', () => {
    assert.equal(hmacSha1Base64('Jefe', 'what do ya want for nothing?'), base64OfHex('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79'));
    const longKey = '\xaa'.repeat(80);
    // The RFC's key is 80 bytes of 0xaa; as a string it is UTF-8 encoded, so compare with the same key bytes.
    assert.equal(
      hmacSha1Base64(longKey, 'Test Using Larger Than Block-Size Key - Hash Key First'),
      createHmac('sha1', Buffer.from(longKey, 'utf8')).update('Test Using Larger Than Block-Size Key - Hash Key First').digest('base64'),
    );
    assert.equal(
      hmacSha1Base64('\x0b'.repeat(20), 'Hi There'),
      base64OfHex('b617318655057264e28bc0b6fb378c8ef146be00'),
    );
  });

  test('agrees with node:crypto at every length around the block and padding boundaries', () => {
    for (let n = 0; n <= 200; n++) {
      const message = 'm'.repeat(n);
      assert.equal(hmacSha1Base64('secret&', message), createHmac('sha1', 'secret&').update(message, 'utf8').digest('base64'), `length ${n}`);
    }
  });

  test('agrees with node:crypto on random keys and messages, multi-byte text and long keys included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 600 }), (key, message) => {
        assert.equal(hmacSha1Base64(key, message), createHmac('sha1', key).update(message, 'utf8').digest('base64'));
      }),
      { numRuns: 500 },
    );
  });

  test('messages larger than any before, up to and past the reused space, still agree', () => {
    for (const n of [3_000, 20_000, 50_000, 3_000]) {
      const message = 'é'.repeat(n);
      assert.equal(hmacSha1Base64('k', message), createHmac('sha1', 'k').update(message, 'utf8').digest('base64'), `${n} characters`);
    }
  });

  test('many keys in turn: each answer is its own key\'s', () => {
    for (let i = 0; i < 30; i++) {
      const key = `key-${i % 11}`;
      assert.equal(hmacSha1Base64(key, 'same text'), createHmac('sha1', key).update('same text').digest('base64'));
    }
  });
});
