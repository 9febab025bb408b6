// Screen-level rules: ids, terminal screens and their Footer, per-screen component counts,
// placement rules, unique input names, `sensitive`, If/Switch Footer rules and navigate targets.
import { DiagnosticCodes as C } from '../../diagnostics/codes';
import type { Node, ObjectNode, OffsetRange } from '../../parse/tree';
import { COMPONENTS_BY_TYPE } from '../spec/components';
import {
  MAX_COMPONENTS_PER_SCREEN, MAX_IMAGE_CAROUSELS_PER_FLOW, MAX_SCREENS, SCREEN_ID_PATTERN_BEFORE_7, SCREEN_ID_PATTERN_FROM_7,
} from '../spec/document';
import { atLeast } from '../spec/versions';
import { asArray, asObject, asScalar, stringValue } from '../tree';
import { lastProperty } from '../../parse/properties';
import type { FlowModel, ScreenModel } from './model';
import type { Problems } from './problems';
import { closestName } from '../../text/closestName';

const SEPARATORS = { ignoreSeparators: true };

/** Components counted the way the service counts them: If/Switch count their largest branch. */
type Counts = Map<string, number>;
const TOTAL = '*';

function add(into: Counts, from: Counts): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

function maxMerge(branches: Counts[]): Counts {
  const out: Counts = new Map();
  for (const b of branches) for (const [k, v] of b) out.set(k, Math.max(out.get(k) ?? 0, v));
  return out;
}

function countChildren(children: Node | undefined): Counts {
  const out: Counts = new Map();
  for (const item of asArray(children)?.items ?? []) {
    const obj = asObject(item);
    const type = stringValue(obj, 'type');
    if (!obj || !type) continue;
    if (type !== 'Form') out.set(TOTAL, (out.get(TOTAL) ?? 0) + 1);
    out.set(type, (out.get(type) ?? 0) + 1);
    if (type === 'Form') add(out, countChildren(lastProperty(obj, 'children')?.value));
    if (type === 'If') add(out, maxMerge([countChildren(lastProperty(obj, 'then')?.value), countChildren(lastProperty(obj, 'else')?.value)]));
    if (type === 'Switch') {
      const cases = asObject(lastProperty(obj, 'cases')?.value);
      add(out, maxMerge((cases?.properties ?? []).map((c) => countChildren(c.value))));
    }
  }
  return out;
}

const PER_SCREEN_MAX: Readonly<Record<string, number>> = Object.fromEntries(
  [...COMPONENTS_BY_TYPE.values()].filter((c) => c.perScreenMax !== undefined).map((c) => [c.name, c.perScreenMax as number]),
);

export function checkScreens(model: FlowModel, problems: Problems): void {
  const v = model.version;
  const seen = new Map<string, ScreenModel>();
  const idPattern = atLeast(v, '7.0') ? SCREEN_ID_PATTERN_FROM_7 : SCREEN_ID_PATTERN_BEFORE_7;
  for (const screen of model.screens) {
    const { id, idNode } = screen;
    if (id === undefined || !idNode) continue;
    if (!idPattern.test(id)) {
      problems.error(idNode.range, C.waInvalidScreenId, `Property 'id' should only consist of alphabets and underscores ('${id}' is not allowed): rename the screen, e.g. '${id.replace(/[^a-zA-Z_]/g, '_').replace(/^_+$/, 'SCREEN')}'.`);
    }
    if (id === 'success') {
      problems.error(idNode.range, C.waReservedScreenId, "Screen id cannot be 'success' since it is a reserved keyword: rename the screen.");
    } else if (id.toLowerCase() === 'success') {
      problems.warning(idNode.range, C.waReservedScreenId, `'${id}' is reserved for ending a flow from the data endpoint; Meta's Flow JSON reference says not to use it as a screen id. Rename the screen.`);
    }
    const first = seen.get(id);
    if (first) problems.error(idNode.range, C.waDuplicateScreenId, `Duplicate screen id found: '${id}'. Screen ids must be unique: rename one of them.`);
    else seen.set(id, screen);
  }
  const screensKey = lastProperty(model.root, 'screens');
  if (model.screens.length > 0 && !model.screens.some((s) => s.terminal) && screensKey) {
    problems.error(screensKey.keyRange, C.waMissingTerminalScreen, 'Terminal screen is required but not provided: mark the last screen with "terminal": true and give it a Footer.');
  }
  if (model.screens.length > MAX_SCREENS && screensKey) {
    problems.error(screensKey.keyRange, C.waItemCount, `Maximum number of screens allowed per Flow is ${MAX_SCREENS} but found ${model.screens.length}: split the flow.`);
  }
  let carousels = 0;
  for (const screen of model.screens) {
    checkOneScreen(model, screen, problems);
    carousels += screen.components.filter((c) => c.type === 'ImageCarousel').length;
  }
  if (carousels > MAX_IMAGE_CAROUSELS_PER_FLOW) {
    const last = model.screens.flatMap((s) => s.components).filter((c) => c.type === 'ImageCarousel').at(-1);
    if (last) problems.error(last.node.range, C.waComponentCount, `Maximum number of ImageCarousel allowed per Flow is ${MAX_IMAGE_CAROUSELS_PER_FLOW} but found ${carousels}.`);
  }
  checkNavigateTargets(model, problems);
}

