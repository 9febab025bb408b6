// Smaller rules between properties (research/whatsapp-gaps.md §1.3): navigate payloads against
// the next screen's data, update_data payloads against this screen's data, Footer captions,
// min/max pairs, TextInput pattern needs helper-text, endpoint-only settings. Rules only the
// WhatsApp client is known to enforce are warnings (research/whatsapp-gaps.md §6).
import { DiagnosticCodes as C } from '../../diagnostics/codes';
import type { OffsetRange } from '../../parse/tree';
import { atLeast } from '../spec/versions';
import type { ObjectNode } from '../../parse/tree';
import { asArray, asObject, asScalar, stringValue } from '../tree';
import { lastProperty } from '../../parse/properties';
import { screenById, type FlowModel } from './model';
import type { Problems } from './problems';

const MIN_MAX: readonly (readonly [string, string])[] = [
  ['min-selected-items', 'max-selected-items'],
  ['min-chars', 'max-chars'],
  ['min-uploaded-photos', 'max-uploaded-photos'],
  ['min-uploaded-documents', 'max-uploaded-documents'],
  ['min-days', 'max-days'],
];

export function checkRules(model: FlowModel, problems: Problems): void {
  const v = model.version;
  const endpoint = model.dataApiVersion !== undefined;
  const dav = lastProperty(model.root, 'data_api_version');
  if (dav && !model.routingModel && atLeast(v, '3.0')) {
    problems.semantic(dav.keyRange, C.missingProperty, "The property 'routing_model' is required for property 'data_api_version': add \"routing_model\" listing each screen's next screens.");
  }
  for (const screen of model.screens) {
    const refresh = lastProperty(screen.node, 'refresh_on_back');
    if (refresh && asScalar(refresh.value)?.value === true && !endpoint) {
      problems.semantic(refresh.keyRange, C.invalidValue, "Property 'refresh_on_back' can be true only when property 'data_api_version' is set (flows with a data endpoint).");
    }
    for (const c of screen.components) {
      const num = (k: string) => {
        const n = asScalar(lastProperty(c.node, k)?.value)?.value;
        return typeof n === 'number' ? n : undefined;
      };
      for (const [min, max] of MIN_MAX) {
        const lo = num(min);
        const hi = num(max);
        if (lo !== undefined && hi !== undefined && lo > hi) {
          const at = lastProperty(c.node, min)?.keyRange ?? c.node.range;
          problems.error(at, C.waOutOfRange, `'${min}' cannot be greater than '${max}' for ${c.type}${c.name ? ` '${c.name}'` : ''}.`);
        }
      }
      if (c.type === 'Footer') {
        const has = (k: string) => lastProperty(c.node, k) !== undefined;
        if (has('center-caption') && (has('left-caption') || has('right-caption'))) {
          problems.error(lastProperty(c.node, 'center-caption')?.keyRange ?? c.node.range, C.invalidValue, 'Footer takes either left-caption and right-caption, or center-caption, never both: remove one kind.');
        } else if (has('left-caption') !== has('right-caption')) {
          const present = has('left-caption') ? 'left-caption' : 'right-caption';
          const missing = present === 'left-caption' ? 'right-caption' : 'left-caption';
          problems.error(lastProperty(c.node, present)?.keyRange ?? c.node.range, C.missingProperty, `Footer should have property ${missing} when property ${present} is present.`);
        }
      }
      if (c.type === 'NavigationList') checkNavigationList(c.node, problems);
      if (c.type === 'TextInput' && lastProperty(c.node, 'pattern') && !lastProperty(c.node, 'helper-text') && atLeast(v, '6.2')) {
        problems.warning(lastProperty(c.node, 'pattern')?.keyRange ?? c.node.range, C.missingProperty, "Required property 'helper-text' is missing: a TextInput with a 'pattern' must tell the user what to enter.");
      }
    }
    for (const action of screen.actions) {
      const payloadProp = lastProperty(action.node, 'payload');
      const anchor: OffsetRange = payloadProp?.keyRange ?? action.nameNode?.range ?? action.node.range;
      if (action.name === 'update_data') {
        const unknown = (action.payload?.properties ?? []).filter((p) => !screen.dataFields.has(p.key));
        if (unknown.length > 0) {
          problems.warning(unknown[0]?.keyRange ?? anchor, C.waPayload, `Following fields are missing in the screen '${screen.id ?? '?'}' data model: [${unknown.map((p) => p.key).join(', ')}]. update_data can only change declared data.`);
        }
      }
      if (action.name === 'navigate' && action.next !== undefined && (atLeast(v, '7.3') || (atLeast(v, '5.0') && !atLeast(v, '6.0')))) {
        const next = screenById(model, action.next);
        if (!next || next === screen) continue;
        const sent = new Set((action.payload?.properties ?? []).map((p) => p.key));
        const extra = (action.payload?.properties ?? []).filter((p) => !next.dataFields.has(p.key));
        const missing = [...next.dataFields.keys()].filter((k) => !k.startsWith('required') && !sent.has(k));
        if (extra.length > 0) {
          problems.error(extra[0]?.keyRange ?? anchor, C.waPayload, `Following fields are missing in the next screen's data model: [${extra.map((p) => p.key).join(', ')}]. Declare them in the "data" of '${next.id}' or remove them from the payload.`);
        }
        if (missing.length > 0) {
          problems.error(anchor, C.waPayload, `Following fields are expected in the next screen's data model but missing in payload: [${missing.join(', ')}]. Pass them in the payload of this navigate action.`);
        }
      }
    }
  }
}

/** NavigationList (6.2+): one badge, `end` with 1-2 fields and not with large media, the action on the list or its items. */
function checkNavigationList(list: ObjectNode, problems: Problems): void {
  const items = (asArray(lastProperty(list, 'list-items')?.value)?.items ?? []).map(asObject).filter((x): x is ObjectNode => x !== undefined);
  if (items.length === 0) return;
  const badges = items.filter((i) => lastProperty(i, 'badge'));
  if (badges.length > 1) {
    problems.error(lastProperty(badges[1] as ObjectNode, 'badge')?.keyRange ?? list.range, C.waItemCount, "Property 'list-items' should have at most '1' badge item: remove the other badges.");
  }
  const large = stringValue(list, 'media-size') === 'large';
  for (const item of items) {
    const end = lastProperty(item, 'end');
    const fields = asObject(end?.value)?.properties.length ?? 0;
    if (end && (fields < 1 || fields > 2)) {
      problems.error(end.keyRange, C.invalidValue, "For the 'NavigationList' component, 'end' add-on should have at least 1 and at most 2 of 'title', 'metadata' or 'description'.");
    }
    if (end && large) {
      problems.error(end.keyRange, C.invalidValue, "Cannot set property 'media-size' to 'large' when 'end' add-on is present for component 'NavigationList'.");
    }
  }
  const onList = lastProperty(list, 'on-click-action');
  const onItems = items.filter((i) => lastProperty(i, 'on-click-action'));
  if (onList && onItems.length > 0) {
    problems.error(onList.keyRange, C.invalidValue, "For the 'NavigationList' component, 'on-click-action' can only be defined at either root level or within the 'list-items', but not both.");
  } else if (!onList && onItems.length < items.length && asArray(lastProperty(list, 'list-items')?.value)) {
    problems.error(lastProperty(list, 'list-items')?.keyRange ?? list.range, C.missingProperty, "Required property 'on-click-action' is missing: set it on the NavigationList or on every list item.");
  }
}
