// Hover docs for Flow JSON: components, their properties (with the version that added them and
// limits), actions, screen ids and `${...}` references.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { nodeAt } from '../../parse';
import type { OffsetRange } from '../../parse/tree';
import type { AnalysedDocument } from '../../service/types';
import { flowAnalysis } from '../analyse';
import { findBindings } from '../check/bindings';
import { screenById } from '../check/model';
import { COMPONENTS_BY_TYPE } from '../spec/components';
import { ACTION_DOCS } from '../spec/document';
import type { PropertySpec } from '../spec/types';
import { offsetInString, stringValue } from '../tree';
import { enclosingScreen, propertiesOf, roleOf } from './context';
import { refAt, screenRefs } from './screenRefs';
import { rangeOf } from '../../parse/positions';

function propertyDoc(key: string, spec: PropertySpec): string {
  const facts: string[] = [];
  if (spec.required === true) facts.push('required');
  else if (typeof spec.required === 'string') facts.push(`required from ${spec.required}`);
  if (spec.since) facts.push(`since ${spec.since}`);
  if (spec.removedIn) facts.push(`removed in ${spec.removedIn}`);
  if (spec.maxLength) facts.push(`at most ${spec.maxLength} characters`);
  if (spec.values) facts.push(`one of ${spec.values.map((v) => `\`${v.value}\``).join(', ')}`);
  return `**${key}**${facts.length ? ` (${facts.join('; ')})` : ''}\n\n${spec.doc}`;
}

export function hoverFlowJson(doc: AnalysedDocument, position: Position): Hover | null {
  const { document, parsed } = doc;
  const offset = document.offsetAt(position);
  const { model } = flowAnalysis(doc);
  const make = (value: string, range: OffsetRange): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: rangeOf(document, range),
  });
  const ref = refAt(screenRefs(model), offset);
  if (ref) {
    const screen = screenById(model, ref.id);
    if (!screen) return make(`Unknown screen \`${ref.id}\``, ref.range);
    const title = stringValue(screen.node, 'title');
    const fields = [...screen.dataFields.keys()];
    return make(
      `**Screen ${ref.id}**${title ? `: ${title}` : ''}${screen.terminal ? ' (terminal)' : ''}${fields.length ? `\n\nData: ${fields.map((f) => `\`${f}\``).join(', ')}` : ''}`,
      ref.range,
    );
  }
  const at = nodeAt(parsed.root, offset);
  const prop = at.property;
  if (!prop) return null;
  const role = roleOf(prop.parent);
  if (at.onKey) {
    const spec = propertiesOf(role)?.[prop.key];
    if (spec) return make(propertyDoc(prop.key, spec), prop.keyRange);
    return null;
  }
  const value = prop.value;
  if (value?.kind !== 'scalar' || typeof value.value !== 'string') return null;
  if (role.kind === 'component' && prop.key === 'type') {
    const c = COMPONENTS_BY_TYPE.get(value.value);
    if (c) return make(`**${c.name}**${c.since ? ` (since ${c.since})` : ''}\n\n${c.doc}`, value.range);
  }
  if (role.kind === 'action' && prop.key === 'name') {
    const a = ACTION_DOCS[value.value as keyof typeof ACTION_DOCS];
    if (a) return make(`**${value.value}**${a.since ? ` (since ${a.since})` : ''}\n\n${a.doc}`, value.range);
  }
  for (const b of findBindings(value.value)) {
    const range = { start: offsetInString(value, b.start), end: offsetInString(value, b.end) };
    if (offset < range.start || offset > range.end) continue;
    const screen = b.screen !== undefined ? screenById(model, b.screen) : model.screens.find((s) => s.node === enclosingScreen(value));
    const field = b.path[0] as string;
    if (b.scope === 'data') {
      const decl = screen?.dataFields.get(field)?.value;
      const text = decl ? parsed.text.slice(decl.range.start, decl.range.end) : undefined;
      return make(text ? `**${b.text}**\n\n\`\`\`json\n${text.length > 400 ? text.slice(0, 400) + '…' : text}\n\`\`\`` : `**${b.text}**: not declared`, range);
    }
    const input = screen?.components.find((c) => c.name === field && c.spec?.input);
    return make(input ? `**${b.text}**: the value of the ${input.type} \`${field}\`` : `**${b.text}**: no input named \`${field}\``, range);
  }
  return null;
}
