// Shape checking of FDL documents (current and legacy spec) against the JSON Schemas in
// server/src/schema/fdl, plus the checks a schema cannot express with the right severity:
// where the vendor's docs and the flows people publish disagree, the published form is accepted
// and a warning or hint explains the difference.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { AnalysedDocument, Dialect } from '../service/types';
import { derivedKey } from '../service/derived';
import type { ArrayNode, Node, ObjectNode, OffsetRange, Property } from '../parse/tree';
import { lastProperty } from '../parse/properties';
import { DiagnosticCodes } from '../diagnostics/codes';
import { schemaDiagnostics, type SchemaDiagnosticOptions, type SchemaProblem } from '../schema/diagnostics';
import { validatorFor } from '../schema/compile';
import { duplicateKeysOf } from '../schema/duplicateKeys';
import { rangeOf, type PositionIndex } from '../parse/positions';
import type { JsonSchema } from '../schema/jsonSchema';
import { fdlCurrentSchema } from '../schema/fdl/current';
import { fdlLegacySchema } from '../schema/fdl/legacy';
import { stateTypeOf } from './stateTypes';

export { FDL_STATE_TYPES } from '../schema/fdl/current';
export { FDL_LEGACY_STEP_TYPES } from '../schema/fdl/legacy';

/** What the schema step checks a document of one FDL dialect against, and how it words it. */
interface SchemaStep {
  readonly schema: JsonSchema;
  readonly options: SchemaDiagnosticOptions;
  /** The checks a schema cannot express with the right severity (see the top of this file). */
  readonly advisories: (root: Node) => SchemaProblem[];
}

/** The root schema of an FDL dialect (descriptions feed hover and completion). */
export function fdlSchemaFor(dialect: Dialect | null): JsonSchema | undefined {
  return dialect === null ? undefined : SCHEMA_STEPS[dialect]?.schema;
}

const SCHEMA_DIAGNOSTICS = derivedKey<Diagnostic[]>('FDL schema diagnostics');

/** Schema diagnostics of an FDL document (empty for other dialects); computed once per document version. */
export function fdlSchemaDiagnostics(doc: AnalysedDocument): Diagnostic[] {
  const step = doc.dialect === null ? undefined : SCHEMA_STEPS[doc.dialect];
  const root = doc.parsed.root;
  if (!step || !root) return [];
  return doc.derived.get(SCHEMA_DIAGNOSTICS, () => {
    const diagnostics = schemaDiagnostics(root, validatorFor(step.schema), doc.document, step.options);
    for (const p of [...duplicateKeysOf(doc.parsed), ...step.advisories(root)]) diagnostics.push(problemDiagnostic(doc.document, p));
    return diagnostics;
  }).slice();
}

export function problemDiagnostic(positions: PositionIndex, p: SchemaProblem): Diagnostic {
  const d: Diagnostic = { range: rangeOf(positions, p.range), severity: p.severity, code: p.code, source: 'flowdeck', message: p.message };
  if (p.data !== undefined) d.data = p.data;
  return d;
}

// ---------------------------------------------------------------- shared helpers

function scalarString(obj: ObjectNode, key: string): string | undefined {
  const v = lastProperty(obj, key)?.value;
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
}

/** The key of the array or property that holds `node` (`States`, `Branches`, `steps`...). */
function holderKey(node: Node): string | undefined {
  const p = node.parent;
  if (p?.kind === 'property') return p.key;
  if (p?.kind === 'array' && p.parent?.kind === 'property') return p.parent.key;
  return undefined;
}

function anchorBy(nameKey: string, typeKey: string) {
  return (obj: ObjectNode): OffsetRange | undefined =>
    lastProperty(obj, nameKey)?.value?.range ?? lastProperty(obj, typeKey)?.value?.range ?? obj.properties[0]?.keyRange;
}

const problem = (range: OffsetRange, severity: DiagnosticSeverity, code: string, message: string, data?: unknown): SchemaProblem =>
  data === undefined ? { range, severity, code, message } : { range, severity, code, message, data };

// ---------------------------------------------------------------- current spec

