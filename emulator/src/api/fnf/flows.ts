// CreateFlow, UpdateFlow, DeleteFlow, DescribeFlow and ListFlows.
import { randomUUID } from 'node:crypto';
import { rpcErrors } from '../transport/errors';
import { existingFlow, flowView, isoNow, page, type FnfContext } from './context';
import { checkDefinition } from './definition';
import { fnfErrors } from './errors';
import { checkName, jsonObject, pageToken, type FnfParams, type FnfHandlers } from './params';
import type { ExecutionMode, StoredFlow } from '../../store/records';
import { existingVersion } from './versions';

export function modeOf(flow: StoredFlow): ExecutionMode {
  return flow.ExecutionMode === 'Express' ? 'Express' : 'Standard';
}

export async function createFlow(ctx: FnfContext, p: FnfParams<'CreateFlow'>): Promise<unknown> {
  const name = checkName(p.Name, 'Name');
  const definition = p.Definition;
  const description = p.Description;
  const type = checkType(p.Type);
  const mode = p.ExecutionMode ?? '';
  if (mode !== '' && mode !== 'Standard' && mode !== 'Express') {
    throw rpcErrors.invalidArgument(`ExecutionMode must be Standard or Express, got '${mode}'.`);
  }
  const environment = checkEnvironment(p.Environment);
  if (ctx.store.flow(name)) throw fnfErrors.flowAlreadyExists(name);
  const value = checkDefinition(definition, name, mode === 'Express' ? 'Express' : 'Standard');
  const now = isoNow(ctx);
  const flow: StoredFlow = {
    Name: name,
    Id: randomUUID(),
    Type: type,
    Definition: definition,
    Description: description,
    RoleArn: p.RoleArn ?? '',
    ExternalStorageLocation: p.ExternalStorageLocation ?? '',
    ExecutionMode: mode,
    Environment: environment ?? '',
    CreatedTime: now,
    LastModifiedTime: now,
  };
  await ctx.store.putFlow(flow);
  ctx.definitions.set(flow.Id, { text: definition, value });
  return flowView(flow);
}

export async function updateFlow(ctx: FnfContext, p: FnfParams<'UpdateFlow'>): Promise<unknown> {
  const name = checkName(p.Name, 'Name');
  const flow = existingFlow(ctx, name);
  const definition = p.Definition;
  const type = p.Type;
  const environment = checkEnvironment(p.Environment);
  if (type !== undefined && type !== '') checkType(type);
  const value = definition === undefined ? undefined : checkDefinition(definition, name, modeOf(flow));
  const updated: StoredFlow = {
    ...flow,
    Definition: definition ?? flow.Definition,
    Description: p.Description ?? flow.Description,
    Type: type || flow.Type,
    RoleArn: p.RoleArn ?? flow.RoleArn,
    Environment: environment ?? flow.Environment,
    LastModifiedTime: isoNow(ctx),
  };
  await ctx.store.putFlow(updated);
  if (definition !== undefined && value !== undefined) ctx.definitions.set(flow.Id, { text: definition, value });
  return flowView(updated);
}

export async function deleteFlow(ctx: FnfContext, p: FnfParams<'DeleteFlow'>): Promise<unknown> {
  const flow = existingFlow(ctx, p.Name);
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
export function describeFlow(ctx: FnfContext, p: FnfParams<'DescribeFlow'>): unknown {
  const flow = existingFlow(ctx, p.Name);
  const versionName = p.FlowVersion;
  if (!versionName) return flowView(flow);
  const version = existingVersion(ctx, flow, versionName);
  return flowView({ ...flow, Definition: version.Definition });
}

export function listFlows(ctx: FnfContext, p: FnfParams<'ListFlows'>): unknown {
  const limit = p.Limit ?? 60;
  const { items, next } = page(ctx.store.flows(), (f) => f.Name, pageToken(p.NextToken), limit);
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

/** The operations this file serves (the table's keys; the product registers them all). */
export const flowHandlers = {
  CreateFlow: createFlow,
  UpdateFlow: updateFlow,
  DeleteFlow: deleteFlow,
  DescribeFlow: describeFlow,
  ListFlows: listFlows,
} satisfies Partial<FnfHandlers>;
