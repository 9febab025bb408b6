// The table-driven shape check: walks the document along the reference table, reports unknown,
// missing, mistyped and out-of-range properties, gates components, properties, enum values and
// actions by the file's version, and records screens, components and actions for later checks.
import { DiagnosticCodes as C } from '../../diagnostics/codes';
import type { ArrayNode, Node, ObjectNode, Property, ScalarNode } from '../../parse/tree';
import { COMPONENTS, COMPONENTS_BY_TYPE } from '../spec/components';
import { LAYOUT_SPEC, MAX_IF_NESTING, NEXT_SPEC, ROOT_SPEC, SCREEN_SPEC } from '../spec/document';
import type { ActionName, ComponentSpec, ObjectSpec, PropertySpec } from '../spec/types';
import { atLeast } from '../spec/versions';
import { asObject, asScalar, describeKind, stringValue } from '../tree';
import { lastProperty } from '../../parse/properties';
import { isDynamic, isNestedExpression, isWholeBinding } from './bindings';
import type { ActionModel, ComponentModel, FlowModel, ScreenModel } from './model';
import type { Problems } from './problems';
import { closestName } from '../../text/closestName';

const SEPARATORS = { ignoreSeparators: true };

interface Place {
  readonly screen: ScreenModel;
  readonly inForm: boolean;
  readonly ifDepth: number;
  /** 'if' or 'switch' when directly inside a branch. */
  readonly branch: 'if' | 'switch' | undefined;
}

export class StructureWalker {
  private readonly screens: ScreenModel[] = [];

  constructor(
    private readonly version: string,
    private readonly problems: Problems,
  ) {}

  walk(root: Node | undefined): FlowModel {
    const obj = asObject(root);
    if (root !== undefined && !obj) {
      this.problems.error(root.range, C.wrongType, `A Flow JSON document is an object with "version" and "screens"; found ${describeKind(root)}.`);
    }
    if (obj) this.checkObject(obj, ROOT_SPEC, (key, spec, node) => this.rootValue(key, spec, node));
    const declared = stringValue(obj, 'version');
    return {
      version: this.version,
      declaredVersion: declared,
      root: obj,
      screens: this.screens,
      routingModel: asObject(lastProperty(obj, 'routing_model')?.value),
      dataApiVersion: stringValue(obj, 'data_api_version'),
    };
  }

  private rootValue(key: string, spec: PropertySpec, node: Node): void {
    if (key === 'screens') {
      const arr = this.expectArray(node, key);
      if (!arr) return;
      if (arr.items.length === 0) this.problems.error(arr.range, C.waItemCount, 'A flow needs at least one screen: add an object with "id" and "layout".');
      arr.items.forEach((item, index) => this.screen(item, index));
      return;
    }
    if (key === 'routing_model') {
      const obj = this.expectObject(node, key);
      for (const p of obj?.properties ?? []) {
        const targets = p.value && this.expectArray(p.value, p.key);
        for (const t of targets?.items ?? []) this.expectString(t, `routing_model.${p.key}`);
      }
      return;
    }
    this.leaf(key, spec, node, undefined);
  }

  private screen(node: Node, index: number): void {
    const obj = this.expectObject(node, 'screen');
    if (!obj) return;
    const idNode = asScalar(lastProperty(obj, 'id')?.value);
    const dataModel = asObject(lastProperty(obj, 'data')?.value);
    const dataFields = new Map<string, Property>();
    for (const p of dataModel?.properties ?? []) dataFields.set(p.key, p);
    const screen: ScreenModel = {
      node: obj,
      index,
      id: typeof idNode?.value === 'string' ? idNode.value : undefined,
      idNode,
      terminal: asScalar(lastProperty(obj, 'terminal')?.value)?.value === true,
      dataModel,
      dataFields,
      components: [],
      actions: [],
    };
    this.screens.push(screen);
    this.checkObject(obj, SCREEN_SPEC, (key, spec, value) => {
      if (key === 'layout') {
        const layout = this.expectObject(value, 'layout');
        if (layout) {
          this.checkObject(layout, LAYOUT_SPEC, (k, s, v) => {
            if (k === 'children') this.components(v, { screen, inForm: false, ifDepth: 0, branch: undefined }, s);
            else this.leaf(k, s, v, undefined);
          });
        }
      } else if (key === 'data') {
        this.expectObject(value, 'data');
      } else {
        this.leaf(key, spec, value, undefined);
      }
    });
  }

