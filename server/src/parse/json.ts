// JSON text -> positioned tree. Strict JSON is read in one pass by jsonScanner.ts; anything
// else goes through jsonc-parser, which keeps going after errors, so a half-written document
// still yields every property it can.
import { parseTree, type Node as JsoncNode, type ParseError, ParseErrorCode } from 'jsonc-parser';
import { MAX_NESTING_DEPTH, type ArrayNode, type Node, type ObjectNode, type ParsedText, type Property, type ScalarNode, type SyntaxProblem } from './tree';
import { scanStrictJson } from './jsonScanner';
import { markReadByFastPath } from './fastPath';

const ERROR_ADVICE: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character; JSON allows only objects, arrays, strings, numbers, true, false and null',
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes is expected',
  [ParseErrorCode.ValueExpected]: 'a value is expected',
  [ParseErrorCode.ColonExpected]: "a ':' is expected after the property name",
  [ParseErrorCode.CommaExpected]: "a ',' is expected between items",
  [ParseErrorCode.CloseBraceExpected]: "a closing '}' is expected",
  [ParseErrorCode.CloseBracketExpected]: "a closing ']' is expected",
  [ParseErrorCode.EndOfFileExpected]: 'the document should end here; only one top-level value is allowed',
  [ParseErrorCode.InvalidCommentToken]: 'comments are not allowed in JSON',
  [ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string; add the closing double quote',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'unterminated number',
  [ParseErrorCode.InvalidUnicode]: 'invalid \\u escape sequence',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character in string',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in string (control characters must be escaped)',
};

export function parseJson(text: string): ParsedText {
  const strict = scanStrictJson(text);
  if (!strict) return parseJsonGeneral(text);
  const parsed: ParsedText = { format: 'json', text, root: strict.root, syntaxProblems: [], repeatedKeys: strict.repeatedKeys };
  markReadByFastPath(parsed);
  return parsed;
}

/** The general path: jsonc-parser, with its error recovery. */
export function parseJsonGeneral(text: string): ParsedText {
  // A byte order mark is not JSON; a space of the same length keeps every offset.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  // jsonc-parser and the tree conversion recurse per level: a too-deep text is refused first.
  const tooDeep = offsetPastDepth(source, MAX_NESTING_DEPTH);
  if (tooDeep !== undefined) {
    return {
      format: 'json', text, root: undefined,
      syntaxProblems: [{
        range: { start: tooDeep, end: tooDeep + 1 },
        code: 'nesting-too-deep',
        message: `The document nests more than ${MAX_NESTING_DEPTH} levels deep here; Flowdeck stops reading at that depth. Flatten it (move deeply nested Map or Parallel processors into flows of their own).`,
      }],
    };
  }
  const errors: ParseError[] = [];
  let tree: JsoncNode | undefined;
  try {
    tree = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { format: 'json', text, root: undefined, syntaxProblems: [{ range: { start: 0, end: 0 }, message: `JSON could not be read: ${message}` }] };
  }
  const problems: SyntaxProblem[] = errors.map((e) => {
    const end = Math.min(text.length, e.offset + Math.max(e.length, e.offset < text.length ? 1 : 0));
    return { range: { start: Math.min(e.offset, text.length), end }, message: `JSON syntax error: ${ERROR_ADVICE[e.error] ?? 'unexpected text'}.` };
  });
  return { format: 'json', text, root: tree ? convert(tree, source) : undefined, syntaxProblems: problems };
}

function convert(n: JsoncNode, source: string): Node | undefined {
  const range = { start: n.offset, end: n.offset + n.length };
  switch (n.type) {
    case 'object': {
      const node: ObjectNode = { kind: 'object', properties: [], range, parent: undefined };
      for (const child of n.children ?? []) {
        const keyNode = child.children?.[0];
        if (child.type !== 'property' || keyNode === undefined) continue;
        const valueNode = child.children?.[1];
        const value = valueNode ? convert(valueNode, source) : undefined;
        const keyRange = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
        const prop: Property = {
          kind: 'property',
          key: typeof keyNode.value === 'string' ? keyNode.value : String(keyNode.value),
          keyRange,
          value,
          range: { start: keyRange.start, end: value ? value.range.end : keyRange.end },
          parent: node,
        };
        if (value) value.parent = prop;
        node.properties.push(prop);
      }
      return node;
    }
    case 'array': {
      const node: ArrayNode = { kind: 'array', items: [], range, parent: undefined };
      for (const child of n.children ?? []) {
        const item = convert(child, source);
        if (!item) continue;
        item.parent = node;
        node.items.push(item);
      }
      return node;
    }
    case 'string': {
      // The content sits inside the quotes (an unterminated string has no closing one).
      const closed = n.length >= 2 && source.charCodeAt(n.offset + n.length - 1) === 0x22;
      const node: ScalarNode = {
        kind: 'scalar',
        value: typeof n.value === 'string' ? n.value : '',
        quoted: true,
        range,
        contentRange: { start: n.offset + 1, end: n.offset + n.length - (closed ? 1 : 0) },
        parent: undefined,
      };
      return node;
    }
    case 'number':
    case 'boolean':
    case 'null': {
      const value = n.type === 'null' ? null : (n.value as number | boolean);
      return { kind: 'scalar', value, quoted: false, range, contentRange: range, parent: undefined };
    }
    default:
      return undefined;
  }
}

/** The offset of the first `{` or `[` that opens level `maxDepth + 1` (outside strings), if any. */
function offsetPastDepth(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string, escapes included; an unclosed one ends the scan (jsonc reports it).
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
