// Text -> one positioned tree, for YAML and JSON alike. Never throws: whatever goes wrong
// becomes a syntax problem with a range.
import { parseYaml } from './yaml';
import { parseJson } from './json';
import type { ParsedText, SourceFormat } from './tree';

export type { ArrayNode, JsonValue, Node, ObjectNode, OffsetRange, ParsedText, Property, ScalarNode, SourceFormat, SyntaxProblem } from './tree';
export { toJsonValue } from './toJson';
export { lastProperty, propertyValue } from './properties';
export { positionIndex, positionsOf, rangeOf, type PositionIndex } from './positions';
export { nodeAt, pathOf, findByPath, segmentsOfPointer, type NodeAtOffset, type PathSegment, type Located } from './navigate';

/** A document with nothing in it yet (blank, or only comments): no value and nothing wrong. */
export function isEmptyDocument(parsed: ParsedText): boolean {
  return parsed.root === undefined && parsed.syntaxProblems.length === 0;
}

export function parseText(text: string, format: SourceFormat): ParsedText {
  try {
    return format === 'json' ? parseJson(text) : parseYaml(text);
  } catch (err) {
    // A bug in the tree builder must not take the editor down: report it where the user looks.
    const message = err instanceof Error ? err.message : String(err);
    return {
      format,
      text,
      root: undefined,
      syntaxProblems: [{ range: { start: 0, end: Math.min(1, text.length) }, message: `The document could not be read (${message}).` }],
    };
  }
}
