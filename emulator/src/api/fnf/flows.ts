// CreateFlow, UpdateFlow, DeleteFlow, DescribeFlow and ListFlows.
import { randomUUID } from 'node:crypto';
import type { RequestParams } from '../product';
import { rpcErrors } from '../transport/errors';
import { existingFlow, flowView, isoNow, page, type FnfContext } from './context';
import { checkDefinition } from './definition';
import { fnfErrors } from './errors';
import { jsonObject, optional, optionalInt, pageToken, present, required, requiredName } from './params';
import type { ExecutionMode, StoredFlow } from '../../store/records';
import { existingVersion } from './versions';

export function modeOf(flow: StoredFlow): ExecutionMode {
  return flow.ExecutionMode === 'Express' ? 'Express' : 'Standard';
}

export async function createFlow(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const name = requiredName(p, 'Name');
  const definition = required(p, 'Definition');
  const description = present(p, 'Description');
  const type = checkType(required(p, 'Type'));
  const mode = optional(p, 'ExecutionMode') ?? '';
  if (mode !== '' && mode !== 'Standard' && mode !== 'Express') {
    throw rpcErrors.invalidArgument(`ExecutionMode must be Standard or Express, got '${mode}'.`);
  }
  const environment = checkEnvironment(optional(p, 'Environment'));
  if (ctx.store.flow(name)) throw fnfErrors.flowAlreadyExists(name);
  const value = checkDefinition(definition, name, mode === 'Express' ? 'Express' : 'Standard');
  const now = isoNow(ctx);
  const flow: StoredFlow = {
    Name: name,
    Id: randomUUID(),
    Type: type,
    Definition: definition,
    Description: description,
    RoleArn: optional(p, 'RoleArn') ?? '',
    ExternalStorageLocation: optional(p, 'ExternalStorageLocation') ?? '',
    ExecutionMode: mode,
    Environment: environment ?? '',
    CreatedTime: now,
    LastModifiedTime: now,
  };
  await ctx.store.putFlow(flow);
  ctx.definitions.set(flow.Id, { text: definition, value });
  return flowView(flow);
}

export async function updateFlow(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const name = requiredName(p, 'Name');
  const flow = existingFlow(ctx, name);
  const definition = optional(p, 'Definition');
  const type = optional(p, 'Type');
  const environment = checkEnvironment(optional(p, 'Environment'));
  if (type !== undefined && type !== '') checkType(type);
  const value = definition === undefined ? undefined : checkDefinition(definition, name, modeOf(flow));
  const updated: StoredFlow = {
    ...flow,
    Definition: definition ?? flow.Definition,
    Description: optional(p, 'Description') ?? flow.Description,
    Type: type || flow.Type,
    RoleArn: optional(p, 'RoleArn') ?? flow.RoleArn,
    Environment: environment ?? flow.Environment,
    LastModifiedTime: isoNow(ctx),
  };
  await ctx.store.putFlow(updated);
  if (definition !== undefined && value !== undefined) ctx.definitions.set(flow.Id, { text: definition, value });
  return flowView(updated);
}

export async function deleteFlow(ctx: FnfContext, p: RequestParams): Promise<unknown> {
  const flow = existingFlow(ctx, required(p, 'Name'));
  // Executions in progress stop; once deleted, none of them can be queried.
  await Promise.all(
    ctx.store.executions(flow.Id).map((e) => ctx.executions.stop(e, 'FlowDeleted', `The flow ${flow.Name} was deleted.`)),
  );
  await ctx.store.deleteFlow(flow);
  ctx.scheduler.disarmFlow(flow.Id);
  // The store drops the flow's versions and aliases with it; so do the parsed definitions.
  for (const key of [...ctx.definitions.keys()]) if (key === flow.Id || key.startsWith(`${flow.Id}@`)) ctx.definitions.delete(key);
  return {};
}

/** The flow; with `FlowVersion`, its definition as that version was published. */
export function describeFlow(ctx: FnfContext, p: RequestParams): unknown {
  const flow = existingFlow(ctx, required(p, 'Name'));
  const versionName = optional(p, 'FlowVersion');
  if (!versionName) return flowView(flow);
  const version = existingVersion(ctx, flow, versionName);
  return flowView({ ...flow, Definition: version.Definition });
}

export function listFlows(ctx: FnfContext, p: RequestParams): unknown {
  const limit = optionalInt(p, 'Limit', 1, 1000) ?? 60;
  const { items, next } = page(ctx.store.flows(), (f) => f.Name, pageToken(p), limit);
  return next === undefined ? { Flows: items.map(flowView) } : { Flows: items.map(flowView), NextToken: next };
}

function checkType(type: string): string {
  if (type !== 'FDL') throw rpcErrors.invalidArgument(`Type must be FDL, got '${type}'.`);
  return type;
}

/** `{"Variables":[{"Name","Value","Description"}]}` as the SDK serialises it into one field. */
function checkEnvironment(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  const env = jsonObject(text, 'Environment');
  const vars = env['Variables'];
  if (vars !== undefined && (!Array.isArray(vars) || vars.some((v) => v === null || typeof v !== 'object' || typeof (v as Record<string, unknown>)['Name'] !== 'string'))) {
    throw rpcErrors.invalidArgument('Environment.Variables must be a list of {"Name": "...", "Value": "..."} objects.');
  }
  return JSON.stringify(env);
}