const DISTRIBUTED_ONLY = new Set(['ItemReader', 'ItemConstructor', 'ItemBatcher', 'ResultWriter', 'MaxItems', 'ToleratedFailurePercentage', 'ToleratedFailureCount']);

/** Amazon States Language habits, and what CloudFlow writes instead. */
const ASL_ADVICE: Record<string, string> = {
  Resource: 'CloudFlow tasks name the operation in `Action` (e.g. `FC:InvokeFunction`) and pass its arguments in `Parameters`.',
  Choices: 'CloudFlow Choice states list `Branches`, each with a `Condition` string and a `Next`.',
  Cause: 'CloudFlow Fail states use `Code` and `Detail`.',
  Error: 'CloudFlow Fail states use `Code` and `Detail`.',
  Comment: 'CloudFlow uses `Description` for free text.',
  ResultPath: 'CloudFlow shapes data with `InputConstructor` / `OutputConstructor`.',
  InputPath: 'CloudFlow shapes data with `InputConstructor` / `OutputConstructor`.',
  OutputPath: 'CloudFlow shapes data with `InputConstructor` / `OutputConstructor`.',
  ResultSelector: 'CloudFlow shapes data with `InputConstructor` / `OutputConstructor`.',
  Result: 'A CloudFlow Pass state builds its output with `OutputConstructor`.',
  Iterator: 'A CloudFlow Map state runs `Processor` (with `StartAt` and `States`) for each item.',
  ItemProcessor: 'A CloudFlow Map state runs `Processor` (with `StartAt` and `States`) for each item.',
  TimeoutSeconds: 'CloudFlow Task states take `Timeout` (seconds).',
  SecondsPath: 'CloudFlow Wait states take `Seconds.$` with an expression, e.g. `$Input.delay`.',
  Timestamp: 'CloudFlow Wait states wait a number of `Seconds`; absolute times exist only in the legacy spec.',
  Branch: 'The list of branches is called `Branches`.',
};

export const currentOptions: SchemaDiagnosticOptions = {
  describeObject(node) {
    const holder = holderKey(node);
    const type = scalarString(node, 'Type');
    if (node.parent === undefined) return 'the flow';
    if (holder === 'States') return type ? `a ${type} state` : 'a state';
    if (holder === 'Retry') return 'a Retry rule';
    if (holder === 'Catch') return 'a Catch rule';
    if (holder === 'Processor') return 'the Map `Processor`';
    if (holder === 'ProcessorConfig') return '`ProcessorConfig`';
    if (holder === 'Branches') {
      const holderProp = node.parent?.kind === 'array' ? node.parent.parent : undefined;
      const owner = holderProp?.kind === 'property' ? holderProp.parent : undefined;
      return owner && scalarString(owner, 'Type') === 'Choice' ? 'a Choice branch' : 'a Parallel branch';
    }
    return holder ? `\`${holder}\`` : undefined;
  },
  anchorOf: anchorBy('Name', 'Type'),
  refine(p, ctx) {
    const e = ctx.error;
    const obj = ctx.node?.kind === 'object' ? ctx.node : undefined;
    const type = obj ? scalarString(obj, 'Type') : undefined;
    if (e.keyword === 'additionalProperties' && obj) {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      // Transitions on Choice/Succeed/Fail are the semantic checks' to report (next-not-allowed).
      const transition = stateTypeOf(type)?.transition;
      if ((extra === 'Next' || extra === 'End') && (transition === 'choice' || transition === 'terminal') && holderKey(obj) === 'States') return null;
      if (type === 'Map' && DISTRIBUTED_ONLY.has(extra)) {
        return { ...p, code: DiagnosticCodes.unknownProperty, message: `\`${extra}\` is a distributed-mode Map field: add \`ProcessorConfig\` (with \`ExecutionMode\`) to run this Map in distributed mode, or remove it.` };
      }
      const asl = ASL_ADVICE[extra];
      if (asl && p.code === DiagnosticCodes.unknownProperty) return { ...p, message: `${p.message.replace(/ Allowed: .*$/, '')} ${asl}` };
    }
    if (e.keyword === 'type' && ctx.property?.key === 'States' && ctx.node?.kind === 'object') {
      return { ...p, message: '`States` must be a list of states, each with `Name` and `Type` (`- Name: Start` / `  Type: Pass`), not a mapping as in Amazon States Language.' };
    }
    if (e.keyword === 'type' && ctx.property?.key === 'Seconds' && ctx.node?.kind === 'scalar' && typeof ctx.node.value === 'string' && ctx.node.value.startsWith('$')) {
      return { ...p, message: '`Seconds` must be an integer; to read it from the input write `Seconds.$: ' + ctx.node.value + '`.' };
    }
    return p;
  },
};

