// Recognising dynamic values: `${data.x}`, `${form.x}`, `${screen.S.data.x}` and (6.0+)
// backtick expressions. Patterns from research/whatsapp-gaps.md §4.1.
import { atLeast } from '../spec/versions';

export interface BindingRef {
  /** The whole `${...}` text. */
  readonly text: string;
  /** Offset of `$` in the string. */
  readonly start: number;
  readonly end: number;
  /** Screen named by a global reference (`${screen.S...}`). */
  readonly screen: string | undefined;
  readonly scope: 'data' | 'form';
  readonly path: readonly string[];
}

const BINDING = /\$\{(?:screen\.([A-Za-z,_]*)\.)?(data|form)((?:\.[\w-]+)+)\}/g;
const WHOLE_BINDING = /^\$\{(?:screen\.[A-Za-z,_]*\.)?(?:data|form)(?:\.[\w-]+)+\}$/;

/** Every well-formed `${...}` reference in a string, with offsets inside it. */
export function findBindings(text: string): BindingRef[] {
  const out: BindingRef[] = [];
  for (const m of text.matchAll(BINDING)) {
    const start = m.index;
    out.push({
      text: m[0],
      start,
      end: start + m[0].length,
      screen: m[1],
      scope: m[2] as 'data' | 'form',
      path: (m[3] as string).slice(1).split('.'),
    });
  }
  return out;
}

/** `${` openings that are not a well-formed reference (for a syntax error). */
export function malformedBindings(text: string): { start: number; end: number }[] {
  const good = findBindings(text);
  const out: { start: number; end: number }[] = [];
  let i = text.indexOf('${');
  while (i >= 0) {
    if (!good.some((b) => b.start === i)) {
      const close = text.indexOf('}', i);
      out.push({ start: i, end: close < 0 ? text.length : close + 1 });
    }
    i = text.indexOf('${', i + 2);
  }
  return out;
}

export function isWholeBinding(text: string): boolean {
  return WHOLE_BINDING.test(text);
}

/** A nested expression: the whole value in backticks (6.0+). */
export function isNestedExpression(text: string, version: string): boolean {
  return atLeast(version, '6.0') && text.length >= 2 && text.startsWith('`') && text.endsWith('`');
}

/** A value that stands for a dynamic value rather than a literal. */
export function isDynamic(text: string, version: string): boolean {
  return isWholeBinding(text) || isNestedExpression(text, version);
}
