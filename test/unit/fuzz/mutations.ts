// Edits that turn a valid flow into the half-broken text an editor sees while someone types.
import fc from 'fast-check';

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'indent'; at: number; delta: number }
  | { kind: 'swap-values'; a: number; b: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete-range'; at: number; length: number };

const snippets = [':', ': ', '- ', '"', "'", '{', '}', '[', ']', '\n', '  ', '#', '&a ', '*a', '!Ref ', '.$', '$Input.', 'Next: ', 'Type: ', '|\n', '\t', '\r\n', ',', '\\'];

/** Mutations with positions as fractions of the text, resolved against each text. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('swap-values' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('delete-range' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % Math.max(1, lines.length);
  switch (m.kind) {
    case 'delete-line':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const i = line(m.at);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'indent': {
      const i = line(m.at);
      const l = lines[i] ?? '';
      lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + l : l.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'swap-values': {
      const valued = lines.map((l, i) => [i, l.indexOf(': ')] as const).filter(([, c]) => c >= 0);
      if (valued.length < 2) return text;
      const [ia, ca] = valued[m.a % valued.length]!;
      const [ib, cb] = valued[m.b % valued.length]!;
      const va = lines[ia]!.slice(ca + 2);
      const vb = lines[ib]!.slice(cb + 2);
      lines[ia] = lines[ia]!.slice(0, ca + 2) + vb;
      lines[ib] = lines[ib]!.slice(0, cb + 2) + va;
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete-range': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
  }
}
