// Documented numeric limits, including the tighter ones of Express flows
// (research fnf.md §2.4: Wait Seconds [1,300] Standard / [1,20] Express; Express allows only
// TaskMode RequestComplete; Parallel at most 50 branches; Task Timeout [0,604800];
// Retry IntervalSeconds/MaxBackoffSeconds at most 86400; names [A-Za-z0-9_-], 1-128, first a letter or `_`).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../../diagnostics/codes';
import type { Node, ObjectNode } from '../../parse/tree';
import type { FlowModel } from '../model/types';
import { isStateType, STATE_TYPES, type StateType } from '../stateTypes';
import { stringValue } from '../tree';
import { lastProperty } from '../../parse/properties';
import { report, type CheckContext } from './context';

export const MAX_PARALLEL_BRANCHES = 50;
export const WAIT_SECONDS = { Standard: { min: 1, max: 300 }, Express: { min: 1, max: 20 } } as const;
export const MAX_TASK_TIMEOUT_SECONDS = 604_800;
export const MAX_RETRY_SECONDS = 86_400;
/** An inline Map runs at most 40 items at once (fnf.md §2.4); a distributed one has a quota instead. */
export const MAX_INLINE_MAP_CONCURRENCY = 40;
/** A distributed Map's default quotas (loop-map page): 100 children at once and 10,000 items, both raised by ticket. */
export const DISTRIBUTED_QUOTA = { concurrency: 100, items: 10_000 } as const;
export const FLOW_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;

function numberOf(node: Node | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'number') return node.value;
  // Task Timeout is documented as a string of seconds.
  if (typeof node.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(node.value)) return Number(node.value);
  return undefined;
}

export function checkFlowName(ctx: CheckContext, root: ObjectNode): void {
  const nameNode = lastProperty(root, 'Name')?.value;
  const name = stringValue(nameNode);
  if (name === undefined || !nameNode || FLOW_NAME_PATTERN.test(name)) return;
  report(ctx, nameNode.range, DiagnosticSeverity.Error, DiagnosticCodes.invalidName,
    `flow name \`${name}\` is not valid: use 1-128 letters, digits, \`_\` or \`-\`, starting with a letter or \`_\` (it must also equal the name the flow is deployed under)`);
}

type Mode = keyof typeof WAIT_SECONDS;

/** The limits a state type has beyond its schema, keyed by the type table's names. */
const STATE_LIMITS: Partial<Record<StateType, (ctx: CheckContext, state: ObjectNode, mode: Mode) => void>> = {
  Parallel: checkBranchCount,
  Wait: checkWaitSeconds,
  Task: checkTask,
  Map: (ctx, state) => {
    checkMapConcurrency(ctx, state);
    checkDistributedQuotas(ctx, state);
  },
};

export function checkLimits(ctx: CheckContext, model: FlowModel): void {
  const mode: Mode = ctx.settings.executionMode === 'Express' ? 'Express' : 'Standard';
  for (const s of model.states) {
    if (!isStateType(s.type)) continue;
    STATE_LIMITS[s.type]?.(ctx, s.node, mode);
    if (STATE_TYPES[s.type].recovers) checkRetrySeconds(ctx, lastProperty(s.node, 'Retry')?.value);
  }
}

function checkBranchCount(ctx: CheckContext, state: ObjectNode): void {
  const branches = lastProperty(state, 'Branches');
  if (branches?.value?.kind === 'array' && branches.value.items.length > MAX_PARALLEL_BRANCHES) {
    report(ctx, branches.keyRange, DiagnosticSeverity.Error, DiagnosticCodes.tooManyBranches,
      `a Parallel state has at most ${MAX_PARALLEL_BRANCHES} branches, this one has ${branches.value.items.length}: split it into nested Parallel states or use a Map state`);
  }
}

function checkWaitSeconds(ctx: CheckContext, state: ObjectNode, mode: Mode): void {
  const seconds = lastProperty(state, 'Seconds')?.value;
  const n = numberOf(seconds);
  if (n === undefined || !seconds) return;
  const { min, max } = WAIT_SECONDS[mode];
  if (n < min || n > max) {
    const express = mode === 'Express' && n >= WAIT_SECONDS.Standard.min && n <= WAIT_SECONDS.Standard.max;
    report(ctx, seconds.range, DiagnosticSeverity.Error, express ? DiagnosticCodes.expressLimit : DiagnosticCodes.valueOutOfRange,
      express
        ? `an Express flow waits at most ${max} seconds; use a value from ${min} to ${max}, or deploy the flow as Standard (up to ${WAIT_SECONDS.Standard.max})`
        : `Wait \`Seconds\` must be from ${min} to ${max} in a ${mode} flow`);
  }
}

