// What a definition declares about itself, read without the language server. Pure.
// `require`, not `import`: one js-yaml in the bundle, its CommonJS build, as server/src/parse/yaml.ts explains.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate, see above
import jsYaml = require('js-yaml');
import { declaredFlowName as declaredBy } from '../../../../cloud/src/fnf';

/** The `Name` (current spec) or `name` (legacy) at the root of a definition's text, if it has one. */
export function declaredFlowName(text: string): string | undefined {
  let value: unknown;
  try {
    value = /^\s*[{[]/.test(text) ? JSON.parse(text) : jsYaml.load(text);
  } catch {
    return undefined;
  }
  return declaredBy(value);
}