  private components(node: Node, place: Place, spec: PropertySpec): void {
    const arr = this.expectArray(node, 'children');
    if (!arr) return;
    if (spec.minItems !== undefined && arr.items.length < spec.minItems) {
      this.problems.error(arr.range, C.waItemCount, 'Expected the array to contain at least one component.');
    }
    for (const item of arr.items) this.component(item, place);
  }

  private component(node: Node, place: Place): void {
    const obj = this.expectObject(node, 'component');
    if (!obj) return;
    const typeProp = lastProperty(obj, 'type');
    const typeNode = asScalar(typeProp?.value);
    const type = typeof typeNode?.value === 'string' ? typeNode.value : undefined;
    if (!typeProp) {
      this.problems.error(this.firstKey(obj), C.missingProperty, 'Required property \'type\' is missing: every component needs a "type" such as "TextBody".');
      return;
    }
    const spec = type === undefined ? undefined : COMPONENTS_BY_TYPE.get(type);
    const typeRange = typeNode?.range ?? typeProp.keyRange;
    if (!spec) {
      const allowed = this.allowedTypes(place);
      const guess = type === undefined ? undefined : closestName(type, allowed, SEPARATORS);
      this.problems.error(
        typeRange,
        C.invalidValue,
        `Invalid value found for property 'type'.${guess ? ` Did you mean '${guess}'?` : ''} Expected one of: [${allowed.join(', ')}].`,
      );
      return;
    }
    if (spec.since && !atLeast(this.version, spec.since)) {
      this.problems.error(typeRange, C.waNeedsNewerVersion, this.needsVersion(`Component '${spec.name}'`, spec.since));
    }
    this.checkPlacement(spec, place, typeRange);
    const nameNode = asScalar(lastProperty(obj, 'name')?.value);
    const model: ComponentModel = {
      type: spec.name,
      spec,
      node: obj,
      screen: place.screen,
      inForm: place.inForm,
      ifDepth: place.ifDepth,
      inBranch: place.branch !== undefined,
      name: typeof nameNode?.value === 'string' ? nameNode.value : undefined,
      nameNode,
    };
    place.screen.components.push(model);
    this.checkObject(obj, spec, (key, propSpec, value) => {
      if (propSpec.outsideFormOnly && place.inForm) {
        const p = lastProperty(obj, key);
        this.problems.warning(
          p?.keyRange ?? value.range,
          C.unknownProperty,
          `Property '${key}' is not allowed on a ${spec.name} inside a Form: set it in the Form's "${key === 'init-value' ? 'init-values' : 'error-messages'}" instead.`,
        );
      }
      switch (propSpec.kind) {
        case 'components': {
          const isIf = spec.name === 'If';
          const nested: Place = isIf
            ? { ...place, ifDepth: place.ifDepth + 1, branch: 'if' }
            : { ...place, inForm: place.inForm || spec.name === 'Form' };
          this.components(value, nested, propSpec);
          return;
        }
        case 'cases': {
          const cases = this.expectObject(value, key);
          if (cases && cases.properties.length === 0) {
            this.problems.error(cases.range, C.waIfSwitch, "The 'cases' property of a Switch component cannot be empty: add at least one case.");
          }
          for (const c of cases?.properties ?? []) {
            if (!/^[a-zA-Z][a-zA-Z0-9-_]*$/.test(c.key)) {
              this.problems.error(c.keyRange, C.invalidValue, `Case name '${c.key}' must start with a letter and contain only letters, digits, '-' and '_'.`);
            }
            if (c.value) this.components(c.value, { ...place, branch: 'switch' }, { kind: 'components', doc: '' });
          }
          return;
        }
        case 'action':
          this.action(key, propSpec, value, model);
          return;
        default:
          this.leaf(key, propSpec, value, spec);
      }
    });
  }

