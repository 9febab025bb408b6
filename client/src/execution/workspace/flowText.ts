// What a definition declares about itself, read without the language server. Pure.
import { load } from 'js-yaml';
import { declaredFlowName as declaredBy } from '../../../../cloud/src/fnf';

/** The `Name` (current spec) or `name` (legacy) at the root of a definition's text, if it has one. */
export function declaredFlowName(text: string): string | undefined {
  let value: unknown;
  try {
    value = /^\s*[{[]/.test(text) ? JSON.parse(text) : load(text);
  } catch {
    return undefined;
  }
  return declaredBy(value);
}
