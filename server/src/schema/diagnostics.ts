// ajv errors -> LSP diagnostics with ranges in the positioned tree, following the convention of
// yaml-language-server: a missing property underlines the holder's key (or the object's first
// line), an unknown property its key, a wrong type/enum/const the value. `oneOf` noise is
// collapsed: with a discriminator only the selected branch is validated, and a wrong tag gives
// one message naming the allowed values.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../diagnostics/codes';
import type { Node, ObjectNode, OffsetRange, Property } from '../parse/tree';
import { findByPath, segmentsOfPointer, type PathSegment } from '../parse/navigate';
import { lastProperty } from '../parse/properties';
import { toJsonValue } from '../parse/toJson';
import type { JsonSchema } from './jsonSchema';
import { positionsOf, rangeOf, type PositionIndex } from '../parse/positions';
import { resolveRef, tagValues } from './resolve';
import { closestName } from '../text/closestName';

/** A problem before it becomes a Diagnostic; `refine` hooks may rewrite any field. */
export interface SchemaProblem {
  range: OffsetRange;
  severity: DiagnosticSeverity;
  code: string;
  message: string;
  /** For quick fixes: `{ replacement, title }` replaces the range. */
  data?: unknown;
}

export interface SchemaErrorContext {
  readonly error: ErrorObject;
  /** The node the error's instancePath points at (undefined for a property with no value yet). */
  readonly node: Node | undefined;
  /** The property holding that node, when the path ends in a key. */
  readonly property: Property | undefined;
  readonly root: Node | undefined;
}

export interface SchemaDiagnosticOptions {
  /** Names an object in messages, e.g. "a Task state"; default "this object". */
  describeObject?(node: ObjectNode): string | undefined;
  /** Where a problem about a whole array item object is underlined; default its first line. */
  anchorOf?(node: ObjectNode): OffsetRange | undefined;
  /** Rewrites a mapped problem, or drops it (null). */
  refine?(problem: SchemaProblem, ctx: SchemaErrorContext): SchemaProblem | null;
}

export function schemaDiagnostics(
  root: Node | undefined,
  validate: ValidateFunction,
  text: string | PositionIndex,
  options: SchemaDiagnosticOptions = {},
): Diagnostic[] {
  if (root === undefined) return [];
  // Made from the tree here and let go at once: see toJson.ts.
  if (validate(toJsonValue(root))) return [];
  return errorDiagnostics(root, validate.schema as JsonSchema, validate.errors ?? [], text, options);
}

/**
 * The diagnostics of ajv errors found under `root` (paths from `root`), their messages read from
 * `rootSchema`. Errors of one part of a document can be mapped alone when no `oneOf`/`anyOf`
 * above that part can collapse them (the state lists' items, for instance).
 */