function checkOneScreen(model: FlowModel, screen: ScreenModel, problems: Problems): void {
  const v = model.version;
  const layout = asObject(lastProperty(screen.node, 'layout')?.value);
  const childrenProp = lastProperty(layout, 'children');
  const anchor: OffsetRange = screen.idNode?.range ?? screen.node.range;
  const counts = countChildren(childrenProp?.value);
  const total = counts.get(TOTAL) ?? 0;
  if (total > MAX_COMPONENTS_PER_SCREEN) {
    problems.error(childrenProp?.keyRange ?? anchor, C.waComponentCount, `Maximum number of components allowed per screen is ${MAX_COMPONENTS_PER_SCREEN} but found ${total}: split the screen.`);
  }
  const limits: Record<string, number> = { ...PER_SCREEN_MAX, ...(atLeast(v, '7.0') ? { Form: 1 } : {}) };
  for (const [type, max] of Object.entries(limits)) {
    const n = counts.get(type) ?? 0;
    if (n > max) {
      const extra = screen.components.filter((c) => c.type === type)[max];
      problems.error(extra?.node.range ?? anchor, C.waComponentCount, `Maximum number of ${type} allowed per screen is ${max} but found ${n}.`);
    }
  }
  if ((counts.get('PhotoPicker') ?? 0) > 0 && (counts.get('DocumentPicker') ?? 0) > 0) {
    const doc = screen.components.find((c) => c.type === 'DocumentPicker');
    problems.warning(doc?.node.range ?? anchor, C.waComponentCount, 'You can only have a maximum of 1 component of type PhotoPicker or DocumentPicker per screen.');
  }
  const hasFooter = (counts.get('Footer') ?? 0) > 0;
  if (screen.terminal && !hasFooter) {
    problems.error(anchor, C.waTerminalFooter, `Footer component is missing on terminal screen '${screen.id ?? '?'}': add a Footer whose on-click-action is complete.`);
  }
  const success = lastProperty(screen.node, 'success');
  if (success && !screen.terminal) {
    problems.semantic(success.keyRange, C.unknownProperty, "Property 'success' can only be specified on a terminal screen: remove it or mark the screen \"terminal\": true.");
  }
  checkTerminalFooter(model, screen, problems);
  checkPlacement(model, screen, counts, problems);
  checkNames(screen, problems);
  checkSensitive(screen, problems);
  for (const c of screen.components) {
    if (c.type === 'If') checkIfFooter(c.node, problems);
    if (c.type === 'Switch') checkSwitchFooter(c.node, problems);
  }
  if (screen.components.some((c) => c.inBranch && c.type === 'Footer')) {
    const outside = screen.components.find((c) => !c.inBranch && c.type === 'Footer');
    if (outside) problems.error(outside.node.range, C.waIfSwitch, 'A Footer inside an If or Switch cannot be combined with a Footer outside it: keep one of them.');
  }
}

function checkTerminalFooter(model: FlowModel, screen: ScreenModel, problems: Problems): void {
  if (!screen.terminal) return;
  const endpoint = model.dataApiVersion !== undefined;
  for (const action of screen.actions) {
    if (action.component.type !== 'Footer' || action.key !== 'on-click-action' || !action.nameNode) continue;
    if (action.name === 'navigate') {
      problems.error(action.nameNode.range, C.waTerminalNavigates, `The Footer of terminal screen '${screen.id ?? '?'}' navigates, which prevents the flow from ending: use "complete"${endpoint ? ' or "data_exchange"' : ''} instead.`);
    } else if (atLeast(model.version, '7.3') && action.name !== 'complete' && !(endpoint && action.name === 'data_exchange')) {
      problems.error(action.nameNode.range, C.waTerminalFooter, `Invalid value found for property 'name'. Expected ${endpoint ? 'one of: [data_exchange, complete]' : "'complete'"} on the Footer of a terminal screen.`);
    }
  }
}