  private checkPlacement(spec: ComponentSpec, place: Place, range: { start: number; end: number }): void {
    if (place.inForm && spec.inFormSince === false) {
      this.problems.error(range, C.waComponentPlacement, `${spec.name} is not allowed inside a Form: move it out of the Form.`);
    }
    if (place.branch === 'switch' && (spec.name === 'If' || spec.name === 'Switch')) {
      this.problems.error(range, C.waComponentPlacement, `${spec.name} is not allowed inside a Switch case: Switch cases cannot nest If or Switch.`);
    } else if (place.branch !== undefined) {
      const where = place.branch === 'if' ? 'an If branch' : 'a Switch case';
      if (spec.inBranchesSince === undefined) {
        this.problems.error(range, C.waComponentPlacement, `${spec.name} is not allowed inside ${where}: move it out of the ${place.branch === 'if' ? 'If' : 'Switch'}.`);
      } else if (!atLeast(this.version, spec.inBranchesSince) && atLeast(this.version, spec.since ?? '0.0')) {
        this.problems.error(range, C.waNeedsNewerVersion, this.needsVersion(`${spec.name} inside ${where}`, spec.inBranchesSince));
      }
    }
    if (spec.name === 'If' && place.ifDepth >= MAX_IF_NESTING) {
      this.problems.error(range, C.waIfSwitch, `The 'If' component can only be nested up to ${MAX_IF_NESTING} levels deep.`);
    }
    if (spec.input && !place.inForm && !atLeast(this.version, '4.0')) {
      this.problems.semantic(range, C.waComponentPlacement, `${spec.name} must be inside a Form before Flow JSON 4.0: wrap it in a Form or raise "version" to 4.0 or later.`);
    }
  }

  private action(key: string, spec: PropertySpec, node: Node, component: ComponentModel): void {
    const obj = this.expectObject(node, key);
    if (!obj) return;
    const nameProp = lastProperty(obj, 'name');
    const nameNode = asScalar(nameProp?.value);
    const name = typeof nameNode?.value === 'string' ? nameNode.value : undefined;
    const nextObj = asObject(lastProperty(obj, 'next')?.value);
    const nextNode = asScalar(lastProperty(nextObj, 'name')?.value);
    const payload = asObject(lastProperty(obj, 'payload')?.value);
    const allowed = (spec.actions ?? []).map((a) => a.name);
    if (!nameProp) {
      this.problems.error(this.firstKey(obj), C.missingProperty, `Required property 'name' is missing: set the action "name" to one of: [${allowed.join(', ')}].`);
    } else if (name === undefined) {
      this.problems.error((nameNode ?? obj).range, C.wrongType, `The action name must be a string, one of: [${allowed.join(', ')}].`);
    } else {
      const entry = spec.actions?.find((a) => a.name === name);
      const known = ['navigate', 'complete', 'data_exchange', 'update_data', 'open_url'];
      const since = name === 'update_data' || name === 'open_url' ? '6.0' : undefined;
      if (!entry) {
        this.problems.error(
          (nameNode as ScalarNode).range,
          C.invalidValue,
          known.includes(name)
            ? `Action '${name}' cannot be used in ${key} of ${component.type}. Expected one of: [${allowed.join(', ')}].`
            : `Unknown action '${name}'. Expected one of: [${allowed.join(', ')}].`,
        );
      } else if ((entry.since ?? since) && !atLeast(this.version, (entry.since ?? since) as string)) {
        this.problems.error((nameNode as ScalarNode).range, C.waNeedsNewerVersion, this.needsVersion(`Action '${name}'`, (entry.since ?? since) as string));
      }
    }
    const isSelect = key !== 'on-click-action';
    for (const p of obj.properties) {
      switch (p.key) {
        case 'name':
          break;
        case 'next':
          if (name !== undefined && name !== 'navigate') {
            this.problems.error(p.keyRange, C.unknownProperty, `Property 'next' cannot be specified at on-click-action '${name}': only navigate has a next screen.`);
          } else if (p.value) {
            const next = this.expectObject(p.value, 'next');
            if (next) this.checkObject(next, NEXT_SPEC, (k, s, v) => this.leaf(k, s, v, undefined));
          }
          break;
        case 'payload':
          if (name === 'open_url') {
            this.problems.error(p.keyRange, C.unknownProperty, "Property 'payload' cannot be specified at on-click-action 'open_url': remove it.");
          } else if (p.value) {
            this.expectObject(p.value, 'payload');
          }
          break;
        case 'url':
          if (name !== undefined && name !== 'open_url') {
            this.problems.error(p.keyRange, C.unknownProperty, `Property 'url' cannot be specified at on-click-action '${name}': only open_url has a url.`);
          } else if (p.value) {
            this.expectString(p.value, 'url');
          }
          break;
        default:
          this.unknownKey(p, ['name', 'next', 'payload', 'url'], `action '${name ?? key}'`);
      }
    }
    if (name === 'navigate' && !lastProperty(obj, 'next')) {
      this.problems.error(nameProp?.keyRange ?? obj.range, C.missingProperty, 'Required property \'next\' is missing: a navigate action needs "next": { "type": "screen", "name": "<screen id>" }.');
    }
    if (name === 'open_url' && !lastProperty(obj, 'url')) {
      this.problems.error(nameProp?.keyRange ?? obj.range, C.missingProperty, 'Required property \'url\' is missing: an open_url action needs the "url" to open.');
    }
    if (isSelect && !lastProperty(obj, 'payload') && name !== undefined) {
      this.problems.error(nameProp?.keyRange ?? obj.range, C.missingProperty, `Required property 'payload' is missing: ${key} needs a "payload" object.`);
    }
    component.screen.actions.push({
      key,
      node: obj,
      name,
      nameNode,
      next: typeof nextNode?.value === 'string' ? nextNode.value : undefined,
      nextNode,
      payload,
      component,
    } satisfies ActionModel);
  }

