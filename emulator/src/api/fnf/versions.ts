// PublishFlowVersion, ListFlowVersions and DeleteFlowVersion: numbered snapshots of a flow's
// definition that StartExecution can run through its Qualifier.
import type { StoredFlow, StoredFlowVersion } from '../../store/records';
import { rpcErrors } from '../transport/errors';
import { existingFlow, isoNow, versionView, type FnfContext } from './context';
import { fnfErrors } from './errors';
import { checkName, pageToken, type FnfParams, type FnfHandlers } from './params';

/** Version numbers as the service writes them: "1", "2", ... */
const VERSION_PATTERN = /^[1-9]\d*$/;

export async function publishFlowVersion(ctx: FnfContext, p: FnfParams<'PublishFlowVersion'>): Promise<unknown> {
  const flow = existingFlow(ctx, checkName(p.FlowName, 'FlowName'));
  const number = ctx.store.reserveVersionNumber(flow.Id);
  const version: StoredFlowVersion = {
    FlowName: flow.Name,
    FlowId: flow.Id,
    Version: String(number),
    Description: p.Description ?? '',
    Definition: flow.Definition,
    CreatedTime: isoNow(ctx),
  };
  await ctx.store.putVersion(version);
  return { FlowName: flow.Name, ...versionView(version) };
}

export function listFlowVersions(ctx: FnfContext, p: FnfParams<'ListFlowVersions'>): unknown {
  const flow = existingFlow(ctx, p.FlowName);
  const limit = p.Limit ?? 60;
  const token = pageToken(p.NextToken);
  if (token !== undefined && !VERSION_PATTERN.test(token)) {
    throw rpcErrors.invalidArgument(`NextToken '${token}' is not a token ListFlowVersions returned; omit it to list from the first version.`);
  }
  // Versions page in number order; a token names the first version of the next page (or, once
  // that version is deleted, the place it had).
  const versions = ctx.store.versions(flow.Id);
  const start = token === undefined ? 0 : versions.findIndex((v) => Number(v.Version) >= Number(token));
  if (start < 0) return { FlowVersions: [] };
  const FlowVersions = versions.slice(start, start + limit).map(versionView);
  const following = versions[start + limit];
  return following === undefined ? { FlowVersions } : { FlowVersions, NextToken: following.Version };
}

export async function deleteFlowVersion(ctx: FnfContext, p: FnfParams<'DeleteFlowVersion'>): Promise<unknown> {
  const flow = existingFlow(ctx, p.FlowName);
  const version = existingVersion(ctx, flow, p.FlowVersion);
  const routing = ctx.store.aliases(flow.Id).filter((a) => a.RoutingConfigurations.some((r) => r.Version === version.Version));
  if (routing.length > 0) throw fnfErrors.flowVersionInUse(version.Version, flow.Name, routing.map((a) => a.Name));
  await ctx.store.deleteVersion(version);
  ctx.definitions.delete(`${flow.Id}@${version.Version}`);
  return {};
}

/** The published version `name` of the flow, or FlowVersionNotExists (404). */
export function existingVersion(ctx: FnfContext, flow: StoredFlow, name: string): StoredFlowVersion {
  const version = ctx.store.version(flow.Id, name);
  if (!version) throw fnfErrors.flowVersionNotExists(name, flow.Name);
  return version;
}

/** The operations this file serves (the table's keys; the product registers them all). */
export const versionHandlers = {
  PublishFlowVersion: publishFlowVersion,
  ListFlowVersions: listFlowVersions,
  DeleteFlowVersion: deleteFlowVersion,
} satisfies Partial<FnfHandlers>;
