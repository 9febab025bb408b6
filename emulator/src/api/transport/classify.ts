// Works out which protocol a request speaks (Alibaba RPC with signature v1 or ACS3, Tencent TC3
// or Tencent's older HmacSHA1/HmacSHA256 signature), and its action, version, language and
// parameters, before anything is authenticated.
import type { RequestParams } from '../product';
import { rpcErrors, tc3Errors } from './errors';
import type { ReceivedRequest } from './request';

export type Signing = 'rpc-v1' | 'acs3' | 'tc3' | 'tc-v1';

export interface ClassifiedRequest {
  readonly signing: Signing;
  readonly style: 'rpc' | 'tc3';
  readonly action: string;
  readonly version: string;
  readonly region: string | undefined;
  /**
   * RPC and Tencent's v1 signature: query and form merged (form wins), every value a string
   * (for v1 without the common parameters). TC3: the JSON body, or the query for GET.
   */
  readonly params: RequestParams;
  /** Tencent only: the language messages are asked in (`X-TC-Language`, or v1's `Language`). */
  readonly language?: string;
}

/** The common parameters of Tencent's v1 signature, which are not the action's own. */
const TENCENT_V1_COMMON = new Set(['Action', 'Version', 'Region', 'Timestamp', 'Nonce', 'SecretId', 'Signature', 'SignatureMethod', 'Token', 'Language', 'RequestClient']);

export function classify(req: ReceivedRequest): ClassifiedRequest {
  const authorization = req.headers['authorization'] ?? '';
  if (req.headers['x-tc-version'] !== undefined || authorization.startsWith('TC3-')) return classifyTc3(req);
  const params = merged(req.query, req.form);
  // Tencent's v1 signature carries SecretId and Nonce as parameters (Alibaba's says AccessKeyId).
  if (params['SecretId'] !== undefined && params['Nonce'] !== undefined && authorization === '') return classifyTencentV1(params);
  if (authorization.startsWith('ACS3-')) {
    const action = req.headers['x-acs-action'];
    const version = req.headers['x-acs-version'];
    if (!action) throw rpcErrors.missingHeader('x-acs-action');
    if (!version) throw rpcErrors.missingHeader('x-acs-version');
    return { signing: 'acs3', style: 'rpc', action, version, region: params['RegionId'], params };
  }
  const action = params['Action'];
  const version = params['Version'];
  if (!action) throw rpcErrors.missingParam('Action');
  if (!version) throw rpcErrors.missingParam('Version');
  return { signing: 'rpc-v1', style: 'rpc', action, version, region: params['RegionId'], params };
}

/**
 * Query and form in one object, the form winning. No prototype: `constructor` or `__proto__` as a
 * parameter name is only a name. (A loop: Object.assign into an object without a prototype took
 * more than twice as long.)
 */
function merged(query: Record<string, string>, form: Record<string, string>): Record<string, string> {
  const params = Object.create(null) as Record<string, string>;
  for (const k in query) params[k] = query[k]!;
  for (const k in form) params[k] = form[k]!;
  return params;
}

function classifyTencentV1(all: Record<string, string>): ClassifiedRequest {
  const action = all['Action'];
  const version = all['Version'];
  if (!action) throw tc3Errors.missingParameter('Action');
  if (!version) throw tc3Errors.missingParameter('Version');
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) if (!TENCENT_V1_COMMON.has(k)) params[k] = v;
  return { signing: 'tc-v1', style: 'tc3', action, version, region: all['Region'], params, language: all['Language'] };
}

function classifyTc3(req: ReceivedRequest): ClassifiedRequest {
  const action = req.headers['x-tc-action'];
  const version = req.headers['x-tc-version'];
  const language = req.headers['x-tc-language'];
  if (!action) throw tc3Errors.missingParameter('X-TC-Action');
  if (!version) throw tc3Errors.missingParameter('X-TC-Version');
  // The SDKs' `reqMethod: GET` sends the (flattened) parameters in the query and no body.
  if (req.method === 'GET') return { signing: 'tc3', style: 'tc3', action, version, region: req.headers['x-tc-region'], params: { ...req.query }, language };
  let params: RequestParams = {};
  const text = req.body.toString('utf8').trim();
  if (text !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw tc3Errors.invalidParameter('The request body is not valid JSON. Send the parameters as a JSON object.');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw tc3Errors.invalidParameter('The request body must be a JSON object of parameters.');
    }
    params = parsed as RequestParams;
  }
  return { signing: 'tc3', style: 'tc3', action, version, region: req.headers['x-tc-region'], params, language };
}