export function errorDiagnostics(
  root: Node,
  rootSchema: JsonSchema,
  errors: ErrorObject[],
  text: string | PositionIndex,
  options: SchemaDiagnosticOptions = {},
): Diagnostic[] {
  const problems = mapErrors(root, rootSchema, errors, options);
  const positions = positionsOf(text);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const p of problems) {
    const key = `${p.range.start}:${p.range.end}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d: Diagnostic = { range: rangeOf(positions, p.range), severity: p.severity, code: p.code, source: 'flowdeck', message: p.message };
    if (p.data !== undefined) d.data = p.data;
    out.push(d);
  }
  return out;
}

function mapErrors(root: Node, rootSchema: JsonSchema, errors: ErrorObject[], options: SchemaDiagnosticOptions): SchemaProblem[] {
  const suppressed = collapseAlternatives(errors);
  // A missing tag is reported once, by the `required` error, which then names the allowed values.
  const missingTags = new Set<string>();
  for (const e of errors) if (e.keyword === 'discriminator' && (e.params as { error?: string }).error === 'tag') missingTags.add(`${e.instancePath}\u0000${(e.params as { tag: string }).tag}`);
  const out: SchemaProblem[] = [];
  errors.forEach((error, i) => {
    if (suppressed.has(i) || error.keyword === 'if') return;
    const located = findByPath(root, segmentsOfPointer(error.instancePath));
    const ctx: SchemaErrorContext = { error, node: located?.node, property: located?.property, root };
    const problem = mapOne(root, rootSchema, error, ctx, options, missingTags, errors);
    if (!problem) return;
    const refined = options.refine ? options.refine(problem, ctx) : problem;
    if (refined) out.push(refined);
  });
  return out;
}

/**
 * For a `oneOf`/`anyOf` without a discriminator ajv reports every branch's errors and then its
 * own: keep only the latter (one message naming the expected shapes).
 */
function collapseAlternatives(errors: ErrorObject[]): Set<number> {
  const suppressed = new Set<number>();
  errors.forEach((e, k) => {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return;
    const p = e.instancePath;
    for (let j = k - 1; j >= 0; j--) {
      const ip = errors[j]!.instancePath;
      if (suppressed.has(j)) continue;
      if (ip === p || ip.startsWith(p + '/')) suppressed.add(j);
      else break;
    }
  });
  return suppressed;
}

function mapOne(
  root: Node,
  rootSchema: JsonSchema,
  error: ErrorObject,
  ctx: SchemaErrorContext,
  options: SchemaDiagnosticOptions,
  missingTags: Set<string>,
  all: ErrorObject[],
): SchemaProblem | null {
  const segments = segmentsOfPointer(error.instancePath);
  const name = subjectName(segments);
  const node = ctx.node;
  const valueRange = node?.range ?? ctx.property?.keyRange ?? firstLine(root);
  const err = (range: OffsetRange, code: string, message: string, data?: unknown): SchemaProblem =>
    data === undefined ? { range, severity: DiagnosticSeverity.Error, code, message } : { range, severity: DiagnosticSeverity.Error, code, message, data };
  const parentSchema = resolveRef(rootSchema, error.parentSchema as JsonSchema | undefined);
  const describe = (n: Node | undefined): string =>
    (n?.kind === 'object' ? options.describeObject?.(n) : undefined) ?? (n?.parent === undefined ? 'the document' : 'this object');

  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const obj = node?.kind === 'object' ? node : undefined;
      const range = obj ? objectAnchor(obj, root, options) : valueRange;
      const tagKey = `${error.instancePath}\u0000${missing}`;
      let allowed = '';
      if (missingTags.has(tagKey)) {
        const disc = all.find((e) => e.keyword === 'discriminator' && e.instancePath === error.instancePath);
        const values = disc ? tagValues(rootSchema, resolveRef(rootSchema, disc.parentSchema as JsonSchema) ?? {}) : [];
        if (values.length) allowed = ` (one of ${values.map(code).join(', ')})`;
      }
      const doc = docOf(resolveRef(rootSchema, parentSchema?.properties?.[missing]));
      return err(range, DiagnosticCodes.missingProperty, `${capital(describe(obj))} is missing the required property ${code(missing)}${allowed}.${doc ? ` ${doc}` : ''} Add it.`);
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const obj = node?.kind === 'object' ? node : undefined;
      const prop = obj ? lastProperty(obj, extra) : undefined;
      const range = prop?.keyRange ?? valueRange;
      const allowed = Object.keys(parentSchema?.properties ?? {});
      const present = new Set(obj?.properties.map((p) => p.key));
      const guess = closestName(extra, allowed.filter((a) => !present.has(a)));
      if (guess) {
        return err(range, DiagnosticCodes.misspelledProperty, `Unknown property ${code(extra)} in ${describe(obj)}: did you mean ${code(guess)}?`, {
          replacement: guess,
          title: `Change to ${guess}`,
        });
      }
      return err(range, DiagnosticCodes.unknownProperty, `Unknown property ${code(extra)} in ${describe(obj)}. Allowed: ${allowed.map(code).join(', ')}.`);
    }
    case 'discriminator': {
      const params = error.params as { error: string; tag: string; tagValue?: unknown };
      const values = tagValues(rootSchema, parentSchema ?? {});
      const obj = node?.kind === 'object' ? node : undefined;
      const tagProp = obj ? lastProperty(obj, params.tag) : undefined;
      if (params.error === 'tag') {
        if (missingTags.has(`${error.instancePath}\u0000${params.tag}`) && !tagProp) return null; // reported by `required`
        return err(tagProp?.value?.range ?? tagProp?.keyRange ?? valueRange, DiagnosticCodes.wrongType, `${code(params.tag)} must be a string naming one of ${values.map(code).join(', ')}.`);
      }
      const got = String(params.tagValue);
      const guess = closestName(got, values);
      const range = tagProp?.value?.range ?? tagProp?.keyRange ?? valueRange;
      const msg = `Unknown ${code(params.tag)} ${code(got)}: use one of ${values.map(code).join(', ')}.${guess ? ` Did you mean ${code(guess)}?` : ''}`;
      return err(range, DiagnosticCodes.invalidValue, msg, guess ? { replacement: guess, title: `Change to ${guess}` } : undefined);
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type).split(',');
      if (node === undefined) {
        return err(valueRange, DiagnosticCodes.wrongType, `${code(name)} has no value: write ${expected.map(article).join(' or ')}.`);
      }
      const got = jsonTypeOf(node);
      // A whole block of the wrong kind: underline its key rather than every line of it.
      const range = node.kind !== 'scalar' && ctx.property ? ctx.property.keyRange : valueRange;
      let hint = '';
      if (node.kind === 'scalar' && typeof node.value === 'string' && node.quoted) {
        const unquoted = node.value.trim();
        if ((expected.includes('boolean') && /^(true|false)$/.test(unquoted)) || ((expected.includes('integer') || expected.includes('number')) && /^-?\d+(\.\d+)?$/.test(unquoted))) {
          hint = ' Remove the quotes.';
        }
      }
      return err(range, DiagnosticCodes.wrongType, `${code(name)} must be ${expected.map(article).join(' or ')}, not ${article(got)}.${hint}`);
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const got = node?.kind === 'scalar' ? node.value : undefined;
      const guess = typeof got === 'string' ? closestName(got, allowed.filter((a): a is string => typeof a === 'string')) : undefined;
      const msg = `${code(name)} must be one of ${allowed.map((a) => code(String(a))).join(', ')}${got !== undefined ? `, not ${code(String(got))}` : ''}.${guess ? ` Did you mean ${code(guess)}?` : ''}`;
      return err(valueRange, DiagnosticCodes.invalidValue, msg, guess ? { replacement: guess, title: `Change to ${guess}` } : undefined);
    }
    case 'const': {
      const allowed = (error.params as { allowedValue: unknown }).allowedValue;
      return err(valueRange, DiagnosticCodes.invalidValue, `${code(name)} must be ${code(String(allowed))}.`, typeof allowed === 'string' ? { replacement: allowed, title: `Change to ${allowed}` } : undefined);
    }
    case 'pattern':
    case 'format': {
      const doc = docOf(error.parentSchema as JsonSchema | undefined);
      return err(valueRange, DiagnosticCodes.invalidValue, `${code(name)} does not have the expected form.${doc ? ` ${doc}` : ''}`);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = error.params as { comparison: string; limit: number };
      const words: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };
      const got = node?.kind === 'scalar' ? ` (got ${String(node.value)})` : '';
      const doc = docOf(error.parentSchema as JsonSchema | undefined);
      return err(valueRange, DiagnosticCodes.invalidValue, `${code(name)} must be ${words[comparison] ?? comparison} ${limit}${got}.${doc ? ` ${doc}` : ''}`);
    }
    case 'minItems':
    case 'maxItems': {
      const { limit } = error.params as { limit: number };
      const words = error.keyword === 'minItems' ? 'at least' : 'at most';
      return err(valueRange, DiagnosticCodes.invalidValue, `${code(name)} needs ${words} ${limit} item${limit === 1 ? '' : 's'}.`);
    }
    case 'minLength':
    case 'maxLength': {
      const { limit } = error.params as { limit: number };
      const words = error.keyword === 'minLength' ? 'at least' : 'at most';
      return err(valueRange, DiagnosticCodes.invalidValue, `${code(name)} must have ${words} ${limit} character${limit === 1 ? '' : 's'}.`);
    }
    case 'oneOf':
    case 'anyOf': {
      const branches = ((error.schema as JsonSchema[] | undefined) ?? []).map((b) => resolveRef(rootSchema, b));
      const shapes = branches.map((b) => b?.title ?? b?.description ?? (Array.isArray(b?.type) ? b?.type.join(' or ') : b?.type)).filter(Boolean);
      return err(valueRange, DiagnosticCodes.wrongType, `${code(name)} does not match any allowed form${shapes.length ? `; expected ${shapes.join(', or ')}` : ''}.`);
    }
    default:
      return err(valueRange, DiagnosticCodes.invalidValue, `${code(name)} ${error.message ?? 'is not valid'}.`);
  }
}

/** The key of a missing-property problem: the holder's key, else the item's anchor or first line. */
function objectAnchor(obj: ObjectNode, root: Node, options: SchemaDiagnosticOptions): OffsetRange {
  const holder = obj.parent;
  if (holder?.kind === 'property') return holder.keyRange;
  if (obj === root) return firstLine(root);
  return options.anchorOf?.(obj) ?? firstLine(obj);
}

/** From a node's start to the end of its first line (or of the node, if shorter). */
export function firstLine(node: Node): OffsetRange {
  if (node.kind === 'object' && node.properties.length > 0) {
    const p = node.properties[0]!;
    const end = p.value && p.value.kind === 'scalar' ? p.value.range.end : p.keyRange.end;
    return { start: node.range.start, end: Math.max(end, p.keyRange.end) };
  }
  if (node.kind === 'array' && node.items.length > 0) return firstLine(node.items[0]!);
  return { start: node.range.start, end: Math.min(node.range.end, node.range.start + 1) };
}

function subjectName(segments: PathSegment[]): string {
  if (segments.length === 0) return 'the document';
  const last = segments[segments.length - 1]!;
  if (typeof last === 'string' && !/^\d+$/.test(last)) return last;
  const owner = [...segments].reverse().find((s) => typeof s === 'string' && !/^\d+$/.test(s));
  return owner !== undefined ? `${String(owner)}[${String(last)}]` : `item ${String(last)}`;
}

function jsonTypeOf(node: Node): string {
  if (node.kind === 'object') return 'object';
  if (node.kind === 'array') return 'array';
  const v = node.value;
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function article(type: string): string {
  const t = type === 'null' ? 'null' : type === 'integer' || type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;
  return t;
}

function docOf(schema: JsonSchema | undefined): string {
  return schema?.description ?? '';
}

const code = (s: string): string => `\`${s}\``;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