  /** Checks keys against an object spec and hands each known property to `visit`. */
  private checkObject(obj: ObjectNode, spec: ObjectSpec, visit: (key: string, spec: PropertySpec, value: Node) => void): void {
    const what = spec === ROOT_SPEC ? 'the Flow JSON root' : COMPONENTS_BY_TYPE.has(spec.name) ? `'${spec.name}' component` : spec.name;
    for (const p of obj.properties) {
      const propSpec = spec.properties[p.key];
      if (!propSpec) {
        this.unknownKey(p, Object.keys(spec.properties), what);
        continue;
      }
      if (propSpec.since && !atLeast(this.version, propSpec.since)) {
        this.problems.error(p.keyRange, C.waNeedsNewerVersion, this.needsVersion(`Property '${p.key}' of ${what}`, propSpec.since));
        continue;
      }
      if (propSpec.removedIn && atLeast(this.version, propSpec.removedIn)) {
        const message =
          p.key === 'data_channel_uri'
            ? "Property 'data_channel_uri' is no longer supported in Flow JSON as of version '3.0': set the endpoint URI through the Flows API (or CAMS) instead, and remove it."
            : `Property '${p.key}' was removed in Flow JSON ${propSpec.removedIn}: remove it.`;
        this.problems.error(p.keyRange, C.waRemovedInVersion, message);
        continue;
      }
      if (p.value === undefined) {
        this.problems.error(p.keyRange, C.wrongType, `Property '${p.key}' has no value.`);
        continue;
      }
      if (p.value.kind === 'scalar' && p.value.value === null) {
        this.problems.error(p.value.range, C.wrongType, `Property '${p.key}' cannot be null: Flow JSON has no null type. Remove the property or give it a value.`);
        continue;
      }
      visit(p.key, propSpec, p.value);
    }
    for (const [key, propSpec] of Object.entries(spec.properties)) {
      const required = propSpec.required === true ? propSpec.since ?? '0.0' : propSpec.required;
      if (!required || !atLeast(this.version, required) || lastProperty(obj, key)) continue;
      if (propSpec.since && !atLeast(this.version, propSpec.since)) continue;
      this.problems.error(this.firstKey(obj), C.missingProperty, `Required property '${key}' is missing from ${what}: ${propSpec.doc}`);
    }
  }

