// What every fnf handler works with, and the wire views of stored objects.
import type { ExecutionManager } from '../../executions/manager';
import type { Scheduler } from '../../executions/scheduler';
import type { FnfStore } from '../../store/fnfStore';
import type { StoredExecution, StoredFlow, StoredFlowAlias, StoredFlowVersion, StoredSchedule } from '../../store/records';
import { isoTime, type JsonValue } from '../../engine';
import { checkDefinition } from './definition';
import { fnfErrors } from './errors';
import type { KeyedSerializer } from './serial';

export interface FnfContext {
  readonly store: FnfStore;
  readonly executions: ExecutionManager;
  readonly now: () => number;
  readonly scheduler: Scheduler;
  /**
   * Parsed definitions by flow Id (or `<flow Id>@<version>` for a published version), so a start
   * does not re-check an unchanged definition.
   */
  readonly definitions: Map<string, { text: string; value: JsonValue }>;
  /** A number in [0, 1) for each weighted alias pick; injected so tests can choose the version. */
  readonly random: () => number;
  /** Queues the writes of one flow name so a check and the record that commits it are atomic. */
  readonly serial: KeyedSerializer;
}

export function isoNow(ctx: FnfContext): string {
  return isoTime(ctx.now());
}

export function existingFlow(ctx: FnfContext, name: string): StoredFlow {
  const flow = ctx.store.flow(name);
  if (!flow) throw fnfErrors.flowNotExists(name);
  return flow;
}

/**
 * The flow's definition as the interpreter runs it (checked once per definition text): the latest
 * one, or the one published as `version`.
 */
export function runnableDefinition(ctx: FnfContext, flow: StoredFlow, version?: StoredFlowVersion): JsonValue {
  const key = version ? `${flow.Id}@${version.Version}` : flow.Id;
  const text = version ? version.Definition : flow.Definition;
  const cached = ctx.definitions.get(key);
  if (cached && cached.text === text) return cached.value;
  const value = checkDefinition(text, flow.Name, flow.ExecutionMode === 'Express' ? 'Express' : 'Standard');
  ctx.definitions.set(key, { text, value });
  return value;
}

/** The flow as Create/Update/Describe/ListFlows return it. */
export function flowView(f: StoredFlow): Record<string, unknown> {
  const view: Record<string, unknown> = {
    Name: f.Name,
    Id: f.Id,
    Type: f.Type,
    Definition: f.Definition,
    Description: f.Description,
    RoleArn: f.RoleArn,
    CreatedTime: f.CreatedTime,
    LastModifiedTime: f.LastModifiedTime,
    ExecutionMode: f.ExecutionMode,
  };
  if (f.ExternalStorageLocation) view['ExternalStorageLocation'] = f.ExternalStorageLocation;
  if (f.Environment) view['Environment'] = JSON.parse(f.Environment) as unknown;
  return view;
}

/** The execution as Start/Stop/Describe/ListExecutions return it. */
export function executionView(e: StoredExecution, options: { metadataOnly?: boolean } = {}): Record<string, unknown> {
  const view: Record<string, unknown> = { FlowName: e.FlowName, Name: e.Name, Status: e.Status, StartedTime: e.StartedTime };
  if (e.StoppedTime) view['StoppedTime'] = e.StoppedTime;
  if (!options.metadataOnly) {
    view['Input'] = e.Input;
    if (e.Output) view['Output'] = e.Output;
    view['FlowDefinition'] = e.FlowDefinition;
  }
  return view;
}

/** A version as PublishFlowVersion and ListFlowVersions return it. */
export function versionView(v: StoredFlowVersion): Record<string, unknown> {
  return { Version: v.Version, Description: v.Description, CreatedTime: v.CreatedTime };
}

/** An alias as Create/Update/Describe/ListFlowAliases return it. */
export function aliasView(a: StoredFlowAlias): Record<string, unknown> {
  return {
    Name: a.Name,
    Description: a.Description,
    CreatedTime: a.CreatedTime,
    RoutingConfigurations: a.RoutingConfigurations.map((r) => ({ Version: r.Version, Weight: r.Weight })),
  };
}

export function scheduleView(s: StoredSchedule): Record<string, unknown> {
  return {
    ScheduleId: s.ScheduleId,
    ScheduleName: s.ScheduleName,
    Description: s.Description,
    Payload: s.Payload,
    CronExpression: s.CronExpression,
    Enable: s.Enable,
    CreatedTime: s.CreatedTime,
    LastModifiedTime: s.LastModifiedTime,
  };
}

/** One page of `items` after the item whose key is `token` (or from the start). */
export function page<T>(items: readonly T[], keyOf: (item: T) => string, token: string | undefined, limit: number): { items: T[]; next?: string } {
  let start = 0;
  if (token !== undefined) {
    start = items.findIndex((i) => keyOf(i) === token);
    if (start < 0) start = items.findIndex((i) => keyOf(i) > token); // the token's item was deleted since
    if (start < 0) return { items: [] };
  }
  const slice = items.slice(start, start + limit);
  const following = items[start + limit];
  return following === undefined ? { items: slice } : { items: slice, next: keyOf(following) };
}
