// The task environment the emulator and `flowdeck run` use: FC functions and mocks from the
// workspace's `.flowdeck/emulator.json`, and real HTTP requests.
import { TaskError, type JsonValue, type TaskEnvironment, type TaskRequest } from '../engine/types';
import { CONFIG_FILE, ConfigError, EMPTY_CONFIG, WorkspaceConfig, type EmulatorConfig } from './config';
import { findFunction, invokeFunction } from './fc';
import { httpRequest } from './http';

export {
  CONFIG_FILE,
  ConfigError,
  parseEmulatorConfig,
  type EmulatorConfig,
  type Mock,
  type FunctionTarget,
} from './config';
export { CALLBACK_TOKEN_HEADER } from './http';

export interface WorkspaceTaskOptions {
  /** Folder holding `.flowdeck/emulator.json`; without it only HTTP:Request works. */
  readonly workspaceDir?: string;
  /** A configuration given directly (tests); wins over the workspace file. */
  readonly config?: EmulatorConfig;
}

export function createWorkspaceTasks(options: WorkspaceTaskOptions = {}): TaskEnvironment {
  const file = options.workspaceDir !== undefined ? new WorkspaceConfig(options.workspaceDir) : undefined;
  const where = file?.path ?? CONFIG_FILE;
  const load = (): EmulatorConfig => {
    if (options.config) return options.config;
    try {
      return file?.load() ?? EMPTY_CONFIG;
    } catch (e) {
      if (e instanceof ConfigError) throw new TaskError('FnF.TaskNotConfigured', e.message);
      throw e;
    }
  };
  return {
    async invoke(request: TaskRequest): Promise<JsonValue> {
      const config = load();
      if (request.action === 'HTTP:Request') return mockOr(config, request, () => httpRequest(request));
      if (request.action === 'FC:InvokeFunction') {
        const p = request.parameters;
        const resourceArn =
          typeof p === 'object' && p !== null && !Array.isArray(p) && typeof p['resourceArn'] === 'string'
            ? p['resourceArn']
            : undefined;
        if (resourceArn === undefined) {
          throw new TaskError(
            'FC.InvalidArgument',
            'FC:InvokeFunction needs Parameters.resourceArn (the function ARN)',
          );
        }
        const target = findFunction(config, resourceArn);
        const body = (p as Record<string, JsonValue>)['body'] ?? null;
        if (target) {
          const call = invokeFunction(target, request, resourceArn, body);
          // Async invocations return at once; the function still runs.
          if ((p as Record<string, JsonValue>)['invocationType'] === 'Async') {
            call.catch(() => undefined);
            return { Body: null };
          }
          return call;
        }
        const mock = config.mocks.get(resourceArn) ?? config.mocks.get(request.action);
        if (mock) return fromMock(mock);
        throw new TaskError(
          'FnF.TaskNotConfigured',
          `no local function for ${resourceArn}: add "functions": { "${resourceArn}": "./path/to/handler.js" } ` +
            `(or an http:// URL, or the function name) to ${where}`,
        );
      }
      const mock = config.mocks.get(request.action);
      if (mock) return fromMock(mock);
      throw new TaskError(
        'FnF.TaskNotConfigured',
        `the emulator cannot call ${request.action}: add "mocks": { "${request.action}": { "output": { ... } } } ` +
          `(or { "error": "Code", "cause": "..." }) to ${where}`,
      );
    },
  };
}

function fromMock(mock: NonNullable<ReturnType<EmulatorConfig['mocks']['get']>>): JsonValue {
  if ('output' in mock) return mock.output;
  throw new TaskError(mock.error, mock.cause);
}

/** A mock for HTTP:Request wins over the real request (useful offline). */
function mockOr(
  config: EmulatorConfig,
  request: TaskRequest,
  real: () => Promise<JsonValue>,
): Promise<JsonValue> | JsonValue {
  const mock = config.mocks.get(request.action);
  return mock ? fromMock(mock) : real();
}
