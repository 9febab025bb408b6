// Generated flows for the linter/engine agreement test: structural edits of valid flows, each
// the kind of mistake a person makes in one state (a key left out, a value of the wrong type, a
// transition to a state that does not exist), serialised as FDL JSON.
import type { JsonValue } from '../../../server/src/parse';

type Obj = { [key: string]: JsonValue };

const isObj = (v: JsonValue | undefined): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every state or step object of a flow (nested scopes included), with a setter to replace it. */
function statesOf(flow: JsonValue): Obj[] {
  const out: Obj[] = [];
  const visit = (v: JsonValue | undefined): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObj(v)) {
      if (typeof v['Type'] === 'string' && typeof v['Name'] === 'string') out.push(v);
      else if (typeof v['type'] === 'string' && typeof v['name'] === 'string') out.push(v);
      Object.values(v).forEach(visit);
    }
  };
  visit(flow);
  return out;
}

const WRONG_TYPES: readonly JsonValue[] = [7, 'x', true, [], {}];

function replacementsFor(key: string, value: JsonValue): JsonValue[] {
  const out: JsonValue[] = WRONG_TYPES.filter((w) => typeof w !== typeof value || Array.isArray(w) !== Array.isArray(value));
  if (typeof value === 'string') out.push(`${value}_missing`);
  if (typeof value === 'number') out.push(-1, 1e9);
  if (key.endsWith('.$') || /Path$|Condition$/.test(key)) out.push('$Input.[', 'length(');
  return out;
}

/**
 * Variants of `flow`: for each state, each key deleted and each value replaced by a wrong one.
 * Deterministic; at most `limit` variants, spread over the whole flow.
 */
export function flowVariants(flow: JsonValue, limit: number): string[] {
  const edits: ((f: JsonValue) => void)[] = [];
  const count = statesOf(flow).length;
  for (let s = 0; s < count; s++) {
    const state = statesOf(flow)[s] as Obj;
    for (const [key, value] of Object.entries(state)) {
      edits.push((f) => { delete (statesOf(f)[s] as Obj)[key]; });
      for (const r of replacementsFor(key, value)) edits.push((f) => { (statesOf(f)[s] as Obj)[key] = r; });
    }
  }
  const step = Math.max(1, Math.floor(edits.length / limit));
  const out: string[] = [];
  for (let i = 0; i < edits.length && out.length < limit; i += step) {
    const copy = JSON.parse(JSON.stringify(flow)) as JsonValue;
    (edits[i] as (f: JsonValue) => void)(copy);
    out.push(JSON.stringify(copy, null, 2));
  }
  return out;
}
