// A signed Alibaba Cloud RPC caller (fnf, CAMS): Action + Version in the query, GET with query
// parameters for reads, POST with a form body for writes, RPC signature v1 (what the official SDKs
// send) or ACS3, JSON responses, the service's errors as CloudError, per-operation token buckets,
// retries with backoff.
import { CloudError, LocalErrorCodes } from '../errors';
import type { CredentialProvider, Credentials } from '../credentials/types';
import { requireCredentials } from '../credentials/providers';
import { signRpcV1Request, encodeRpcParams } from '../signing/rpcV1';
import { signAcs3Request } from '../signing/acs3';
import { CallerBase, operationOf, sendOptions, serviceError, type CallerBaseOptions } from './callerBase';
import type { Quota } from './tokenBucket';
import { callWithRetries, parseJsonBody, type CallOptions } from './shared';

/** A parameter value: objects and arrays are sent as one JSON string (the SDKs' "shrink" requests). */
export type RpcValue = string | number | boolean | null | undefined | readonly unknown[] | object;

export interface RpcOperation {
  readonly method: 'GET' | 'POST';
  /** Parameters sent in the query string even on POST (e.g. `TaskToken` of ReportTask*). */
  readonly queryParams?: readonly string[];
  /** Client-side bucket for this operation; the caller's `defaultQuota` otherwise. */
  readonly quota?: Quota;
}

export interface AlibabaRpcCallerOptions extends CallerBaseOptions {
  /** Short product name, used in bucket keys and messages: 'fnf', 'cams'. */
  readonly product: string;
  /** API version, e.g. '2019-03-15'. */
  readonly version: string;
  /** `https://host`, `http://127.0.0.1:8787`, or a bare host (https is assumed). */
  readonly endpoint: string;
  readonly credentials: CredentialProvider;
  readonly operations: Readonly<Record<string, RpcOperation>>;
  readonly defaultQuota: Quota;
  /** 'v1' (HMAC-SHA1, default) or 'acs3' (ACS3-HMAC-SHA256). */
  readonly signatureAlgorithm?: 'v1' | 'acs3';
  /** When set, a 2xx response whose `Code` differs from this is an error (CAMS answers Code "OK"). */
  readonly successCode?: string;
  /** Largest request (URL + body) allowed, checked before sending. */
  readonly maxRequestBytes?: number;
}

/** Every response carries the service's request id. */
export interface RpcResponseBase {
  readonly RequestId: string;
}

export class AlibabaRpcCaller extends CallerBase<AlibabaRpcCallerOptions> {
  /** The endpoint's origin and path, ending in `/`: the URL every request adds its query to. */
  private readonly base = this.endpoint.origin + (this.endpoint.pathname.endsWith('/') ? this.endpoint.pathname : this.endpoint.pathname + '/');

  get product(): string {
    return this.options.product;
  }

  /** Resolves the credentials this caller signs with (for showing which account is used). */
  credentials(): Promise<Credentials> {
    return requireCredentials(this.options.credentials);
  }

  /** Calls `action` with API parameters; resolves to the parsed JSON body. */
  async call<T extends object = Record<string, unknown>>(action: string, params: Readonly<Record<string, RpcValue>>, options: CallOptions = {}): Promise<T & RpcResponseBase> {
    const op = operationOf(this.options.operations, action, this.options.product);
    const creds = await requireCredentials(this.options.credentials);
    const { query, body } = splitParams(op, params);
    const quota = op.quota ?? this.options.defaultQuota;
    const key = `${this.options.product}|${creds.accessKeyId}|${action}`;
    return callWithRetries(this.rt, key, quota, `${this.options.product}.${action}`, options, () => this.attempt<T>(action, op, creds, query, body, options));
  }

  private async attempt<T>(action: string, op: RpcOperation, creds: Credentials, apiQuery: Record<string, string>, apiBody: Record<string, string>, options: CallOptions): Promise<T & RpcResponseBase> {
    const now = new Date(this.rt.clock.now());
    const nonce = this.rt.nonce();
    const headers: Record<string, string> = { 'user-agent': this.rt.userAgent, 'x-acs-action': action, 'x-acs-version': this.options.version, accept: 'application/json' };
    const post = op.method === 'POST';
    if (post) headers['content-type'] = 'application/x-www-form-urlencoded';
    // What both signature versions sign besides the request itself: one object, handed over as it
    // is (spreading it into another per request took longer, in profiles, than the hash itself).
    const signing = {
      method: op.method,
      action,
      version: this.options.version,
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      securityToken: creds.securityToken,
      query: apiQuery,
      body: post ? apiBody : NO_PARAMS,
      now,
      nonce,
    };
    let url: string;
    let bodyText: string | undefined;
    if ((this.options.signatureAlgorithm ?? 'v1') === 'v1') {
      const signed = signRpcV1Request(signing);
      url = `${this.base}?${signed.queryText}`;
      bodyText = post ? signed.bodyText : undefined;
    } else {
      bodyText = post ? encodeRpcParams(apiBody) : undefined;
      const acsHeaders = signAcs3Request({
        ...signing,
        host: this.endpoint.host,
        body: bodyText ?? '',
        ...(bodyText !== undefined ? { contentType: 'application/x-www-form-urlencoded' } : {}),
      });
      Object.assign(headers, acsHeaders);
      const qs = encodeRpcParams(apiQuery);
      url = qs ? `${this.base}?${qs}` : this.base;
    }
    const size = Buffer.byteLength(url) + (bodyText ? Buffer.byteLength(bodyText) : 0);
    const limit = this.options.maxRequestBytes;
    if (limit !== undefined && size > limit) {
      throw new CloudError({ status: 0, code: 'EntityTooLarge', message: `the request is ${size} bytes; the service accepts at most ${limit} bytes`, action });
    }
    const res = await this.rt.transport.send({
      method: op.method,
      url,
      headers,
      ...(bodyText !== undefined ? { body: bodyText } : {}),
      ...sendOptions(options),
    });
    const parsed = parseJsonBody(res.body, res.status, action);
    const obj = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const requestId = str(obj['RequestId']) ?? str(obj['requestId']) ?? res.headers['x-acs-request-id'];
    const code = str(obj['Code']) ?? str(obj['code']);
    const failed = res.status >= 400 || (this.options.successCode !== undefined && code !== undefined && code !== this.options.successCode);
    if (failed) {
      const failCode = code ?? (res.status >= 500 ? 'InternalServerError' : `HTTP${res.status}`);
      throw serviceError(res, action, failCode, str(obj['Message']) ?? str(obj['message']) ?? 'no message', requestId);
    }
    if (!parsed || typeof parsed !== 'object') {
      throw new CloudError({ status: res.status, code: LocalErrorCodes.badResponse, message: 'the response body is not a JSON object', action });
    }
    // The object was parsed for this call alone: the request id is set on it, not on a copy.
    obj['RequestId'] = requestId ?? '';
    return obj as T & RpcResponseBase;
  }
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Serialises values and splits them between query and form body according to the operation. */
function splitParams(op: RpcOperation, params: Readonly<Record<string, RpcValue>>): { query: Record<string, string>; body: Record<string, string> } {
  const query: Record<string, string> = {};
  const body: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
    if (op.method === 'GET' || op.queryParams?.includes(k)) query[k] = s;
    else body[k] = s;
  }
  return { query, body };
}
