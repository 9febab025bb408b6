// fnf resource errors with the service's codes, statuses and message templates (metadata
// 2024-07-30). The FlowNotExists template has two spaces after "Flow", as the service sends it.
import { ApiError } from '../product';

export const fnfErrors = {
  flowNotExists: (flow: string) => new ApiError(404, 'FlowNotExists', `Flow  ${flow} does not exist.`),
  flowAlreadyExists: (flow: string) => new ApiError(409, 'FlowAlreadyExists', `Flow ${flow} already exists.`),
  executionNotExists: (exec: string, flow: string) =>
    new ApiError(404, 'ExecutionNotExists', `Execution ${exec} for flow ${flow} does not exist.`),
  executionAlreadyExists: (exec: string, flow: string) =>
    new ApiError(400, 'ExecutionAlreadyExists', `Execution ${exec} for flow ${flow} already exists.`),
  executionAlreadyCompleted: (exec: string, flow: string) =>
    new ApiError(400, 'ExecutionAlreadyCompleted', `Execution '${exec}' for flow '${flow}' has already completed.`),
  scheduleNotExists: (schedule: string, flow: string) =>
    new ApiError(404, 'ScheduleNotExists', `The schedule ${schedule} for flow ${flow} does not exist.`),
  scheduleAlreadyExists: (schedule: string, flow: string) =>
    new ApiError(409, 'ScheduleAlreadyExists', `The schedule ${schedule} already exists in flow ${flow}.`),
  // Versions and aliases (2025): the service documents no error codes for them; these follow the
  // naming of the documented ones (README, "Choices").
  flowVersionNotExists: (version: string, flow: string) =>
    new ApiError(404, 'FlowVersionNotExists', `Version ${version} of flow ${flow} does not exist.`),
  flowVersionInUse: (version: string, flow: string, aliases: readonly string[]) =>
    new ApiError(400, 'FlowVersionInUse',
      `Version ${version} of flow ${flow} is routed to by alias ${aliases.join(', ')}; update or delete the alias first.`),
  flowAliasNotExists: (alias: string, flow: string) =>
    new ApiError(404, 'FlowAliasNotExists', `Alias ${alias} of flow ${flow} does not exist.`),
  flowAliasAlreadyExists: (alias: string, flow: string) =>
    new ApiError(409, 'FlowAliasAlreadyExists', `Alias ${alias} already exists in flow ${flow}.`),
  taskAlreadyCompleted: (token: string) => new ApiError(400, 'TaskAlreadyCompleted', `Task ${token} has already completed.`),
  /** StartSyncExecution on a Standard flow (the service's example error). */
  standardNotSupported: () => new ApiError(400, 'ActionNotSupported', 'Standard execution is not supported'),
  /** StartExecution on an Express flow: it "must be in Standard execution mode". */
  expressNotSupported: () =>
    new ApiError(400, 'ActionNotSupported', 'Express execution is not supported by StartExecution; start Express flows with StartSyncExecution.'),
};
