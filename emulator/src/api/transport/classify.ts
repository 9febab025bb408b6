// Works out which protocol a request speaks (Alibaba RPC with signature v1 or ACS3, or Tencent
// TC3), and its action, version and parameters, before anything is authenticated.
import type { RequestParams } from '../product';
import { rpcErrors, tc3Errors } from './errors';
import type { ReceivedRequest } from './request';

export type Signing = 'rpc-v1' | 'acs3' | 'tc3';

export interface ClassifiedRequest {
  readonly signing: Signing;
  readonly style: 'rpc' | 'tc3';
  readonly action: string;
  readonly version: string;
  readonly region: string | undefined;
  /** RPC: query and form merged (form wins), every value a string. TC3: the JSON body. */
  readonly params: RequestParams;
}

export function classify(req: ReceivedRequest): ClassifiedRequest {
  const authorization = req.headers['authorization'] ?? '';
  if (req.headers['x-tc-version'] !== undefined || authorization.startsWith('TC3-')) return classifyTc3(req);
  // No prototype: `constructor` or `__proto__` as a parameter name is only a name.
  const params: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, req.query, req.form);
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

function classifyTc3(req: ReceivedRequest): ClassifiedRequest {
  const action = req.headers['x-tc-action'];
  const version = req.headers['x-tc-version'];
  if (!action) throw tc3Errors.missingParameter('X-TC-Action');
  if (!version) throw tc3Errors.missingParameter('X-TC-Version');
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
  return { signing: 'tc3', style: 'tc3', action, version, region: req.headers['x-tc-region'], params };
}
