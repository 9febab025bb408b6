// The loose shape of parsed Flow JSON: the preview renders whatever the author has typed so far,
// so every read is defensive (a wrong type reads as absent, never throws).
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return isObject(v) ? v : undefined;
}

export function arrayAt(value: unknown, key: string): JsonValue[] | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return Array.isArray(v) ? v : undefined;
}

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return typeof v === 'string' ? v : undefined;
}

/** Follows a JSON pointer such as `/screens/0/layout/children/2` (RFC 6901 escapes). */
export function atPointer(root: unknown, pointer: string): JsonValue | undefined {
  if (pointer === '') return root as JsonValue;
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node as JsonValue;
}

export function pointerChild(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
