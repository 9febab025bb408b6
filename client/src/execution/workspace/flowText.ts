// What a definition declares about itself, read without the language server. Pure.
import { load } from 'js-yaml';

/** The `Name` (current spec) or `name` (legacy) at the definition's root, if it has one. */
export function declaredFlowName(text: string): string | undefined {
  let value: unknown;
  try {
    value = /^\s*[{[]/.test(text) ? JSON.parse(text) : load(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const name = o['Name'] ?? o['name'];
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}