function checkTask(ctx: CheckContext, state: ObjectNode, mode: Mode): void {
  const taskMode = lastProperty(state, 'TaskMode')?.value;
  const modeName = stringValue(taskMode);
  if (mode === 'Express' && taskMode && modeName !== undefined && modeName !== 'RequestComplete') {
    report(ctx, taskMode.range, DiagnosticSeverity.Error, DiagnosticCodes.expressLimit,
      `an Express flow supports only \`TaskMode: RequestComplete\`, not \`${modeName}\`; change the mode, or deploy the flow as Standard`);
  }
  const timeout = lastProperty(state, 'Timeout')?.value;
  const t = numberOf(timeout);
  if (timeout && t !== undefined && (t < 0 || t > MAX_TASK_TIMEOUT_SECONDS)) {
    report(ctx, timeout.range, DiagnosticSeverity.Error, DiagnosticCodes.valueOutOfRange,
      `Task \`Timeout\` must be from 0 (no timeout) to ${MAX_TASK_TIMEOUT_SECONDS} seconds`);
  }
}

function checkRetrySeconds(ctx: CheckContext, retry: Node | undefined): void {
  if (retry?.kind !== 'array') return;
  for (const rule of retry.items) {
    if (rule.kind !== 'object') continue;
    for (const key of ['IntervalSeconds', 'MaxBackoffSeconds']) {
      const v = lastProperty(rule, key)?.value;
      const n = numberOf(v);
      if (v && n !== undefined && n > MAX_RETRY_SECONDS) {
        report(ctx, v.range, DiagnosticSeverity.Error, DiagnosticCodes.valueOutOfRange,
          `Retry \`${key}\` is at most ${MAX_RETRY_SECONDS} seconds (one day)`);
      }
    }
  }
}

function checkMapConcurrency(ctx: CheckContext, map: ObjectNode): void {
  // ProcessorConfig makes the Map distributed: its children run as executions, under a quota
  if (lastProperty(map, 'ProcessorConfig')) return;
  for (const key of ['MaxConcuccency', 'MaxConcurrency']) {
    const v = lastProperty(map, key)?.value;
    const n = numberOf(v);
    if (v && n !== undefined && n > MAX_INLINE_MAP_CONCURRENCY) {
      report(ctx, v.range, DiagnosticSeverity.Error, DiagnosticCodes.valueOutOfRange,
        `an inline Map processes at most ${MAX_INLINE_MAP_CONCURRENCY} items at once: use a value from 1 to ${MAX_INLINE_MAP_CONCURRENCY}, or a distributed Map (with ProcessorConfig) for more`);
    }
  }
}

/** Values over a distributed Map's default quotas run only on an account whose quota was raised: a warning, not an error. */
function checkDistributedQuotas(ctx: CheckContext, map: ObjectNode): void {
  if (!lastProperty(map, 'ProcessorConfig')) return;
  const maxItems = lastProperty(map, 'MaxItems')?.value;
  const items = numberOf(maxItems);
  if (maxItems && items !== undefined && items > DISTRIBUTED_QUOTA.items) {
    report(ctx, maxItems.range, DiagnosticSeverity.Warning, DiagnosticCodes.valueOutOfRange,
      `\`MaxItems\` ${items} is over the default quota of ${DISTRIBUTED_QUOTA.items} items per Map run: a run that reads more than ${DISTRIBUTED_QUOTA.items} items fails unless the quota was raised by ticket (up to 1000000)`);
  }
  for (const key of ['MaxConcuccency', 'MaxConcurrency']) {
    const v = lastProperty(map, key)?.value;
    const n = numberOf(v);
    if (v && n !== undefined && n > DISTRIBUTED_QUOTA.concurrency) {
      report(ctx, v.range, DiagnosticSeverity.Warning, DiagnosticCodes.valueOutOfRange,
        `a distributed Map runs ${DISTRIBUTED_QUOTA.concurrency} child executions at once by default; \`${key}\` ${n} needs a quota raised by ticket`);
    }
  }
}
