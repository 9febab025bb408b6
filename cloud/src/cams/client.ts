// CamsClient: the ten CAMS WhatsApp Flow operations on the generic signed RPC caller, plus
// reading the Flow JSON behind GetFlowJSONAssest's FilePath and publishing a new one through an
// uploader (UpdateFlowJSONAsset takes a URL, not the JSON itself).
import type { CredentialProvider } from '../credentials/types';
import { CloudError, invalidInput, LocalErrorCodes } from '../errors';
import { AlibabaRpcCaller, type RpcResponseBase, type RpcValue } from '../rpc/alibabaRpcCaller';
import { checkClientParams, rpcOperations, type ClientParams } from '../rpc/operationTable';
import type { CallOptions, CallerRuntimeOptions } from '../rpc/shared';
import { createUndiciTransport, type HttpTransport } from '../http/transport';
import {
  FLOW_CATEGORIES, type CamsFlow, type CamsFlowAsset, type CamsFlowSummary, type CamsPreview, type CamsScope,
  type CreateCamsFlowRequest, type ListCamsFlowRequest, type ModifyCamsFlowRequest, type UploadAuthorization, type WithRequestId,
} from './types';
import type { FlowJsonUploader } from './uploader';

import { CAMS_FLOW_QUOTA, CAMS_OPERATIONS, CAMS_VERSION, type CamsOperationName } from './operations';

export { CAMS_FLOW_QUOTA, CAMS_OPERATIONS, CAMS_VERSION };
export const DEFAULT_CAMS_REGION = 'ap-southeast-1';

/** The CAMS operations as the generic caller needs them: method and quota. */
const RPC_OPERATIONS = rpcOperations(CAMS_OPERATIONS);

/** `https://cams.<region>.aliyuncs.com` (the SDK's regional rule; Singapore is the documented region). */
export function camsEndpoint(region: string): string {
  if (!/^[a-z]{2,}-[a-z0-9-]+$/.test(region)) throw invalidInput(`'${region}' is not a region id (expected something like ap-southeast-1)`);
  return `https://cams.${region}.aliyuncs.com`;
}

export interface CamsClientOptions extends CallerRuntimeOptions {
  readonly credentials: CredentialProvider;
  /** Overrides the regional endpoint, e.g. the emulator's `http://127.0.0.1:8787`. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly signatureAlgorithm?: 'v1' | 'acs3';
  /** Used for reading FilePath URLs (defaults to the caller's transport settings). */
  readonly fileTransport?: HttpTransport;
}

type Raw = Record<string, unknown>;