/** The properties of a state the advisories read, found in one scan of its keys (last one wins). */
interface StateFields {
  readonly node: ObjectNode;
  Type?: Property;
  Name?: Property;
  Detail?: Property;
  End?: Property;
  Seconds?: Property;
  SecondsExpr?: Property;
  Timeout?: Property;
  TimeoutExpr?: Property;
  MaxConcuccency?: Property;
  MaxConcurrency?: Property;
  Retry?: Property;
  Catch?: Property;
  Branches?: Property;
  Processor?: Property;
}

function scanState(node: ObjectNode): StateFields {
  // Every field present from the start: one object shape for all states.
  const f: StateFields = {
    node, Type: undefined, Name: undefined, Detail: undefined, End: undefined, Seconds: undefined, SecondsExpr: undefined,
    Timeout: undefined, TimeoutExpr: undefined, MaxConcuccency: undefined, MaxConcurrency: undefined, Retry: undefined,
    Catch: undefined, Branches: undefined, Processor: undefined,
  };
  for (const p of node.properties) {
    switch (p.key) {
      case 'Type': f.Type = p; break;
      case 'Name': f.Name = p; break;
      case 'Detail': f.Detail = p; break;
      case 'End': f.End = p; break;
      case 'Seconds': f.Seconds = p; break;
      case 'Seconds.$': f.SecondsExpr = p; break;
      case 'Timeout': f.Timeout = p; break;
      case 'Timeout.$': f.TimeoutExpr = p; break;
      case 'MaxConcuccency': f.MaxConcuccency = p; break;
      case 'MaxConcurrency': f.MaxConcurrency = p; break;
      case 'Retry': f.Retry = p; break;
      case 'Catch': f.Catch = p; break;
      case 'Branches': f.Branches = p; break;
      case 'Processor': f.Processor = p; break;
    }
  }
  return f;
}

/** Calls `visit` for every state of every scope (top level, Parallel branches, Map processors). */
function eachState(root: Node, visit: (state: StateFields) => void): void {
  const lists: Node[] = [];
  if (root.kind === 'object') {
    const s = lastProperty(root, 'States')?.value;
    if (s) lists.push(s);
  }
  visitLists(lists, visit);
}

function visitLists(lists: Node[], visit: (state: StateFields) => void): void {
  while (lists.length > 0) {
    const list = lists.pop()!;
    if (list.kind !== 'array') continue;
    for (const item of list.items) {
      if (item.kind === 'object') visitState(item, lists, visit);
    }
  }
}

/** Visits one state; the state lists nested in it are pushed on `lists` for later. */
function visitState(item: ObjectNode, lists: Node[], visit: (state: StateFields) => void): void {
  const fields = scanState(item);
  visit(fields);
  const branches = fields.Branches?.value;
  if (branches?.kind === 'array') {
    for (const b of branches.items) {
      const s = b.kind === 'object' ? lastProperty(b, 'States')?.value : undefined;
      if (s) lists.push(s);
    }
  }
  const processor = fields.Processor?.value;
  const ps = processor?.kind === 'object' ? lastProperty(processor, 'States')?.value : undefined;
  if (ps) lists.push(ps);
}

const stringOf = (p: Property | undefined): string | undefined => {
  const v = p?.value;
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
};

/** Where a problem about a whole state is underlined: its name, its type, its first key. */
const stateAnchor = (f: StateFields): OffsetRange =>
  f.Name?.value?.range ?? f.Type?.value?.range ?? f.node.properties[0]?.keyRange ?? f.node.range;

function currentAdvisories(root: Node): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  eachState(root, adviseOn(out));
  return out;
}

