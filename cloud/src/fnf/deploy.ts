// Deploy = DescribeFlow, then UpdateFlow if it exists or CreateFlow if the service answers
// FlowNotExists (decided on the code, never the message text). ConcurrentUpdateError is retried
// with backoff; ExecutionMode cannot change on update (UpdateFlow has no such parameter), so a
// different requested mode is reported, not silently dropped.
import { CloudError } from '../errors';
import type { CallOptions } from '../rpc/shared';
import { backoffDelayMs, defaultRetryPolicy } from '../rpc/retry';
import type { Clock } from '../rpc/clock';
import type { CreateFlowRequest, DeployFlowRequest, DeployFlowResult, ExecutionMode, Flow, UpdateFlowRequest, WithRequestId } from './types';

/** What a deploy needs of a client (FnfClient is one): the three flow calls and time to back off. */
export interface FlowDeployer {
  readonly clock: Clock;
  readonly random: () => number;
  describeFlow(name: string, opts?: CallOptions): Promise<Flow & WithRequestId>;
  createFlow(req: CreateFlowRequest, opts?: CallOptions): Promise<Flow & WithRequestId>;
  updateFlow(req: UpdateFlowRequest, opts?: CallOptions): Promise<Flow & WithRequestId>;
}

const MAX_CONFLICT_ATTEMPTS = 5;

export async function deployFlow(client: FlowDeployer, req: DeployFlowRequest, opts: CallOptions = {}): Promise<DeployFlowResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deployOnce(client, req, opts);
    } catch (err) {
      if (!(err instanceof CloudError) || err.code !== 'ConcurrentUpdateError' || attempt >= MAX_CONFLICT_ATTEMPTS) throw err;
      await client.clock.sleep(backoffDelayMs(attempt, defaultRetryPolicy, client.random, err), opts.signal);
    }
  }
}

async function deployOnce(client: FlowDeployer, req: DeployFlowRequest, opts: CallOptions): Promise<DeployFlowResult> {
  let existing: { ExecutionMode?: ExecutionMode } | undefined;
  try {
    existing = await client.describeFlow(req.Name, opts);
  } catch (err) {
    if (!(err instanceof CloudError) || err.code !== 'FlowNotExists') throw err;
  }
  if (!existing) {
    try {
      return { action: 'created', flow: await client.createFlow(req, opts) };
    } catch (err) {
      // Someone created it between our DescribeFlow and CreateFlow: update instead.
      if (!(err instanceof CloudError) || err.code !== 'FlowAlreadyExists') throw err;
      existing = await client.describeFlow(req.Name, opts);
    }
  }
  const flow = await client.updateFlow(
    {
      Name: req.Name,
      Definition: req.Definition,
      ...(req.Description !== undefined ? { Description: req.Description } : {}),
      Type: req.Type ?? 'FDL',
      ...(req.RoleArn !== undefined ? { RoleArn: req.RoleArn } : {}),
      ...(req.Environment !== undefined ? { Environment: req.Environment } : {}),
    },
    opts,
  );
  const deployed = existing.ExecutionMode ?? 'Standard';
  const requested = req.ExecutionMode;
  if (requested && requested !== deployed) {
    return {
      action: 'updated',
      flow,
      executionModeUnchanged: {
        deployed,
        requested,
        message: `flow '${req.Name}' stays ${deployed}: the execution mode cannot change on update; delete the flow and deploy again to make it ${requested}`,
      },
    };
  }
  return { action: 'updated', flow };
}
