// What a screen's form holds before the user types: Form `init-values` and each input's
// `init-value`; and which required inputs are still empty.
import { asText, evaluateCondition, resolveFlag, resolveText, resolveValue, type PreviewScope } from './expressions';
import { isObject, type JsonObject, type JsonValue } from './json';

const INPUT_TYPES = new Set([
  'TextInput', 'TextArea', 'Dropdown', 'RadioButtonsGroup', 'CheckboxGroup', 'ChipsSelector',
  'DatePicker', 'CalendarPicker', 'OptIn', 'NavigationList', 'PhotoPicker', 'DocumentPicker',
]);

/**
 * Initial form values of a screen's components (every branch: a hidden one costs nothing). An
 * OptIn nobody ticked is `false`, as the phone sends it.
 */
export function initialFormValues(children: unknown, scope: PreviewScope): JsonObject {
  const out: JsonObject = {};
  walk(children, (c) => {
    if (c['type'] === 'Form') {
      const init = resolveValue(c['init-values'], scope);
      if (isObject(init)) Object.assign(out, init);
      return;
    }
    const name = c['name'];
    if (c['type'] === 'OptIn' && typeof name === 'string' && !(name in out)) out[name] = false;
    if (typeof name === 'string' && INPUT_TYPES.has(String(c['type'])) && c['init-value'] !== undefined) {
      const v = resolveValue(c['init-value'], scope);
      if (v !== undefined) out[name] = v;
    }
  });
  return out;
}

/** Labels (or names) of the visible required inputs whose value is still empty. */
export function missingRequired(children: unknown, scope: PreviewScope): string[] {
  const out: string[] = [];
  const visit = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const c of list) {
      if (!isObject(c) || !resolveFlag(c['visible'], scope, true)) continue;
      if (c['type'] === 'Form') visit(c['children']);
      else if (c['type'] === 'If') visit(evaluateCondition(c['condition'], scope) ? c['then'] : c['else']);
      else if (c['type'] === 'Switch' && isObject(c['cases'])) visit(c['cases'][asText(resolveValue(c['value'], scope))]);
      else if (typeof c['name'] === 'string' && INPUT_TYPES.has(String(c['type'])) && isRequired(c, scope) && empty(scope.form[c['name']])) {
        out.push(resolveText(typeof c['label'] === 'string' ? c['label'] : c['name'], scope) || c['name']);
      }
    }
  };
  visit(children);
  return out;
}

function isRequired(c: JsonObject, scope: PreviewScope): boolean {
  const r = c['required'];
  if (isObject(r)) return r['start-date'] === true || r['end-date'] === true;
  return resolveFlag(r, scope, false);
}

function empty(v: JsonValue | undefined): boolean {
  if (v === undefined || v === null || v === '' || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

function walk(list: unknown, visit: (c: JsonObject) => void): void {
  if (!Array.isArray(list)) return;
  for (const c of list) {
    if (!isObject(c)) continue;
    visit(c);
    walk(c['children'], visit);
    walk(c['then'], visit);
    walk(c['else'], visit);
    if (isObject(c['cases'])) for (const branch of Object.values(c['cases'])) walk(branch, visit);
  }
}