function data(r: Raw, action: string): Raw {
  const d = r['Data'];
  if (d && typeof d === 'object' && !Array.isArray(d)) return d as Raw;
  throw new CloudError({ status: 200, code: LocalErrorCodes.badResponse, message: 'the response has no Data object', action });
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const categories = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function toSummary(d: Raw): CamsFlowSummary {
  return { FlowId: text(d['FlowId']), FlowName: text(d['FlowName']), Categories: categories(d['Categories']) };
}

function checkFlowId(id: string, action: string): void {
  if (!id || !/^[A-Za-z0-9_-]+$/.test(id)) throw invalidInput(`FlowId '${id}' is not a flow id: use the FlowId that CreateFlow or ListFlow returned`, action);
}

function checkCategories(list: readonly string[], action: string): void {
  if (list.length === 0) throw invalidInput(`Categories needs at least one of: ${FLOW_CATEGORIES.join(', ')}`, action);
  for (const c of list) {
    if (!(FLOW_CATEGORIES as readonly string[]).includes(c)) throw invalidInput(`'${c}' is not a flow category; use one of: ${FLOW_CATEGORIES.join(', ')}`, action);
  }
}

export class CamsClient {
  readonly caller: AlibabaRpcCaller;
  private readonly files: HttpTransport;

  constructor(options: CamsClientOptions) {
    this.caller = new AlibabaRpcCaller({
      ...options,
      product: 'cams',
      version: CAMS_VERSION,
      endpoint: options.endpoint ?? camsEndpoint(options.region ?? DEFAULT_CAMS_REGION),
      operations: RPC_OPERATIONS,
      defaultQuota: CAMS_FLOW_QUOTA,
      successCode: 'OK',
    });
    this.files = options.fileTransport ?? options.transport ?? createUndiciTransport();
  }

  get endpoint(): string {
    return this.caller.endpoint.origin;
  }

  async createFlow(req: CreateCamsFlowRequest, opts?: CallOptions): Promise<CamsFlowSummary & WithRequestId> {
    if (!req.FlowName.trim()) throw invalidInput('FlowName is empty', 'CreateFlow');
    checkCategories(req.Categories, 'CreateFlow');
    const r = await this.call('CreateFlow', { FlowName: req.FlowName, Categories: req.Categories, CustSpaceId: req.CustSpaceId, EndpointUri: req.EndpointUri }, opts);
    return { ...toSummary(data(r, 'CreateFlow')), RequestId: r.RequestId };
  }

  async modifyFlow(req: ModifyCamsFlowRequest, opts?: CallOptions): Promise<CamsFlowSummary & WithRequestId> {
    checkFlowId(req.FlowId, 'ModifyFlow');
    checkCategories(req.Categories, 'ModifyFlow');
    const r = await this.call('ModifyFlow', { FlowId: req.FlowId, FlowName: req.FlowName, Categories: req.Categories, CustSpaceId: req.CustSpaceId, EndpointUri: req.EndpointUri }, opts);
    return { ...toSummary(data(r, 'ModifyFlow')), RequestId: r.RequestId };
  }

  /** One page of ListFlow (`Page.Index` counts from 1). */
  async listFlowPage(req: ListCamsFlowRequest & { readonly PageIndex: number }, opts?: CallOptions): Promise<CamsFlowSummary[]> {
    const size = req.PageSize ?? 20;
    const r = await this.call('ListFlow', { FlowName: req.FlowName, Page: { Index: req.PageIndex, Size: size }, CustSpaceId: req.CustSpaceId }, opts);
    const list = r['Data'];
    return Array.isArray(list) ? list.filter((x): x is Raw => !!x && typeof x === 'object').map(toSummary) : [];
  }

  /** Every flow, page by page. */
  async *listFlows(req: ListCamsFlowRequest = {}, opts?: CallOptions): AsyncIterableIterator<CamsFlowSummary> {
    const size = req.PageSize ?? 20;
    for (let index = 1; ; index++) {
      const page = await this.listFlowPage({ ...req, PageSize: size, PageIndex: index }, opts);
      yield* page;
      if (page.length < size) return;
    }
  }

  async getFlow(flowId: string, scope: CamsScope = {}, opts?: CallOptions): Promise<CamsFlow & WithRequestId> {
    checkFlowId(flowId, 'GetFlow');
    const r = await this.call('GetFlow', { FlowId: flowId, CustSpaceId: scope.CustSpaceId }, opts);
    const d = data(r, 'GetFlow');
    const opt = (k: string) => (typeof d[k] === 'string' ? { [k]: d[k] as string } : {});
    return {
      ...toSummary(d),
      ...opt('Status'),
      ...opt('JSONVersion'),
      ...opt('DataApiVersion'),
      ...opt('PreviewUrl'),
      ...opt('EndpointUri'),
      ...(typeof d['PreviewUrlExpires'] === 'number' ? { PreviewUrlExpires: d['PreviewUrlExpires'] } : {}),
      RequestId: r.RequestId,
    };
  }

  /** GetFlowJSONAssest (sic): where the Flow JSON file is. */
  async getFlowJsonAsset(flowId: string, scope: CamsScope = {}, opts?: CallOptions): Promise<CamsFlowAsset & WithRequestId> {
    checkFlowId(flowId, 'GetFlowJSONAssest');
    const r = await this.call('GetFlowJSONAssest', { FlowId: flowId, CustSpaceId: scope.CustSpaceId }, opts);
    const d = data(r, 'GetFlowJSONAssest');
    return { FlowId: text(d['FlowId']) || flowId, FilePath: text(d['FilePath']), RequestId: r.RequestId };
  }

  /** The Flow JSON text: GetFlowJSONAssest, then the file behind its FilePath. */
  async getFlowJson(flowId: string, scope: CamsScope = {}, opts?: CallOptions): Promise<{ text: string; filePath: string }> {
    const asset = await this.getFlowJsonAsset(flowId, scope, opts);
    if (!asset.FilePath) {
      throw new CloudError({ status: 200, code: LocalErrorCodes.badResponse, message: `flow ${flowId} has no Flow JSON yet (empty FilePath)`, action: 'GetFlowJSONAssest', hint: 'Push a Flow JSON to it first.' });
    }
    const res = await this.files.send({ method: 'GET', url: asset.FilePath, headers: { accept: 'application/json' }, ...(opts?.signal ? { signal: opts.signal } : {}) });
    if (res.status >= 400) {
      throw new CloudError({ status: res.status, code: `HTTP${res.status}`, message: `the Flow JSON file could not be downloaded from its FilePath`, action: 'GetFlowJSONAssest', hint: 'The FilePath URL may have expired: fetch the asset again.' });
    }
    return { text: res.body, filePath: asset.FilePath };
  }

  /** UpdateFlowJSONAsset with the URL of an already uploaded file. */
  async updateFlowJsonAsset(flowId: string, filePath: string, scope: CamsScope = {}, opts?: CallOptions): Promise<{ FlowId: string } & WithRequestId> {
    checkFlowId(flowId, 'UpdateFlowJSONAsset');
    if (!/^https?:\/\//.test(filePath)) throw invalidInput(`FilePath '${filePath}' must be an http(s) URL of the Flow JSON file`, 'UpdateFlowJSONAsset');
    const r = await this.call('UpdateFlowJSONAsset', { FlowId: flowId, FilePath: filePath, CustSpaceId: scope.CustSpaceId }, opts);
    const d = r['Data'] && typeof r['Data'] === 'object' ? (r['Data'] as Raw) : {};
    return { FlowId: text(d['FlowId']) || flowId, RequestId: r.RequestId };
  }

  /** Uploads the Flow JSON with `uploader`, then points the flow at it. */
  async pushFlowJson(flowId: string, flowJson: string, uploader: FlowJsonUploader, scope: CamsScope = {}, opts?: CallOptions): Promise<{ FlowId: string; FilePath: string } & WithRequestId> {
    checkFlowId(flowId, 'UpdateFlowJSONAsset');
    try {
      JSON.parse(flowJson);
    } catch (err) {
      throw invalidInput(`the Flow JSON does not parse: ${err instanceof Error ? err.message : String(err)}`, 'UpdateFlowJSONAsset');
    }
    const filePath = await uploader.upload(`${flowId}.json`, flowJson, opts?.signal);
    const r = await this.updateFlowJsonAsset(flowId, filePath, scope, opts);
    return { ...r, FilePath: filePath };
  }

  /** GetChatappUploadAuthorization: temporary OSS credentials and where to upload. */
  async getUploadAuthorization(scope: CamsScope = {}, opts?: CallOptions): Promise<UploadAuthorization & WithRequestId> {
    const r = await this.call('GetChatappUploadAuthorization', { CustSpaceId: scope.CustSpaceId }, opts);
    const d = data(r, 'GetChatappUploadAuthorization');
    const auth = {
      AccessKeyId: text(d['AccessKeyId']), AccessKeySecret: text(d['AccessKeySecret']), SecurityToken: text(d['SecurityToken']),
      BucketName: text(d['BucketName']), Dir: text(d['Dir']), EndPoint: text(d['EndPoint']),
      Expire: typeof d['Expire'] === 'number' ? d['Expire'] : Number(text(d['Expire']) || 0),
    };
    const missing = (['AccessKeyId', 'AccessKeySecret', 'BucketName', 'EndPoint'] as const).filter((k) => !auth[k]);
    if (missing.length > 0) {
      throw new CloudError({ status: 200, code: LocalErrorCodes.badResponse, message: `the upload authorization lacks ${missing.join(', ')}`, action: 'GetChatappUploadAuthorization' });
    }
    return { ...auth, RequestId: r.RequestId };
  }

  async getFlowPreviewUrl(flowId: string, scope: CamsScope = {}, opts?: CallOptions): Promise<CamsPreview & WithRequestId> {
    checkFlowId(flowId, 'GetFlowPreviewUrl');
    const r = await this.call('GetFlowPreviewUrl', { FlowId: flowId, CustSpaceId: scope.CustSpaceId }, opts);
    const d = data(r, 'GetFlowPreviewUrl');
    return {
      FlowId: text(d['FlowId']) || flowId,
      PreviewUrl: text(d['PreviewUrl']),
      ...(typeof d['PreviewUrlExpires'] === 'number' ? { PreviewUrlExpires: d['PreviewUrlExpires'] } : {}),
      RequestId: r.RequestId,
    };
  }

  async publishFlow(flowId: string, scope: CamsScope = {}, opts?: CallOptions): Promise<WithRequestId> {
    return this.simple('PublishFlow', flowId, scope, opts);
  }

  async deprecateFlow(flowId: string, scope: CamsScope = {}, opts?: CallOptions): Promise<WithRequestId> {
    return this.simple('DeprecateFlow', flowId, scope, opts);
  }

  /** Only DRAFT flows can be deleted. */
  async deleteFlow(flowId: string, scope: CamsScope = {}, opts?: CallOptions): Promise<WithRequestId> {
    return this.simple('DeleteFlow', flowId, scope, opts);
  }

  private async simple(action: 'PublishFlow' | 'DeprecateFlow' | 'DeleteFlow', flowId: string, scope: CamsScope, opts?: CallOptions): Promise<WithRequestId> {
    checkFlowId(flowId, action);
    const r = await this.call(action, { FlowId: flowId, CustSpaceId: scope.CustSpaceId }, opts);
    return { RequestId: r.RequestId };
  }

  /** One operation, its parameters typed and checked by the operation table. */
  private async call<A extends CamsOperationName>(action: A, params: ClientParams<(typeof CAMS_OPERATIONS)[A]>, opts?: CallOptions): Promise<Raw & RpcResponseBase> {
    checkClientParams(CAMS_OPERATIONS, action, params);
    return this.caller.call<Raw>(action, params as Readonly<Record<string, RpcValue>>, opts);
  }
}