/** The advisories of one top-level state and of the states nested in it. */
export function topStateAdvisories(state: ObjectNode): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const lists: Node[] = [];
  const visit = adviseOn(out);
  visitState(state, lists, visit);
  visitLists(lists, visit);
  return out;
}

function adviseOn(out: SchemaProblem[]): (f: StateFields) => void {
  return (f) => {
    const type = stringOf(f.Type);
    switch (type) {
      case 'Fail':
        if (!f.Detail) {
          out.push(problem(stateAnchor(f), DiagnosticSeverity.Warning, DiagnosticCodes.missingProperty,
            'A Fail state should have `Detail` (the error description; documented as required, though the vendor\'s own example omits it). Add `Detail: <text>`.'));
        }
        pushRedundantEnd(out, f.End, 'a Fail state always ends the flow');
        break;
      case 'Succeed':
        pushRedundantEnd(out, f.End, 'a Succeed state always ends its scope');
        break;
      case 'Wait':
        if (!f.Seconds && !f.SecondsExpr) {
          out.push(problem(stateAnchor(f), DiagnosticSeverity.Error, DiagnosticCodes.missingProperty, 'A Wait state needs `Seconds` (a number) or `Seconds.$` (an expression such as `$Input.delay`). Add one.'));
        } else if (f.Seconds && f.SecondsExpr) {
          out.push(problem(f.SecondsExpr.keyRange, DiagnosticSeverity.Error, DiagnosticCodes.invalidValue, 'Write either `Seconds` or `Seconds.$`, not both.'));
        }
        break;
      case 'Task':
        if (f.Timeout && f.TimeoutExpr) out.push(problem(f.TimeoutExpr.keyRange, DiagnosticSeverity.Error, DiagnosticCodes.invalidValue, 'Write either `Timeout` or `Timeout.$`, not both.'));
        break;
      case 'Map':
        if (f.MaxConcuccency && f.MaxConcurrency) {
          out.push(problem(f.MaxConcurrency.keyRange, DiagnosticSeverity.Warning, DiagnosticCodes.misspelledProperty,
            'Both `MaxConcuccency` (the documented spelling) and `MaxConcurrency` are set; keep one.'));
        } else if (f.MaxConcurrency) {
          out.push(problem(f.MaxConcurrency.keyRange, DiagnosticSeverity.Hint, DiagnosticCodes.specAdvice,
            'The field tables spell this `MaxConcuccency` while the prose and quotas say `MaxConcurrency`; which one the service reads is not documented, so both are accepted.'));
        }
        break;
    }
    checkRuleDescriptions(out, 'Retry', f.Retry);
    checkRuleDescriptions(out, 'Catch', f.Catch);
  };
}

function checkRuleDescriptions(out: SchemaProblem[], key: 'Retry' | 'Catch', holder: Property | undefined): void {
  const rules = holder?.value;
  if (rules?.kind !== 'array') return;
  for (const rule of rules.items) {
    if (rule.kind === 'object' && !lastProperty(rule, 'Description')) {
      out.push(problem(rule.properties[0]?.keyRange ?? rule.range, DiagnosticSeverity.Warning, DiagnosticCodes.missingProperty,
        `A ${key} rule should have \`Description\` (its label; documented as required). Add \`Description: <label>\`.`));
    }
  }
}

function pushRedundantEnd(out: SchemaProblem[], end: Property | undefined, why: string): void {
  if (end) out.push(problem(end.keyRange, DiagnosticSeverity.Hint, DiagnosticCodes.specAdvice, `\`End\` is not needed: ${why}. It is accepted because published flows write it.`));
}

// ---------------------------------------------------------------- legacy spec

