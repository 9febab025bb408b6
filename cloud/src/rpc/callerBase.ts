// What every signed caller holds and does the same way, whatever it signs: its endpoint and
// resolved runtime, the lookup of an operation's row, the per-call send options, the service's
// error as a CloudError, and releasing the connections it owns.
import { CloudError, LocalErrorCodes } from '../errors';
import type { HttpRequest, HttpResponse } from '../http/transport';
import { parseRetryAfter } from './retry';
import { normalizeEndpoint, resolveRuntime, type CallOptions, type CallerRuntimeOptions, type ResolvedRuntime } from './shared';

export interface CallerBaseOptions extends CallerRuntimeOptions {
  readonly endpoint: string;
}

export abstract class CallerBase<Options extends CallerBaseOptions> {
  readonly endpoint: URL;
  protected readonly rt: ResolvedRuntime;

  constructor(protected readonly options: Options) {
    this.endpoint = normalizeEndpoint(options.endpoint);
    this.rt = resolveRuntime(options);
  }

  /** Releases pooled connections (only when this caller created its own transport). */
  async close(): Promise<void> {
    if (this.rt.ownsTransport) await this.rt.transport.close();
  }
}

/** The operation row of `action`, or an invalid-input error naming the service. */
export function operationOf<Operation>(operations: Readonly<Record<string, Operation>>, action: string, serviceName: string): Operation {
  const op = operations[action];
  if (!op) throw new CloudError({ status: 0, code: LocalErrorCodes.invalidInput, message: `${serviceName} has no operation '${action}' in this client`, action });
  return op;
}

/** The parts of a request that come from the call's options: its cancel signal and timeout. */
export function sendOptions(options: CallOptions): Pick<HttpRequest, 'signal' | 'timeoutMs'> {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  };
}

/** The service's error answer as a CloudError, with its request id and any Retry-After it asks for. */
export function serviceError(res: HttpResponse, action: string, code: string, message: string, requestId: string | undefined): CloudError {
  const retryAfterMs = parseRetryAfter(res.headers);
  return new CloudError({
    status: res.status,
    code,
    message,
    ...(requestId ? { requestId } : {}),
    action,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}