  private unknownKey(p: Property, known: readonly string[], what: string): void {
    const guess = closestName(p.key, known, SEPARATORS);
    this.problems.error(
      p.keyRange,
      guess ? C.misspelledProperty : C.unknownProperty,
      `Property '${p.key}' is not allowed in ${what}.${guess ? ` Did you mean '${guess}'?` : ` Allowed: ${known.join(', ')}.`}`,
    );
  }

  /** Scalars, arrays of scalars and small objects. */
  private leaf(key: string, spec: PropertySpec, node: Node, component: ComponentSpec | undefined): void {
    const v = this.version;
    switch (spec.kind) {
      case 'text':
        this.text(key, spec, node);
        return;
      case 'textOrLines':
        if (node.kind === 'array') {
          if (!atLeast(v, '5.1')) {
            this.problems.error(node.range, C.waNeedsNewerVersion, this.needsVersion(`An array of lines in '${key}'`, '5.1'));
            return;
          }
          for (const item of node.items) {
            const s = this.expectString(item, key);
            const line = s?.value as string | undefined;
            if (s && line !== undefined && line.includes('${') && !isNestedExpression(line, v)) {
              this.problems.semantic(s.range, C.waInvalidBinding, `Every item of the array in the '${key}' property should be a static string: remove the dynamic binding.`);
            }
          }
        } else {
          this.text(key, spec, node);
        }
        return;
      case 'boolean':
      case 'number':
      case 'integer':
        this.typed(key, spec, node);
        return;
      case 'enum':
        this.enumValue(key, spec, node);
        return;
      case 'name': {
        const s = this.expectString(node, key);
        if (!s) return;
        const text = s.value as string;
        if (text.trim() === '') this.problems.error(s.range, C.waBlankString, `Property '${key}' should not be blank or an empty string.`);
        else if (atLeast(v, '6.0') && (isWholeBinding(text) || isNestedExpression(text, v))) {
          this.problems.error(s.range, C.waInvalidBinding, `Property '${key}' should not be dynamic data: a component name is a fixed string.`);
        }
        return;
      }
      case 'staticString':
      case 'version':
        this.expectString(node, key);
        return;
      case 'binding': {
        const s = this.expectString(node, key);
        if (s && !isWholeBinding(s.value as string)) {
          this.problems.error(s.range, C.waInvalidBinding, `Property '${key}' should have dynamic data format of the form \${form.your_field} or \${data.your_value}.`);
        }
        return;
      }
      case 'condition':
        if (node.kind === 'scalar' && typeof node.value === 'boolean' && atLeast(v, '6.0')) return;
        this.expectString(node, key);
        return;
      case 'stringArray':
        this.stringArray(key, spec, node);
        return;
      case 'objectArray':
        this.objectArray(key, spec, node);
        return;
      case 'object': {
        const obj = this.expectObject(node, key);
        if (obj && spec.fields) this.checkObject(obj, spec.fields, (k, s, val) => this.leaf(k, s, val, component));
        return;
      }
      case 'map':
        if (node.kind === 'scalar' && typeof node.value === 'string' && isWholeBinding(node.value)) return;
        this.expectObject(node, key);
        return;
      case 'textOrRange':
      case 'booleanOrRange': {
        if (node.kind === 'object') {
          for (const p of node.properties) {
            if (p.key !== 'start-date' && p.key !== 'end-date') {
              this.problems.error(p.keyRange, C.unknownProperty, `The property '${key}' only expects properties 'start-date' and 'end-date' when the mode is set to 'range'.`);
            } else if (p.value) {
              if (spec.kind === 'textOrRange') this.text(`${key}.${p.key}`, spec, p.value);
              else this.typed(`${key}.${p.key}`, { ...spec, kind: 'boolean' }, p.value);
            }
          }
          return;
        }
        if (spec.kind === 'textOrRange') this.text(key, spec, node);
        else this.typed(key, { ...spec, kind: 'boolean' }, node);
        return;
      }
      case 'textOrMap':
        if (node.kind === 'object') return;
        this.text(key, spec, node);
        return;
      default:
        return;
    }
  }

