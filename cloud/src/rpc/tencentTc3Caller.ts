// A Tencent Cloud API 3.0 caller (CynosDB): JSON POST to `/`, X-TC-* headers, TC3-HMAC-SHA256
// signature over content-type;host, errors from `Response.Error`, token buckets and retries.
import { LocalErrorCodes } from '../errors';
import type { CredentialProvider } from '../credentials/types';
import { requireCredentials } from '../credentials/providers';
import { tc3Authorization } from '../signing/tc3';
import { CallerBase, operationOf, sendOptions, serviceError, type CallerBaseOptions } from './callerBase';
import type { Quota } from './tokenBucket';
import { callWithRetries, parseJsonBody, type CallOptions } from './shared';

export interface Tc3Operation {
  readonly quota?: Quota;
}

export interface TencentTc3CallerOptions extends CallerBaseOptions {
  /** The service's domain prefix, used in the credential scope: 'cynosdb'. */
  readonly service: string;
  /** API version, e.g. '2019-01-07'. */
  readonly version: string;
  /** e.g. `https://cynosdb.tencentcloudapi.com` or the emulator's `http://127.0.0.1:8787`. */
  readonly endpoint: string;
  /** Default `X-TC-Region`; a call may override it. */
  readonly region?: string;
  readonly credentials: CredentialProvider;
  readonly operations: Readonly<Record<string, Tc3Operation>>;
  readonly defaultQuota: Quota;
  /** `X-TC-Language`, e.g. 'en-US'. */
  readonly language?: string;
}

export interface Tc3CallOptions extends CallOptions {
  readonly region?: string;
}

export interface Tc3ResponseBase {
  readonly RequestId: string;
}

const CONTENT_TYPE = 'application/json; charset=utf-8';

export class TencentTc3Caller extends CallerBase<TencentTc3CallerOptions> {
  /** Calls `action` with a JSON payload; resolves to the contents of `Response`. */
  async call<T extends object = Record<string, unknown>>(action: string, payload: Readonly<Record<string, unknown>>, options: Tc3CallOptions = {}): Promise<T & Tc3ResponseBase> {
    const op = operationOf(this.options.operations, action, this.options.service);
    const creds = await requireCredentials(this.options.credentials);
    const body = JSON.stringify(payload);
    const region = options.region ?? this.options.region;
    const key = `${this.options.service}|${creds.accessKeyId}|${action}`;
    return callWithRetries(this.rt, key, op.quota ?? this.options.defaultQuota, `${this.options.service}.${action}`, options, async () => {
      const timestamp = Math.floor(this.rt.clock.now() / 1000);
      const host = this.endpoint.host;
      const authorization = tc3Authorization({
        method: 'POST',
        query: '',
        headers: { 'content-type': CONTENT_TYPE, host },
        payload: body,
        service: this.options.service,
        timestamp,
        secretId: creds.accessKeyId,
        secretKey: creds.accessKeySecret,
      });
      const headers: Record<string, string> = {
        'content-type': CONTENT_TYPE,
        host,
        'x-tc-action': action,
        'x-tc-version': this.options.version,
        'x-tc-timestamp': String(timestamp),
        authorization,
        'user-agent': this.rt.userAgent,
      };
      if (region) headers['x-tc-region'] = region;
      if (creds.securityToken) headers['x-tc-token'] = creds.securityToken;
      if (this.options.language) headers['x-tc-language'] = this.options.language;
      const res = await this.rt.transport.send({
        method: 'POST',
        url: this.endpoint.origin + '/',
        headers,
        body,
        ...sendOptions(options),
      });
      const parsed = parseJsonBody(res.body, res.status, action) as { Response?: Record<string, unknown> } | null;
      const response = parsed && typeof parsed === 'object' ? parsed.Response : undefined;
      const error = response?.['Error'] as { Code?: unknown; Message?: unknown } | undefined;
      const requestId = typeof response?.['RequestId'] === 'string' ? (response['RequestId'] as string) : undefined;
      if (error || res.status >= 400 || !response) {
        const code = typeof error?.Code === 'string' ? error.Code : res.status >= 500 ? 'InternalError' : LocalErrorCodes.badResponse;
        const message = typeof error?.Message === 'string' ? error.Message : response ? `HTTP ${res.status}` : 'the response has no Response object';
        throw serviceError(res, action, code, message, requestId);
      }
      return { ...(response as T), RequestId: requestId ?? '' } as T & Tc3ResponseBase;
    });
  }
}
