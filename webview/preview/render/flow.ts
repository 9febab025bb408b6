// The parts of a Flow JSON document the preview reads: its screens and their example data.
import type { ScreenValues } from './expressions';
import { arrayAt, isObject, objectAt, pointerChild, stringAt, type JsonObject } from './json';

export interface FlowScreen {
  readonly id: string;
  /** JSON pointer of the screen, e.g. `/screens/1`. */
  readonly pointer: string;
  readonly json: JsonObject;
}

export function flowScreens(flow: unknown): FlowScreen[] {
  const screens = arrayAt(flow, 'screens') ?? [];
  const out: FlowScreen[] = [];
  screens.forEach((s, i) => {
    if (isObject(s)) out.push({ id: typeof s['id'] === 'string' ? s['id'] : `#${i + 1}`, pointer: pointerChild('/screens', i), json: s });
  });
  return out;
}

export function findScreen(flow: unknown, id: string): FlowScreen | undefined {
  return flowScreens(flow).find((s) => s.id === id);
}

export function flowVersion(flow: unknown): string {
  return stringAt(flow, 'version') ?? '7.3';
}

/** A screen's data filled from the `__example__` of each declared field. */
export function exampleData(screen: JsonObject): JsonObject {
  const out: JsonObject = {};
  const decl = objectAt(screen, 'data') ?? {};
  for (const [key, field] of Object.entries(decl)) {
    if (isObject(field) && field['__example__'] !== undefined) out[key] = field['__example__'];
  }
  return out;
}

/** Every screen's example data and an empty form: what `${screen.ID...}` reads before click-through. */
export function exampleScreens(flow: unknown): Record<string, ScreenValues> {
  const out: Record<string, ScreenValues> = {};
  for (const s of flowScreens(flow)) out[s.id] = { data: exampleData(s.json), form: {} };
  return out;
}

export function screenChildren(screen: JsonObject): unknown {
  return objectAt(screen, 'layout')?.['children'];
}
