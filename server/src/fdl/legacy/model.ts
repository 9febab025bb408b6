// The navigation model of a legacy flow (`type: flow`): every `steps` list is a scope, and a
// `goto` (choice, default or catch) names a step of the list that holds the step it belongs to.
import type { ArrayNode, Node, ObjectNode } from '../../parse/tree';
import type { AnalysedDocument } from '../../service/types';
import { derivedKey } from '../../service/derived';
import type { FlowModel, FlowScope, FlowState } from '../model/types';
import { asObject, asStringScalar } from '../tree';
import { lastProperty } from '../../parse/properties';

const MODEL = derivedKey<FlowModel>('legacy flow model');

/** The model of one document version, built once for all its features. */
export function legacyModel(doc: AnalysedDocument): FlowModel {
  return doc.derived.get(MODEL, () => buildLegacyModel(asObject(doc.parsed.root)));
}

export function buildLegacyModel(root: ObjectNode | undefined): FlowModel {
  const model: FlowModel = { scopes: [], states: [], references: [] };
  if (root) buildSteps(model, lastProperty(root, 'steps'), undefined, 'the top-level `steps`');
  return model;
}

function buildSteps(model: FlowModel, stepsProperty: ReturnType<typeof lastProperty>, owner: FlowState | undefined, label: string): FlowScope | undefined {
  const list = stepsProperty?.value;
  if (list?.kind !== 'array') return undefined;
  const scope: FlowScope = {
    kind: 'steps', node: list, statesProperty: stepsProperty, startAt: undefined,
    states: [], byName: new Map(), owner, label,
  };
  model.scopes.push(scope);
  for (const item of list.items) if (item.kind === 'object') buildStep(model, item, scope);
  return scope;
}

function buildStep(model: FlowModel, node: ObjectNode, scope: FlowScope): void {
  const nameNode = asStringScalar(lastProperty(node, 'name')?.value);
  const typeNode = asStringScalar(lastProperty(node, 'type')?.value);
  const step: FlowState = { node, name: nameNode?.value, nameNode, type: typeNode?.value, typeNode, scope, children: [] };
  scope.states.push(step);
  model.states.push(step);
  if (step.name !== undefined && !scope.byName.has(step.name)) scope.byName.set(step.name, step);
  const title = step.name !== undefined ? `\`${step.name}\`` : 'this step';
  const child = (p: ReturnType<typeof lastProperty>, label: string): void => {
    const s = buildSteps(model, p, step, label);
    if (s) step.children.push(s);
  };
  const goto = (holder: ObjectNode, field: string): void => {
    const target = asStringScalar(lastProperty(holder, 'goto')?.value);
    if (target) model.references.push({ name: target.value, node: target, scope, from: step, field });
  };
  for (const p of node.properties) {
    switch (p.key) {
      case 'steps':
        child(p, `the \`steps\` of ${title}`);
        break;
      case 'choices':
        eachObject(p.value, (choice, i) => {
          child(lastProperty(choice, 'steps'), `choice ${i + 1} of ${title}`);
          goto(choice, 'choices[].goto');
        });
        break;
      case 'default': {
        const d = asObject(p.value);
        if (d) {
          child(lastProperty(d, 'steps'), `the \`default\` of ${title}`);
          goto(d, 'default.goto');
        }
        break;
      }
      case 'branches':
        eachObject(p.value, (branch, i) => child(lastProperty(branch, 'steps'), `branch ${i + 1} of ${title}`));
        break;
      case 'catch':
        eachObject(p.value, (rule, i) => {
          child(lastProperty(rule, 'steps'), `catch rule ${i + 1} of ${title}`);
          goto(rule, 'catch[].goto');
        });
        break;
      default:
        break;
    }
  }
}

function eachObject(node: Node | undefined, visit: (o: ObjectNode, index: number) => void): void {
  const arr = node as ArrayNode | undefined;
  if (arr?.kind !== 'array') return;
  arr.items.forEach((item, i) => {
    if (item.kind === 'object') visit(item, i);
  });
}