  private text(key: string, spec: PropertySpec, node: Node): void {
    const s = this.expectString(node, key);
    if (!s) return;
    const text = s.value as string;
    if (atLeast(this.version, '6.0') && text.trim() === '') {
      this.problems.error(s.range, C.waBlankString, `Property '${key}' should not be blank or an empty string (from Flow JSON 6.0).`);
      return;
    }
    if (spec.maxLength !== undefined && !isDynamic(text, this.version) && !text.includes('${') && text.length > spec.maxLength) {
      this.problems.warning(s.range, C.waTooLong, `Property '${key}' has ${text.length} characters; the limit is ${spec.maxLength}. Shorten it.`);
    }
  }

  private typed(key: string, spec: PropertySpec, node: Node): void {
    const s = asScalar(node);
    const expected = spec.kind === 'boolean' ? 'boolean' : spec.kind === 'integer' ? 'integer' : 'number';
    if (s && typeof s.value === 'string' && !spec.static && isDynamic(s.value, this.version)) return;
    const ok =
      s !== undefined &&
      (expected === 'boolean' ? typeof s.value === 'boolean' : typeof s.value === 'number' && (expected === 'number' || Number.isInteger(s.value)));
    if (!ok && s && typeof s.value === 'string' && s.value.includes('${')) {
      this.problems.semantic(
        s.range,
        C.waInvalidBinding,
        `'${s.value}' is not a valid value for '${key}': write a single reference such as \${form.field}${atLeast(this.version, '6.0') ? ', or an expression in backticks' : ''}.`,
      );
      return;
    }
    if (!ok) {
      const orBinding = spec.static ? '' : ' or a binding such as ${data.value}';
      this.problems.error(node.range, C.wrongType, `Expected property '${key}' to be of type '${expected}'${orBinding} but found ${describeKind(node)}.`);
      return;
    }
    const n = s.value;
    if (typeof n === 'number') {
      if (spec.minimum !== undefined && n < spec.minimum) this.problems.error(s.range, C.waOutOfRange, `The minimum value allowed for property '${key}' is ${spec.minimum}.`);
      if (spec.maximum !== undefined && n > spec.maximum) this.problems.error(s.range, C.waOutOfRange, `The maximum value allowed for property '${key}' is ${spec.maximum}.`);
    }
  }

  private enumValue(key: string, spec: PropertySpec, node: Node): void {
    const s = asScalar(node);
    const values = spec.values ?? [];
    const names = values.map((e) => e.value);
    if (s && typeof s.value === 'string' && spec.dynamic && isDynamic(s.value, this.version)) return;
    if (!s || typeof s.value !== 'string') {
      this.problems.error(node.range, C.wrongType, `Property '${key}' should be one of: [${names.join(', ')}]; found ${describeKind(node)}.`);
      return;
    }
    const entry = values.find((e) => e.value === s.value);
    if (!entry) {
      const guess = closestName(s.value, names, SEPARATORS);
      this.problems.error(s.range, C.invalidValue, `Value should be one of: [${names.join(', ')}].${guess ? ` Did you mean '${guess}'?` : ''}`);
    } else if (entry.since && !atLeast(this.version, entry.since)) {
      this.problems.error(s.range, C.waNeedsNewerVersion, this.needsVersion(`Value '${s.value}' of '${key}'`, entry.since));
    }
  }

  private stringArray(key: string, spec: PropertySpec, node: Node): void {
    if (node.kind === 'scalar' && typeof node.value === 'string' && isWholeBinding(node.value)) return;
    const arr = this.expectArray(node, key);
    if (!arr) return;
    this.itemCount(key, spec, arr);
    for (const item of arr.items) {
      const s = this.expectString(item, `${key} item`);
      if (!s) continue;
      const text = s.value as string;
      if (spec.itemValues && !spec.itemValues.includes(text)) {
        this.problems.error(s.range, C.invalidValue, `Value should be one of: [${spec.itemValues.join(', ')}].`);
      }
      if (spec.itemMaxLength !== undefined && text.length > spec.itemMaxLength) {
        this.problems.error(s.range, C.waTooLong, `Each '${key}' item may have at most ${spec.itemMaxLength} characters; this one has ${text.length}.`);
      }
    }
  }

