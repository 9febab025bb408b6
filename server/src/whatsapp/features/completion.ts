// Completion for Flow JSON: property names of the object under the cursor, component types,
// enum values, action names, screen ids (navigate targets, routing_model) and `${...}` references.
import type { Position } from 'vscode-languageserver-types';
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { nodeAt } from '../../parse';
import type { Node, ObjectNode, OffsetRange, ScalarNode } from '../../parse/tree';
import type { AnalysedDocument } from '../../service/types';
import { flowAnalysis } from '../analyse';
import { inputsByName, screenById, type FlowModel, type ScreenModel } from '../check/model';
import { COMPONENTS } from '../spec/components';
import { ACTION_DOCS } from '../spec/document';
import type { PropertySpec } from '../spec/types';
import { FLOW_JSON_VERSIONS, atLeast } from '../spec/versions';
import { contentRange } from '../tree';
import { propertyValue } from '../../parse/properties';
import { enclosingScreen, propertiesOf, roleOf } from './context';
import { rangeOf } from '../../parse/positions';

export function completeFlowJson(doc: AnalysedDocument, position: Position): CompletionList {
  const { document, parsed } = doc;
  const offset = document.offsetAt(position);
  const { model } = flowAnalysis(doc);
  const at = nodeAt(parsed.root, offset);
  const items: CompletionItem[] = [];
  const edit = (range: OffsetRange, newText: string) => ({
    range: rangeOf(document, range),
    newText,
  });

  const scalar = at.node?.kind === 'scalar' && typeof at.node.value === 'string' ? at.node : undefined;
  if (scalar && !at.onKey) {
    const inner = contentRange(scalar);
    const before = parsed.text.slice(inner.start, Math.min(offset, inner.end));
    const open = before.lastIndexOf('${');
    if (open >= 0 && !before.slice(open).includes('}')) {
      const screen = model.screens.find((s) => s.node === enclosingScreen(scalar));
      const typed = before.slice(open + 2);
      const from = inner.start + open + 2;
      const closeNeeded = parsed.text[offset] !== '}';
      for (const r of referenceCompletions(model, screen, typed)) {
        items.push({
          label: r.label,
          kind: r.kind,
          detail: r.detail,
          textEdit: edit({ start: from, end: offset }, r.label + (r.complete && closeNeeded ? '}' : '')),
        });
      }
      return { isIncomplete: false, items };
    }
  }

  if (at.property && (at.onKey || (at.property.value === undefined && offset >= at.property.keyRange.end))) {
    const owner = at.property.parent;
    if (at.onKey) {
      for (const [key, spec] of availableProperties(owner, model.version)) {
        items.push({ label: key, kind: CompletionItemKind.Property, documentation: spec.doc, textEdit: edit(at.property.keyRange, JSON.stringify(key)) });
      }
      return { isIncomplete: false, items };
    }
  }

  if (at.property && at.property.value && at.node === at.property.value && at.node.kind === 'scalar') {
    const owner = at.property.parent;
    const range = at.node.quoted ? contentRange(at.node) : at.node.range;
    const wrap = (s: string) => (at.node && (at.node as ScalarNode).quoted ? s : JSON.stringify(s));
    for (const v of valueCompletions(model, owner, at.property.key)) {
      items.push({ label: v.label, kind: v.kind, documentation: v.doc, textEdit: edit(range, wrap(v.label)) });
    }
    return { isIncomplete: false, items };
  }

  const container: Node | undefined = at.node;
  if (container?.kind === 'array') {
    const holder = container.parent;
    if (holder?.kind === 'property' && holder.parent.parent?.kind === 'property' && holder.parent.parent.key === 'routing_model') {
      for (const s of model.screens) if (s.id) items.push({ label: s.id, kind: CompletionItemKind.Reference, insertText: JSON.stringify(s.id) });
    } else if (holder?.kind === 'property' && ['children', 'then', 'else'].includes(holder.key)) {
      for (const c of COMPONENTS) {
        if (!atLeast(model.version, c.since)) continue;
        const required = Object.entries(c.properties).filter(([k, p]) => k !== 'type' && p.required === true);
        const body = [`"type": "${c.name}"`, ...required.map(([k], i) => `"${k}": \${${i + 1}}`)].join(', ');
        items.push({ label: c.name, kind: CompletionItemKind.Class, documentation: c.doc, insertText: `{ ${body} }`, insertTextFormat: 2 });
      }
    }
    return { isIncomplete: false, items };
  }
  if (container?.kind === 'object') {
    for (const [key, spec] of availableProperties(container, model.version)) {
      items.push({ label: key, kind: CompletionItemKind.Property, documentation: spec.doc, insertText: `"${key}": ` });
    }
  }
  return { isIncomplete: false, items };
}

