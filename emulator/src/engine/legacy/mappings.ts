// Legacy mappings (`{target, source}`) and the variables their sources read: `$` and `$input`
// (the input in scope), `$local`, and `$context` (execution, flow and the task token).
import { evaluate, type Variables } from '../expressions/evaluate';
import type { JsonObject } from '../json';
import type { Runtime } from '../runtime';
import type { JsonValue } from '../types';
import type { Mapping } from './model';

export function legacyVars(rt: Runtime, input: JsonValue, local: JsonValue, token: string | undefined): Variables {
  let context: JsonValue | undefined;
  return {
    get(name) {
      switch (name) {
        case '':
        case 'input':
          return input;
        case 'local':
          return local;
        case 'context':
          context ??= {
            execution: { name: rt.executionName, input: rt.executionInput },
            flow: { name: rt.flowName },
            ...(token !== undefined ? { task: { token } } : {}),
          };
          return context;
        default:
          return undefined;
      }
    },
  };
}

export function applyMappings(mappings: readonly Mapping[], vars: Variables): JsonObject {
  const out: JsonObject = {};
  for (const m of mappings) out[m.target] = m.expression ? evaluate(m.expression, vars) : (m.constant ?? null);
  return out;
}