  private objectArray(key: string, spec: PropertySpec, node: Node): void {
    if (node.kind === 'scalar' && typeof node.value === 'string' && isWholeBinding(node.value)) return;
    const arr = this.expectArray(node, key);
    if (!arr) return;
    this.itemCount(key, spec, arr);
    for (const item of arr.items) {
      const obj = this.expectObject(item, `${key} item`);
      if (obj && spec.item) {
        this.checkObject(obj, spec.item, (k, s, v) => {
          if (s.kind === 'action') this.itemAction(k, s, v);
          else this.leaf(k, s, v, undefined);
        });
      }
    }
  }

  /** An action on a data-source or list item: same rules, recorded on no component. */
  private itemAction(key: string, spec: PropertySpec, node: Node): void {
    const obj = this.expectObject(node, key);
    const nameNode = asScalar(lastProperty(obj, 'name')?.value);
    const name = typeof nameNode?.value === 'string' ? nameNode.value : undefined;
    const allowed = (spec.actions ?? []).map((a: { name: ActionName }) => a.name);
    if (nameNode && name !== undefined && !allowed.includes(name as ActionName)) {
      this.problems.error(nameNode.range, C.invalidValue, `Action '${name}' cannot be used in ${key} here. Expected one of: [${allowed.join(', ')}].`);
    }
  }

  private itemCount(key: string, spec: PropertySpec, arr: ArrayNode): void {
    const n = arr.items.length;
    if (spec.minItems !== undefined && n < spec.minItems) {
      this.problems.error(arr.range, C.waItemCount, `Property '${key}' should have at least '${spec.minItems}' item${spec.minItems === 1 ? '' : 's'}.`);
    }
    if (spec.maxItems !== undefined && n > spec.maxItems) {
      this.problems.error(arr.range, C.waItemCount, `Property '${key}' should have at most '${spec.maxItems}' items; it has ${n}.`);
    }
  }

  private expectObject(node: Node, key: string): ObjectNode | undefined {
    if (node.kind === 'object') return node;
    this.problems.error(node.range, C.wrongType, `Expected property '${key}' to be of type 'object' but found ${describeKind(node)}.`);
    return undefined;
  }

  private expectArray(node: Node, key: string): ArrayNode | undefined {
    if (node.kind === 'array') return node;
    this.problems.error(node.range, C.wrongType, `Expected property '${key}' to be of type 'array' but found ${describeKind(node)}.`);
    return undefined;
  }

  private expectString(node: Node, key: string): ScalarNode | undefined {
    if (node.kind === 'scalar' && typeof node.value === 'string') return node;
    this.problems.error(node.range, C.wrongType, `Expected property '${key}' to be of type 'string' but found ${describeKind(node)}.`);
    return undefined;
  }

  private firstKey(obj: ObjectNode): { start: number; end: number } {
    // A missing property underlines the parent's key (or the opening brace of a root object).
    const parent = obj.parent;
    if (parent?.kind === 'property') return parent.keyRange;
    return { start: obj.range.start, end: Math.min(obj.range.start + 1, obj.range.end) };
  }

  private allowedTypes(place: Place): string[] {
    return COMPONENTS.filter((c) => atLeast(this.version, c.since))
      .filter((c) => !(place.inForm && c.inFormSince === false))
      .filter((c) => place.branch === undefined || (c.inBranchesSince !== undefined && atLeast(this.version, c.inBranchesSince)))
      .map((c) => c.name);
  }

  private needsVersion(what: string, since: string): string {
    return `${what} needs Flow JSON version ${since} or later, but this file declares "version": "${this.version}". Raise "version" to "${since}" or remove it.`;
  }
}