function checkPlacement(model: FlowModel, screen: ScreenModel, counts: Counts, problems: Problems): void {
  const v = model.version;
  const types = screen.components.map((c) => c.type);
  const richText = screen.components.find((c) => c.type === 'RichText');
  if (richText) {
    const others = types.filter((t) => t !== 'RichText' && t !== 'Form' && !(atLeast(v, '6.3') && t === 'Footer'));
    if (others.length > 0 || (counts.get('RichText') ?? 0) > 1) {
      problems.warning(
        richText.node.range,
        C.waComponentPlacement,
        atLeast(v, '6.3')
          ? 'RichText can either be the only component on the screen or it can be paired exclusively with the Footer component: move the other components to another screen.'
          : 'RichText cannot be used with other components on the same screen (a Footer is allowed from 6.3): make it the only component on the screen.',
      );
    }
  }
  const navList = screen.components.find((c) => c.type === 'NavigationList');
  if (navList) {
    if (screen.terminal) {
      problems.semantic(navList.node.range, C.waComponentPlacement, 'NavigationList is not allowed on a terminal screen: move it to another screen or remove "terminal".');
    }
    if (types.some((t) => t !== 'NavigationList' && t !== 'Form')) {
      problems.warning(navList.node.range, C.waComponentPlacement, 'Only up to 2 NavigationList components can be used per screen. Please remove other components.');
    }
  }
  if (screen.components.some((c) => c.type === 'Form')) {
    const outside = screen.components.filter((c) => c.spec?.input && !c.inForm);
    for (const c of outside) {
      problems.semantic(c.node.range, C.waComponentPlacement, `Component '${c.type}' is not allowed outside Form when Form component is present: move it into the Form.`);
    }
  }
}

function checkNames(screen: ScreenModel, problems: Problems): void {
  const seen = new Set<string>();
  for (const c of screen.components) {
    if (c.type === 'Form' || c.name === undefined || !c.nameNode) continue;
    if (seen.has(c.name)) {
      problems.error(c.nameNode.range, C.waDuplicateName, `Duplicate name found for Form components: '${c.name}'. Names must be unique on a screen, across Form children and all If/Switch branches.`);
    }
    seen.add(c.name);
  }
}

function checkSensitive(screen: ScreenModel, problems: Problems): void {
  const arr = asArray(lastProperty(screen.node, 'sensitive')?.value);
  const names = new Set(screen.components.map((c) => c.name).filter((n): n is string => n !== undefined));
  for (const item of arr?.items ?? []) {
    const s = asScalar(item);
    if (typeof s?.value === 'string' && !names.has(s.value)) {
      problems.error(s.range, C.waUnknownFormField, `No component corresponding to the sensitive field '${s.value}' can be found in screen '${screen.id ?? '?'}'.`);
    }
  }
}

function branchHasFooter(node: Node | undefined): boolean {
  return (asArray(node)?.items ?? []).some((i) => stringValue(asObject(i), 'type') === 'Footer');
}

function checkIfFooter(node: ObjectNode, problems: Problems): void {
  const thenHas = branchHasFooter(lastProperty(node, 'then')?.value);
  const elseProp = lastProperty(node, 'else');
  const elseHas = branchHasFooter(elseProp?.value);
  if (thenHas && !elseProp) {
    problems.error(lastProperty(node, 'then')?.keyRange ?? node.range, C.waIfSwitch, "Missing Footer inside one of the 'If' component branches. Branch 'else' should exist and contain one Footer.");
  } else if (thenHas !== elseHas) {
    problems.error((elseHas ? lastProperty(node, 'then') : elseProp)?.keyRange ?? node.range, C.waIfSwitch, "Footer component must be present in all branches of 'If' component if it exists in any one branch.");
  }
}

function checkSwitchFooter(node: ObjectNode, problems: Problems): void {
  const cases = asObject(lastProperty(node, 'cases')?.value)?.properties ?? [];
  const withFooter = cases.filter((c) => branchHasFooter(c.value));
  if (withFooter.length > 0 && withFooter.length < cases.length) {
    for (const c of cases.filter((x) => !branchHasFooter(x.value))) {
      problems.error(c.keyRange, C.waIfSwitch, 'Footer component must be present in all switch cases if it exists in one of the cases.');
    }
  }
}

function checkNavigateTargets(model: FlowModel, problems: Problems): void {
  const ids = model.screens.map((s) => s.id).filter((x): x is string => x !== undefined);
  const endpoint = model.dataApiVersion !== undefined || lastProperty(model.root, 'data_channel_uri') !== undefined;
  for (const screen of model.screens) {
    for (const action of screen.actions) {
      if (action.name === 'navigate' && action.next !== undefined && action.nextNode) {
        if (!ids.includes(action.next)) {
          const guess = closestName(action.next, ids, SEPARATORS);
          problems.error(action.nextNode.range, C.waUnknownScreen, `Unknown screen ids found: [${action.next}].${guess ? ` Did you mean '${guess}'?` : ` Screens: ${ids.join(', ')}.`}`);
        } else if (action.next === screen.id) {
          problems.error(action.nextNode.range, C.waSameScreenNavigation, `Same screen navigation is not allowed. Loop detected at [${action.next}]: navigate to another screen, or use update_data to change this one.`);
        }
      }
      if (action.name === 'complete' && !screen.terminal && action.nameNode) {
        problems.error(action.nameNode.range, C.waInvalidAction, "On-click-action 'complete' can only be configured on a terminal screen: mark the screen \"terminal\": true or navigate to a terminal screen.");
      }
      if (action.name === 'data_exchange' && !endpoint && action.nameNode) {
        problems.semantic(action.nameNode.range, C.waInvalidAction, 'The property \'data_api_version\' is required for data_exchange action: add "data_api_version": "3.0" and a "routing_model" at the top level.');
      }
    }
  }
}
