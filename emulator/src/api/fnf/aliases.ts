// CreateFlowAlias, UpdateFlowAlias, DescribeFlowAlias, ListFlowAliases and DeleteFlowAlias, and
// how an alias picks one of its versions for an execution.
import type { RoutingConfiguration, StoredFlow, StoredFlowAlias } from '../../store/records';
import { rpcErrors } from '../transport/errors';
import { aliasView, existingFlow, isoNow, page, type FnfContext } from './context';
import { fnfErrors } from './errors';
import { checkName, pageToken, type FnfParams, type FnfHandlers } from './params';
import { existingVersion } from './versions';

/** Versions one alias may route to (the emulator's limit, see the README). */
export const MAX_ROUTES = 2;

export async function createFlowAlias(ctx: FnfContext, p: FnfParams<'CreateFlowAlias'>): Promise<unknown> {
  const flow = existingFlow(ctx, checkName(p.FlowName, 'FlowName'));
  const name = checkName(p.Name, 'Name');
  const routes = readRoutes(ctx, flow, p.RoutingConfigurations, true);
  if (!routes) throw rpcErrors.missingParam('RoutingConfigurations');
  if (ctx.store.alias(flow.Id, name)) throw fnfErrors.flowAliasAlreadyExists(name, flow.Name);
  const now = isoNow(ctx);
  const alias: StoredFlowAlias = {
    FlowName: flow.Name,
    FlowId: flow.Id,
    Name: name,
    Description: p.Description ?? '',
    RoutingConfigurations: routes,
    CreatedTime: now,
    LastModifiedTime: now,
  };
  await ctx.store.putAlias(alias);
  return { FlowName: flow.Name, ...aliasView(alias) };
}

export async function updateFlowAlias(ctx: FnfContext, p: FnfParams<'UpdateFlowAlias'>): Promise<unknown> {
  const { flow, alias } = existingAlias(ctx, p);
  const routes = readRoutes(ctx, flow, p.RoutingConfigurations, false);
  const updated: StoredFlowAlias = {
    ...alias,
    Description: p.Description ?? alias.Description,
    RoutingConfigurations: routes ?? alias.RoutingConfigurations,
    LastModifiedTime: isoNow(ctx),
  };
  await ctx.store.putAlias(updated);
  return { Alias: aliasView(updated) };
}

export function describeFlowAlias(ctx: FnfContext, p: FnfParams<'DescribeFlowAlias'>): unknown {
  return { Alias: aliasView(existingAlias(ctx, p).alias) };
}

export function listFlowAliases(ctx: FnfContext, p: FnfParams<'ListFlowAliases'>): unknown {
  const flow = existingFlow(ctx, p.FlowName);
  const limit = p.Limit ?? 60;
  const { items, next } = page(ctx.store.aliases(flow.Id), (a) => a.Name, pageToken(p.NextToken), limit);
  const Aliases = items.map(aliasView);
  return next === undefined ? { Aliases } : { Aliases, NextToken: next };
}

export async function deleteFlowAlias(ctx: FnfContext, p: FnfParams<'DeleteFlowAlias'>): Promise<unknown> {
  await ctx.store.deleteAlias(existingAlias(ctx, p).alias);
  return {};
}

export function existingAlias(ctx: FnfContext, p: { readonly FlowName: string; readonly Name: string }): { flow: StoredFlow; alias: StoredFlowAlias } {
  const flow = existingFlow(ctx, p.FlowName);
  const name = p.Name;
  const alias = ctx.store.alias(flow.Id, name);
  if (!alias) throw fnfErrors.flowAliasNotExists(name, flow.Name);
  return { flow, alias };
}

/**
 * The version an execution through `alias` runs: `random()` (in [0, 1)) falls into one route's
 * share of 100, so a route with weight 30 is picked for 30% of the draws and one with 0 never.
 */
export function pickVersion(alias: StoredFlowAlias, random: () => number): string {
  const draw = random() * 100;
  let upTo = 0;
  for (const route of alias.RoutingConfigurations) {
    upTo += route.Weight;
    if (draw < upTo) return route.Version;
  }
  // Only reached with a draw of 1 or more (a faulty source): the last route that has any weight.
  const weighted = alias.RoutingConfigurations.filter((r) => r.Weight > 0);
  const last = weighted.at(-1) ?? alias.RoutingConfigurations.at(-1);
  if (!last) throw new Error(`internal: alias ${alias.Name} has no routes`);
  return last.Version;
}

const ROUTES_EXAMPLE = '[{"Version":"1","Weight":80},{"Version":"2","Weight":20}]';

/**
 * RoutingConfigurations as the SDK sends it (a JSON array in one form field) or as a JSON body
 * carries it (an array). Undefined when absent (or empty and not required).
 */
function readRoutes(ctx: FnfContext, flow: StoredFlow, raw: unknown, requiredHere: boolean): RoutingConfiguration[] | undefined {
  if (raw === undefined || raw === '') {
    if (requiredHere) throw rpcErrors.missingParam('RoutingConfigurations');
    return undefined;
  }
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw invalidRoutes(`is not valid JSON`);
    }
  }
  if (!Array.isArray(value)) throw invalidRoutes('must be a JSON array');
  if (value.length < 1 || value.length > MAX_ROUTES) throw invalidRoutes(`must list 1 to ${MAX_ROUTES} versions, got ${value.length}`);
  const routes = value.map((entry, i) => readRoute(entry, i));
  const seen = new Set<string>();
  for (const r of routes) {
    if (seen.has(r.Version)) throw invalidRoutes(`lists version ${r.Version} twice`);
    seen.add(r.Version);
  }
  const total = routes.reduce((sum, r) => sum + r.Weight, 0);
  if (total !== 100) throw invalidRoutes(`weights must add up to 100, got ${total}`);
  for (const r of routes) existingVersion(ctx, flow, r.Version);
  return routes;
}

function readRoute(entry: unknown, index: number): RoutingConfiguration {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw invalidRoutes(`entry ${index + 1} must be an object`);
  const { Version: version, Weight: weight } = entry as Record<string, unknown>;
  const versionText = typeof version === 'number' ? String(version) : version;
  if (typeof versionText !== 'string' || !/^[1-9]\d*$/.test(versionText)) {
    throw invalidRoutes(`entry ${index + 1} needs a Version such as "1"`);
  }
  const weightNumber = typeof weight === 'string' && /^\d+$/.test(weight) ? Number(weight) : weight;
  if (typeof weightNumber !== 'number' || !Number.isInteger(weightNumber) || weightNumber < 0 || weightNumber > 100) {
    throw invalidRoutes(`entry ${index + 1} needs a Weight that is an integer from 0 to 100`);
  }
  return { Version: versionText, Weight: weightNumber };
}

function invalidRoutes(problem: string): Error {
  return rpcErrors.invalidArgument(`RoutingConfigurations ${problem}. Pass a JSON array such as ${ROUTES_EXAMPLE}.`);
}

/** The operations this file serves (the table's keys; the product registers them all). */
export const aliasHandlers = {
  CreateFlowAlias: createFlowAlias,
  UpdateFlowAlias: updateFlowAlias,
  DescribeFlowAlias: describeFlowAlias,
  ListFlowAliases: listFlowAliases,
  DeleteFlowAlias: deleteFlowAlias,
} satisfies Partial<FnfHandlers>;
