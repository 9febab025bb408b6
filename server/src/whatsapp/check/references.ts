// Data declarations and dynamic references: every `data` field has a type and an `__example__`;
// `${data.x}` is declared in the screen's data, `${form.x}` names an input of that screen and
// `${screen.S.form|data.x}` names an existing screen and field (4.0+).
import { DiagnosticCodes as C } from '../../diagnostics/codes';
import type { Node, ObjectNode, ScalarNode } from '../../parse/tree';
import { atLeast } from '../spec/versions';
import { asObject, offsetInString, stringValue } from '../tree';
import { lastProperty } from '../../parse/properties';
import { findBindings, malformedBindings, type BindingRef } from './bindings';
import { inputsByName, screenById, type FlowModel, type ScreenModel } from './model';
import type { Problems } from './problems';
import { closestName } from '../../text/closestName';

const SEPARATORS = { ignoreSeparators: true };

const DATA_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array'];

export function checkDataModels(model: FlowModel, problems: Problems): void {
  for (const screen of model.screens) {
    for (const p of screen.dataModel?.properties ?? []) {
      // A key named "required" is a JSON Schema keyword in the data model, not a field.
      if (p.key.startsWith('required')) continue;
      const field = asObject(p.value);
      if (!field) {
        problems.error(p.value?.range ?? p.keyRange, C.waDataModel, `Data field '${p.key}' must be an object such as { "type": "string", "__example__": "text" }.`);
        continue;
      }
      if (!lastProperty(field, '__example__')) {
        problems.error(p.keyRange, C.waDataModel, `Data field '${p.key}' needs an "__example__" value: it is mandatory and serves as preview data.`);
      }
      if (/[- `']/.test(p.key)) {
        problems.error(p.keyRange, C.waDataModel, `Invalid format of dynamic data '${p.key}' in the screen data model. Please avoid "-", " ", "\`" or "'".`);
      }
      checkSchema(field, p.key, true, problems);
    }
  }
}

function checkSchema(schema: ObjectNode, path: string, top: boolean, problems: Problems): void {
  const typeProp = lastProperty(schema, 'type');
  const type = stringValue(schema, 'type');
  if (!typeProp) {
    problems.error(schema.range, C.waDataModel, `Missing the definition of property 'type' for '${path}': add "type": one of ${DATA_TYPES.join(', ')}.`);
  } else if (type === undefined) {
    problems.error(typeProp.value?.range ?? typeProp.keyRange, C.waDataModel, "Expected the property 'type' to be of type string.");
  } else if (!DATA_TYPES.includes(type)) {
    problems.error(typeProp.value?.range ?? typeProp.keyRange, C.waDataModel, `Unknown data type '${type}' for '${path}'. Expected one of: [${DATA_TYPES.join(', ')}].`);
  }
  if (!top) {
    const example = lastProperty(schema, '__example__');
    if (example) problems.error(example.keyRange, C.waDataModel, `Property '__example__' is allowed only as a top level property of data model. Invalid entry: '${path}'.`);
  }
  if (type === 'array') {
    const items = lastProperty(schema, 'items');
    if (!items) problems.error(typeProp?.keyRange ?? schema.range, C.waDataModel, `Missing the schema for property 'items' in array '${path}'.`);
    const itemsObj = asObject(items?.value);
    if (itemsObj) checkSchema(itemsObj, `${path}.items`, false, problems);
  }
  for (const p of asObject(lastProperty(schema, 'properties')?.value)?.properties ?? []) {
    const sub = asObject(p.value);
    if (sub) checkSchema(sub, `${path}.${p.key}`, false, problems);
  }
}

/** Every string scalar of a screen except its id and its data declarations. */
export function screenStrings(screen: ScreenModel): ScalarNode[] {
  const out: ScalarNode[] = [];
  const visit = (node: Node | undefined): void => {
    if (!node) return;
    if (node.kind === 'scalar') {
      if (typeof node.value === 'string') out.push(node);
    } else if (node.kind === 'array') {
      node.items.forEach(visit);
    } else {
      for (const p of node.properties) {
        if (node === screen.node && (p.key === 'id' || p.key === 'data')) continue;
        visit(p.value);
      }
    }
  };
  visit(screen.node);
  return out;
}

/** Initial values and error messages are filled at run time; the service does not resolve them. */
const UNCHECKED_KEYS = new Set(['init-value', 'init-values', 'error-message', 'error-messages']);

export function checkReferences(model: FlowModel, problems: Problems): void {
  for (const screen of model.screens) {
    for (const s of screenStrings(screen)) {
      const text = s.value as string;
      if (!text.includes('${')) continue;
      if (s.parent?.kind === 'property' && UNCHECKED_KEYS.has(s.parent.key)) continue;
      for (const b of findBindings(text)) checkBinding(model, screen, s, b, problems);
      for (const bad of malformedBindings(text)) {
        problems.warning(
          { start: offsetInString(s, bad.start), end: offsetInString(s, bad.end) },
          C.waInvalidBinding,
          'This "${" is not a valid reference: write ${data.field}, ${form.field} or ${screen.SCREEN_ID.data.field}.',
        );
      }
    }
  }
}

function checkBinding(model: FlowModel, screen: ScreenModel, s: ScalarNode, b: BindingRef, problems: Problems): void {
  const range = { start: offsetInString(s, b.start), end: offsetInString(s, b.end) };
  const field = b.path[0] as string;
  let target = screen;
  if (b.screen !== undefined) {
    if (!atLeast(model.version, '4.0')) {
      problems.error(range, C.waNeedsNewerVersion, `Global references such as ${b.text} need Flow JSON version 4.0 or later, but this file declares "version": "${model.version}". Raise "version" or pass the value through navigate payloads.`);
      return;
    }
    const other = screenById(model, b.screen);
    if (!other) {
      const guess = closestName(b.screen, model.screens.map((x) => x.id ?? ''), SEPARATORS);
      problems.error(range, C.waUnknownScreen, `The screen id '${b.screen}' referenced in the dynamic binding expression '${b.text}' does not exist.${guess ? ` Did you mean '${guess}'?` : ''}`);
      return;
    }
    if (other === screen) {
      problems.warning(range, C.waInvalidBinding, `${b.text} refers to the current screen: write \${${b.scope}.${b.path.join('.')}} instead.`);
    }
    target = other;
  }
  const where = target === screen ? `screen '${screen.id ?? '?'}'` : `screen '${target.id ?? '?'}'`;
  if (b.scope === 'data') {
    const decl = target.dataFields.get(field);
    if (!decl) {
      const guess = closestName(field, [...target.dataFields.keys()], SEPARATORS);
      problems.semantic(
        range,
        C.waUndeclaredData,
        `Missing dynamic data '${b.text}' in the data model for ${where}.${guess ? ` Did you mean '${guess}'?` : ` Declare "${field}" in the screen's "data" with a "type" and an "__example__".`}`,
      );
      return;
    }
    checkDataPath(decl.value, b, range, problems);
  } else {
    const inputs = inputsByName(target);
    if (!inputs.has(field)) {
      const formNames = target.components.filter((c) => c.type === 'Form').map((c) => c.name);
      const guess = closestName(field, [...inputs.keys()], SEPARATORS);
      const message = formNames.includes(field)
        ? "Value of 'Form' component cannot be used in form binding: refer to one of its inputs instead."
        : `Missing Form component ${b.text} for ${where}: no input named '${field}' there.${guess ? ` Did you mean '${guess}'?` : ''}`;
      problems.semantic(range, C.waUnknownFormField, message);
    }
  }
}

/** Walks `${data.a.b}` into declared object properties; arrays cannot be walked into. */
function checkDataPath(decl: Node | undefined, b: BindingRef, range: { start: number; end: number }, problems: Problems): void {
  let schema = asObject(decl);
  for (let i = 1; i < b.path.length && schema; i++) {
    const type = stringValue(schema, 'type');
    const seg = b.path[i] as string;
    if (type === 'array') {
      problems.error(range, C.waInvalidBinding, `${b.text} is invalid as '${b.path[i - 1]}' is defined in an array schema in the data model.`);
      return;
    }
    const props = asObject(lastProperty(schema, 'properties')?.value);
    if (!props) return;
    const next = lastProperty(props, seg);
    if (!next) {
      problems.error(range, C.waUndeclaredData, `Dynamic data '${b.text}' is invalid as its schema is missing in the data model: declare '${seg}' under "properties" of '${b.path.slice(0, i).join('.')}'.`);
      return;
    }
    schema = asObject(next.value);
  }
}
