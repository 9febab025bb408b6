// The emulator reads a request's path and query exactly as the WHATWG URL parser does, though it
// splits plain targets itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTarget } from '../../../emulator/src/api/transport/request';

const viaUrl = (target: string): { pathname: string; search: string } | undefined => {
  try {
    const url = new URL(target, 'http://localhost');
    return { pathname: url.pathname, search: url.search };
  } catch {
    return undefined;
  }
};

test('reads targets as URL does', () => {
  const cases = [
    '/', '/?', '/?a=1', '/?Action=StartSyncExecution&Timestamp=2026-01-01T00%3A00%3A00Z&Signature=ab%2Fcd%2B%3D',
    '/api/v1/flows', '/a/./b', '/a/../b', '/.', '/..', '//host/x', '//', '/a b', '/a%20b', '/?a b', '/?a"b', "/?a'b",
    '/?a#b', '/?a<b>', '/?[x]^`{|}', '/a\\b', '/?a\\b', '/é', '/?é', 'http://other/x?y', '*', '', '?a=1', 'x/y',
    '/\t', '/?\u0001', '/a?b?c', '/%2e%2e/x', '/~user_-', '/?%zz',
  ];
  for (const target of cases) assert.deepEqual(parseTarget(target), viaUrl(target), JSON.stringify(target));
});

test('reads random targets as URL does', () => {
  const alphabet = ['/', '?', '.', 'a', 'Z', '0', '-', '_', '~', '%', '2', 'e', '&', '=', '+', ' ', '#', "'", '"', '\\', 'é', ':', '@', '[', '|'];
  let seed = 11;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 5000; i++) {
    let target = next() < 0.9 ? '/' : '';
    const length = Math.floor(next() * 14);
    for (let j = 0; j < length; j++) target += alphabet[Math.floor(next() * alphabet.length)];
    assert.deepEqual(parseTarget(target), viaUrl(target), JSON.stringify(target));
  }
});
