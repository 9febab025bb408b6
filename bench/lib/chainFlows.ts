// The generated flows the emulator benchmarks run: alternating Pass and Choice chains in CloudFlow's
// current spec and the same chain in Amazon States Language.
import type { JsonValue } from '../../emulator/src/engine';

/** Alternating Pass and Choice states; every Choice takes its first branch. */
export function cloudflowChain(n: number): JsonValue {
  const next = (i: number): Record<string, JsonValue> => (i === n - 1 ? { End: true } : { Next: `S${i + 1}` });
  const states = Array.from({ length: n }, (_, i): JsonValue =>
    i % 2 === 0 || i === n - 1
      ? { Type: 'Pass', Name: `S${i}`, ...next(i) }
      : {
          Type: 'Choice',
          Name: `S${i}`,
          Branches: [{ Condition: '$Input.v >= 0', Next: `S${i + 1}` }],
          Default: 'Negative',
        },
  );
  return {
    Type: 'StateMachine',
    SpecVersion: 'v1',
    Name: `chain${n}`,
    StartAt: 'S0',
    States: [...states, { Type: 'Fail', Name: 'Negative', Code: 'Negative', Detail: 'v < 0' }],
  };
}

/** The same chain in Amazon States Language. */
export function aslChain(n: number): JsonValue {
  const states: Record<string, JsonValue> = {};
  for (let i = 0; i < n; i++) {
    const next: Record<string, JsonValue> = i === n - 1 ? { End: true } : { Next: `S${i + 1}` };
    states[`S${i}`] =
      i % 2 === 0 || i === n - 1
        ? { Type: 'Pass', ...next }
        : {
            Type: 'Choice',
            Choices: [{ Variable: '$.v', NumericGreaterThanEquals: 0, Next: `S${i + 1}` }],
            Default: 'Negative',
          };
  }
  states['Negative'] = { Type: 'Fail', Error: 'Negative', Cause: 'v < 0' };
  return { StartAt: 'S0', States: states };
}
