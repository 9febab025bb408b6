// Every place a screen id is written: its declaration, navigate targets, routing_model keys and
// targets, and `${screen.ID...}` references. Definition, references and rename read this list.
import type { OffsetRange } from '../../parse/tree';
import { findBindings } from '../check/bindings';
import type { FlowModel } from '../check/model';
import { screenStrings } from '../check/references';
import { asArray, asScalar, contentRange, offsetInString } from '../tree';

export interface ScreenRef {
  readonly id: string;
  /** The id's own characters (without quotes). */
  readonly range: OffsetRange;
  readonly declaration: boolean;
}

export function screenRefs(model: FlowModel): ScreenRef[] {
  const out: ScreenRef[] = [];
  for (const screen of model.screens) {
    if (screen.id !== undefined && screen.idNode) out.push({ id: screen.id, range: contentRange(screen.idNode), declaration: true });
    for (const a of screen.actions) {
      if (a.name === 'navigate' && a.next !== undefined && a.nextNode) out.push({ id: a.next, range: contentRange(a.nextNode), declaration: false });
    }
    for (const s of screenStrings(screen)) {
      const text = s.value as string;
      if (!text.includes('${screen.')) continue;
      for (const b of findBindings(text)) {
        if (b.screen === undefined) continue;
        const start = offsetInString(s, b.start + '${screen.'.length);
        out.push({ id: b.screen, range: { start, end: start + b.screen.length }, declaration: false });
      }
    }
  }
  for (const p of model.routingModel?.properties ?? []) {
    // Keys are quoted in JSON: the id sits inside the quotes.
    const quoted = p.keyRange.end - p.keyRange.start === p.key.length + 2;
    const start = p.keyRange.start + (quoted ? 1 : 0);
    out.push({ id: p.key, range: { start, end: start + p.key.length }, declaration: false });
    for (const t of asArray(p.value)?.items ?? []) {
      const s = asScalar(t);
      if (typeof s?.value === 'string') out.push({ id: s.value, range: contentRange(s), declaration: false });
    }
  }
  return out;
}

export function refAt(refs: readonly ScreenRef[], offset: number): ScreenRef | undefined {
  return refs.find((r) => offset >= r.range.start && offset <= r.range.end);
}
