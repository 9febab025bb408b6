// The Flow JSON text as the preview needs it, with no language server: the parsed value, which
// screen and component an offset falls in, and diagnostics mapped to the component they touch.
// Components are named by JSON pointer, as the renderer names them. Shared by the VS Code panel
// (client) and `flowdeck preview`; pure (jsonc-parser only).
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export interface ComponentSpan {
  /** e.g. `/screens/0/layout/children/2/then/0`, or `/screens/0` for a screen. */
  readonly pointer: string;
  readonly offset: number;
  readonly end: number;
  /** The screen it belongs to. */
  readonly screenId: string;
}

export interface FlowText {
  readonly value: unknown;
  /** The first syntax error, "line:column message", when the text is not JSON. */
  readonly parseError: string | undefined;
  /** Screens and every component in them, outermost first. */
  readonly spans: readonly ComponentSpan[];
}

export function readFlowText(text: string): FlowText {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: true });
  const first = errors[0];
  const parseError = first ? `${lineColumn(text, first.offset)} ${printParseErrorCode(first.error)}` : undefined;
  const value: unknown = root ? getNodeValue(root) : undefined;
  return { value, parseError, spans: root ? spansOf(root) : [] };
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

function property(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

function spansOf(root: Node): ComponentSpan[] {
  const out: ComponentSpan[] = [];
  const screens = property(root, 'screens');
  (screens?.type === 'array' ? (screens.children ?? []) : []).forEach((screen, i) => {
    const idNode = property(screen, 'id');
    const screenId = typeof idNode?.value === 'string' ? idNode.value : `#${i + 1}`;
    const pointer = `/screens/${i}`;
    out.push({ pointer, offset: screen.offset, end: screen.offset + screen.length, screenId });
    components(property(property(screen, 'layout'), 'children'), `${pointer}/layout/children`, screenId, out);
  });
  return out;
}

function components(list: Node | undefined, pointer: string, screenId: string, out: ComponentSpan[]): void {
  if (list?.type !== 'array') return;
  (list.children ?? []).forEach((c, i) => {
    const path = `${pointer}/${i}`;
    out.push({ pointer: path, offset: c.offset, end: c.offset + c.length, screenId });
    for (const key of ['children', 'then', 'else']) components(property(c, key), `${path}/${key}`, screenId, out);
    const cases = property(c, 'cases');
    if (cases?.type === 'object') {
      for (const p of cases.children ?? []) {
        const name = p.children?.[0]?.value;
        if (typeof name === 'string') components(p.children?.[1], `${path}/cases/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, screenId, out);
      }
    }
  });
}

/** The innermost screen or component containing `offset`. */
export function spanAt(spans: readonly ComponentSpan[], offset: number): ComponentSpan | undefined {
  let best: ComponentSpan | undefined;
  for (const s of spans) if (s.offset <= offset && offset < s.end && (!best || s.end - s.offset <= best.end - best.offset)) best = s;
  return best;
}

/**
 * Diagnostics' messages by the innermost component (or screen) their start falls in; those
 * outside every screen (version, routing_model, ...) under the empty pointer, the whole flow.
 */
export function issuesBySpan(spans: readonly ComponentSpan[], diagnostics: readonly { offset: number; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of diagnostics) {
    const span = spanAt(spans, d.offset);
    (out[span?.pointer ?? ''] ??= []).push(d.message);
  }
  return out;
}

/** The text range of the JSON at a pointer (to reveal a component the user double-clicked). */
export function rangeOfPointer(text: string, pointer: string): { offset: number; length: number } | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  let node: Node | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.type === 'array' ? node.children?.[Number(key)] : property(node, key);
    if (!node) return undefined;
  }
  return node ? { offset: node.offset, length: node.length } : undefined;
}

