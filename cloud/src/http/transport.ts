// HTTP on undici: one keep-alive Agent per transport, connect and request timeouts, and every
// failure turned into a CloudError (status 0) so callers handle one error type.
import { Agent, request, errors as undiciErrors } from 'undici';
import { CloudError, LocalErrorCodes } from '../errors';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
  /** Overrides the transport's request timeout for this request (e.g. a long poll). */
  readonly timeoutMs?: number;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HttpTransport {
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

export interface UndiciTransportOptions {
  readonly connectTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  readonly keepAliveTimeoutMs?: number;
}

export function createUndiciTransport(options: UndiciTransportOptions = {}): HttpTransport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const agent = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000 });
  return {
    async send(req) {
      const timeout = req.timeoutMs ?? requestTimeoutMs;
      try {
        const res = await request(req.url, {
          method: req.method,
          headers: req.headers,
          ...(req.body !== undefined ? { body: req.body } : {}),
          dispatcher: agent,
          headersTimeout: timeout,
          bodyTimeout: timeout,
          ...(req.signal ? { signal: req.signal } : {}),
        });
        const body = await res.body.text();
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        }
        return { status: res.statusCode, headers, body };
      } catch (err) {
        // The host is read from the URL only for the message of a failure.
        throw toCloudError(err, safeHost(req.url), req.signal);
      }
    },
    close: () => agent.close(),
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the endpoint';
  }
}

function toCloudError(err: unknown, host: string, signal?: AbortSignal): CloudError {
  if (err instanceof CloudError) return err;
  if (signal?.aborted) return new CloudError({ status: 0, code: LocalErrorCodes.aborted, message: 'the request was cancelled', cause: err });
  const name = err instanceof Error ? err.name : '';
  const code = (err as { code?: unknown } | null)?.code;
  if (
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    err instanceof undiciErrors.ConnectTimeoutError ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  ) {
    return new CloudError({ status: 0, code: LocalErrorCodes.timeout, message: `no answer from ${host} in time`, cause: err });
  }
  const detail = typeof code === 'string' ? code : name || 'error';
  return new CloudError({ status: 0, code: LocalErrorCodes.network, message: `could not reach ${host} (${detail})`, cause: err });
}