const legacyOptions: SchemaDiagnosticOptions = {
  describeObject(node) {
    const holder = holderKey(node);
    const type = scalarString(node, 'type');
    if (node.parent === undefined) return 'the flow';
    if (holder === 'steps') return type ? `a ${type} step` : 'a step';
    if (holder === 'choices') return 'a choice';
    if (holder === 'default') return 'the `default` choice';
    if (holder === 'branches') return 'a parallel branch';
    if (holder === 'retry') return 'a retry policy';
    if (holder === 'catch') return 'a catch policy';
    if (holder === 'inputMappings' || holder === 'outputMappings' || holder === 'errorMappings') return `an \`${holder}\` entry`;
    return holder ? `\`${holder}\`` : undefined;
  },
  anchorOf: anchorBy('name', 'type'),
  refine(p, ctx) {
    const e = ctx.error;
    if (e.keyword === 'additionalProperties' && ctx.node?.kind === 'object') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const type = scalarString(ctx.node, 'type');
      if (extra === 'iterationMappings' && type === 'foreach') {
        return { ...p, code: DiagnosticCodes.misspelledProperty, message: 'The field is `iterationMapping` (singular).', data: { replacement: 'iterationMapping', title: 'Change to iterationMapping' } };
      }
      if (extra === 'maxConcurrency' && type === 'foreach') {
        return { ...p, message: 'A legacy foreach step has no `maxConcurrency`: at most 100 iterations run at once, which cannot be changed. Remove it.' };
      }
      if (extra === 'end' && type === 'succeed') {
        return { ...p, message: 'A succeed step has no `end`: it always ends its list of steps. Remove it.' };
      }
    }
    return p;
  },
};

function* stepsOf(root: Node): Generator<ObjectNode> {
  const lists: Node[] = [];
  const pushSteps = (obj: ObjectNode): void => {
    const s = lastProperty(obj, 'steps')?.value;
    if (s) lists.push(s);
  };
  if (root.kind === 'object') pushSteps(root);
  while (lists.length > 0) {
    const list = lists.pop()!;
    if (list.kind !== 'array') continue;
    for (const item of list.items) {
      if (item.kind !== 'object') continue;
      yield item;
      pushSteps(item);
      for (const key of ['choices', 'branches', 'catch'] as const) {
        const arr = lastProperty(item, key)?.value;
        if (arr?.kind === 'array') for (const c of (arr as ArrayNode).items) if (c.kind === 'object') pushSteps(c);
      }
      const def = lastProperty(item, 'default')?.value;
      if (def?.kind === 'object') pushSteps(def);
    }
  }
}

function legacyAdvisories(root: Node): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  if (root.kind === 'object') {
    const name = lastProperty(root, 'name');
    if (name) {
      out.push(problem(name.keyRange, DiagnosticSeverity.Hint, DiagnosticCodes.specAdvice,
        'A top-level `name` is not part of the legacy spec (the flow name comes from CreateFlow); it is accepted because the API reference example writes it.'));
    }
  }
  for (const step of stepsOf(root)) {
    const type = scalarString(step, 'type');
    const anchor = anchorBy('name', 'type')(step) ?? step.range;
    if (type === 'task') {
      const arn = lastProperty(step, 'resourceArn');
      const action = lastProperty(step, 'action');
      if (!arn && !action) {
        out.push(problem(anchor, DiagnosticSeverity.Error, DiagnosticCodes.missingProperty, 'A task step needs `resourceArn` (a function, queue or flow to call) or `action` with `serviceParams`. Add one.'));
      } else if (arn && action) {
        out.push(problem(action.keyRange, DiagnosticSeverity.Error, DiagnosticCodes.invalidValue, 'Write either `resourceArn` or `action`, not both.'));
      }
    } else if (type === 'wait') {
      const duration = lastProperty(step, 'duration');
      const timestamp = lastProperty(step, 'timestamp');
      if (!duration && !timestamp) {
        out.push(problem(anchor, DiagnosticSeverity.Error, DiagnosticCodes.missingProperty, 'A wait step needs `duration` (seconds) or `timestamp` (an RFC 3339 time). Add one.'));
      } else if (duration && timestamp) {
        out.push(problem(timestamp.keyRange, DiagnosticSeverity.Error, DiagnosticCodes.invalidValue, 'A wait step takes `duration` or `timestamp`, not both: remove one.'));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- by dialect

// Last in the module: it names the options and advisories above (read only when called).
const SCHEMA_STEPS: Partial<Record<Dialect, SchemaStep>> = {
  fdl: { schema: fdlCurrentSchema, options: currentOptions, advisories: currentAdvisories },
  'fdl-legacy': { schema: fdlLegacySchema, options: legacyOptions, advisories: legacyAdvisories },
};
