// The one positioned tree every feature reads. Offsets are zero-based and end-exclusive,
// counted in UTF-16 code units of the document text (what TextDocument.positionAt expects).
import type { TextReader } from './textReader';

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

interface NodeBase {
  /** The value's own source span (for a mapping or sequence: from its first to its last character). */
  readonly range: OffsetRange;
  /** Set when the node was reached through a YAML alias (`*name`): the anchor's name. */
  readonly aliasOf?: string;
  /** The property or array that holds this node; undefined for the root. */
  parent: Property | ArrayNode | undefined;
}

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly properties: Property[];
}

export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: Node[];
}

export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  /** True when the source wrote the scalar in quotes or as a block scalar (so `"1"` stays a string). */
  readonly quoted: boolean;
  /** A YAML tag such as `!Ref`, when present. */
  readonly tag?: string;
  /**
   * The characters the value was read from, without quotes or a block scalar's indicator line
   * (equal to `range` for a plain scalar). Expression offsets are relative to this span.
   */
  readonly contentRange?: OffsetRange;
}

export type Node = ObjectNode | ArrayNode | ScalarNode;

export interface Property {
  readonly kind: 'property';
  readonly key: string;
  readonly keyRange: OffsetRange;
  /** Undefined while the value is not written yet (`Next:` at the end of a line). */
  value: Node | undefined;
  /** From the key's first character to the value's last (or the key's end when there is no value). */
  readonly range: OffsetRange;
  readonly parent: ObjectNode;
}

export interface SyntaxProblem {
  readonly range: OffsetRange;
  readonly message: string;
  /** A diagnostic code other than syntax-error (e.g. nesting-too-deep). */
  readonly code?: string;
}

/**
 * How deeply a document may nest (objects and arrays). js-yaml stops at 100 levels; JSON is held
 * to the same, so every later check (schema, semantics) walks a bounded tree.
 */
export const MAX_NESTING_DEPTH = 100;

export type SourceFormat = 'yaml' | 'json';

export interface ParsedText {
  readonly format: SourceFormat;
  readonly text: string;
  /**
   * The same text to read a few characters of without copying it whole (an editor document's
   * pieces, see pieceText.ts); readers use sourceOf(parsed). Undefined when `text` is one string.
   */
  readonly source?: TextReader;
  /** The first document's root; undefined for an empty or unparseable text. */
  readonly root: Node | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  /**
   * Properties whose key already appeared earlier in the same mapping, as the parser found them;
   * undefined when the parse did not record them.
   */
  readonly repeatedKeys?: readonly Property[];
}