function availableProperties(owner: ObjectNode, version: string): [string, PropertySpec][] {
  const props = propertiesOf(roleOf(owner));
  if (!props) return [];
  const present = new Set(owner.properties.map((p) => p.key));
  return Object.entries(props).filter(([k, p]) => !present.has(k) && atLeast(version, p.since) && !(p.removedIn && atLeast(version, p.removedIn)));
}

interface ValueItem {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly doc?: string;
}

function valueCompletions(model: FlowModel, owner: ObjectNode, key: string): ValueItem[] {
  const role = roleOf(owner);
  const v = model.version;
  if (role.kind === 'root' && key === 'version') return FLOW_JSON_VERSIONS.map((x) => ({ label: x.version, kind: CompletionItemKind.Value, doc: x.state }));
  if (role.kind === 'component' && key === 'type') {
    return COMPONENTS.filter((c) => atLeast(v, c.since)).map((c) => ({ label: c.name, kind: CompletionItemKind.Class, doc: c.doc }));
  }
  if (role.kind === 'action' && key === 'name') {
    const actions = role.spec?.actions ?? Object.keys(ACTION_DOCS).map((name) => ({ name, since: ACTION_DOCS[name as keyof typeof ACTION_DOCS].since }));
    return actions.filter((a) => atLeast(v, a.since)).map((a) => ({ label: a.name, kind: CompletionItemKind.Function, doc: ACTION_DOCS[a.name as keyof typeof ACTION_DOCS]?.doc }));
  }
  if (role.kind === 'next' && key === 'name') {
    const current = model.screens.find((s) => s.node === enclosingScreen(owner));
    return model.screens.filter((s) => s.id && s !== current).map((s) => ({ label: s.id as string, kind: CompletionItemKind.Reference, doc: screenDoc(s) }));
  }
  const props = propertiesOf(role);
  const spec = props?.[key];
  if (spec?.values) return spec.values.filter((e) => atLeast(v, e.since)).map((e) => ({ label: e.value, kind: CompletionItemKind.EnumMember }));
  if (spec?.kind === 'boolean') return [{ label: 'true', kind: CompletionItemKind.Value }, { label: 'false', kind: CompletionItemKind.Value }];
  return [];
}

function screenDoc(s: ScreenModel): string {
  const title = propertyValue(s.node, 'title');
  return `${title?.kind === 'scalar' ? String(title.value) : ''}${s.terminal ? ' (terminal)' : ''}`;
}

interface RefItem {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  /** A whole reference (gets the closing brace). */
  readonly complete: boolean;
}

function fields(screen: ScreenModel | undefined, scope: string, prefix: string): RefItem[] {
  if (!screen) return [];
  if (scope === 'data') {
    return [...screen.dataFields.keys()].map((k) => ({ label: `${prefix}data.${k}`, kind: CompletionItemKind.Field, detail: 'screen data', complete: true }));
  }
  return [...inputsByName(screen).values()].map((c) => ({ label: `${prefix}form.${c.name}`, kind: CompletionItemKind.Field, detail: c.type, complete: true }));
}

function referenceCompletions(model: FlowModel, screen: ScreenModel | undefined, typed: string): RefItem[] {
  const global = /^screen\.([A-Za-z_]*)(\.(.*))?$/.exec(typed);
  if (global) {
    const id = global[1] as string;
    if (global[2] === undefined) {
      return model.screens
        .filter((s) => s.id)
        .map((s) => ({ label: `screen.${s.id}.`, kind: CompletionItemKind.Module, detail: 'another screen', complete: false }));
    }
    const target = screenById(model, id);
    return [...fields(target, 'data', `screen.${id}.`), ...fields(target, 'form', `screen.${id}.`)];
  }
  const local = [...fields(screen, 'data', ''), ...fields(screen, 'form', '')];
  const starts = atLeast(model.version, '4.0') ? [{ label: 'screen.', kind: CompletionItemKind.Module, detail: 'reference another screen', complete: false }] : [];
  return [...local, ...starts];
}
