// The CAMS product (Chat App Message Service, API 2020-06-06): the ten WhatsApp Flow operations
// with the service's response envelope (`Code: "OK"`, `Data`) and documented errors; the Flow JSON
// of each flow is served at the `FilePath` URL GetFlowJSONAssest hands out, and an upload folder
// accepts the files UpdateFlowJSONAsset then points at.
import type { ServerResponse } from 'node:http';
import { decodePathSegment } from '../transport/request';
import { request } from 'undici';
import { CAMS_OPERATIONS, CAMS_VERSION, FLOW_CATEGORIES } from '../../../../cloud/src';
import { bindOperation, type HandlerMap, type ParamErrors } from '../operationParams';
import { ApiError, unknownAction, type ExtraRoute, type ProductApi, type ProductEnvironment, type ProductFactory } from '../product';
import { popGatewayErrors } from '../transport/errors';
import { CamsStore, type CamsFlowRecord } from './store';
import { flowJsonErrors } from './validate';

const CATEGORIES: readonly string[] = FLOW_CATEGORIES;
/** Meta's limit on a Flow JSON file. */
const MAX_FLOW_JSON_BYTES = 10 * 1024 * 1024;
const ASSET_PREFIX = '/cams/assets/';
const UPLOAD_PREFIX = '/cams/uploads/';
/** Where each flow's published Flow JSON revisions are kept in the CAMS bucket. */
const ASSET_KEY_PREFIX = 'assets/';
const assetKey = (flowId: string, revision: number): string => `${ASSET_KEY_PREFIX}${flowId}/${revision}.json`;
/** The emulated CAMS bucket: upload folders handed out by GetChatappUploadAuthorization, and each flow's published Flow JSON. */
export const CAMS_BUCKET = 'flowdeck-cams';
/** How long upload credentials last (the SDK's documented example `Expire: 3600`). */
const UPLOAD_AUTHORIZATION_SECONDS = 3600;
/** How long a pulled FilePath URL stays valid. */
const ASSET_URL_SECONDS = 3600;

/** The service's documented errors (API metadata, HTTP 400 for every flow action). */
const camsErrors = {
  limitControl: () => new ApiError(400, 'System.LimitControl', 'The system is under flow control.'),
  notOwner: (flowId: string) => new ApiError(400, 'Unknown.ResourceOwnerId', `The resource does not belong to the current user. (FlowId ${flowId})`),
  missing: (name: string) => new ApiError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`),
  invalid: (name: string, detail: string) => new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid. ${detail}`),
};

const camsParamErrors: ParamErrors = { missing: (name) => camsErrors.missing(name), invalid: (name, detail) => camsErrors.invalid(name, detail) };

/**
 * A JSON parameter as the SDKs send it, one string (their shrink requests), or as a JSON body
 * carries it; an empty one is not sent.
 */
function jsonParam(name: string, text: unknown): unknown {
  if (typeof text !== 'string') return text;
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw camsErrors.invalid(name, 'It must be a JSON value.');
  }
}

function categories(raw: unknown): string[] {
  const v = jsonParam('Categories', raw);
  if (v === undefined) throw camsErrors.missing('Categories');
  if (!Array.isArray(v) || v.length === 0 || !v.every((c) => typeof c === 'string' && CATEGORIES.includes(c))) {
    throw camsErrors.invalid('Categories', `Give a JSON array of one or more of: ${CATEGORIES.join(', ')}.`);
  }
  return v as string[];
}

function summary(f: CamsFlowRecord): Record<string, unknown> {
  return { FlowId: f.FlowId, FlowName: f.FlowName, Categories: f.Categories };
}

const ok = (data?: unknown): Record<string, unknown> => ({ Code: 'OK', Message: 'None', AccessDeniedDetail: 'None', ...(data !== undefined ? { Data: data } : {}) });

function versionOf(json: string | undefined, key: string): string | undefined {
  if (!json) return undefined;
  try {
    const v = (JSON.parse(json) as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function createCamsProduct(env: ProductEnvironment): Promise<ProductApi> {
  const store = new CamsStore(await env.openJournal('cams'), env.now());
  await store.compactToLive();

  const flow = (p: { readonly FlowId: string }): CamsFlowRecord => {
    const id = p.FlowId;
    const f = store.flows.get(id);
    if (!f) throw camsErrors.notOwner(id);
    return f;
  };

  /**
   * Reads the file a FilePath names: the emulator's own objects and uploads directly, other URLs
   * over HTTP. Says which upload-folder file or CAMS object it was, so it can be removed once no
   * flow points at it any more.
   */
  const fetchFile = async (filePath: string): Promise<{ text: string; uploadName?: string; uploadKey?: string }> => {
    const own = env.endpoint() + UPLOAD_PREFIX;
    if (filePath.startsWith(own)) {
      const uploadName = decodePathSegment(filePath.slice(own.length).replace(/\?.*$/, ''));
      const text = store.uploads.get(uploadName);
      if (text === undefined) throw camsErrors.invalid('FilePath', `Nothing was uploaded at ${filePath}.`);
      return { text, uploadName };
    }
    const object = env.objects.parseObjectUrl(filePath.split('?')[0] as string);
    if (object) {
      const found = await env.objects.store.get(object.bucket, object.key).catch(() => undefined);
      if (!found) throw camsErrors.invalid('FilePath', `No object ${object.key} in bucket ${object.bucket}: upload it first.`);
      // The flow's own published assets are copies, not uploads: they are never the source to remove.
      const uploadKey = object.bucket === CAMS_BUCKET && !object.key.startsWith(ASSET_KEY_PREFIX) ? object.key : undefined;
      return { text: found.body.toString('utf8'), ...(uploadKey !== undefined ? { uploadKey } : {}) };
    }
    if (!/^https?:\/\//.test(filePath)) throw camsErrors.invalid('FilePath', 'It must be an http(s) URL of the Flow JSON file.');
    try {
      const res = await request(filePath, { method: 'GET' });
      const text = await res.body.text();
      if (res.statusCode >= 400) throw camsErrors.invalid('FilePath', `Downloading it returned HTTP ${res.statusCode}.`);
      return { text };
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw camsErrors.invalid('FilePath', `It could not be downloaded (${err instanceof Error ? err.message : String(err)}).`);
    }
  };

  /**
   * Removes what a flow's former state pointed at and nothing points at now: the upload its Flow
   * JSON came from and the published copy of that revision. The change itself is already on disk,
   * so a failure here is only reported; the file stays until a later change releases it again.
   */
  const releaseFiles = async (before: CamsFlowRecord): Promise<void> => {
    try {
      if (before.uploadName !== undefined && !store.pointedAt({ uploadName: before.uploadName })) await store.removeUpload(before.uploadName);
      if (before.uploadKey !== undefined && !store.pointedAt({ uploadKey: before.uploadKey })) await env.objects.store.delete(CAMS_BUCKET, before.uploadKey);
      const now = store.flows.get(before.FlowId);
      if (before.json !== undefined && now?.revision !== before.revision) await env.objects.store.delete(CAMS_BUCKET, assetKey(before.FlowId, before.revision));
    } catch (err) {
      env.warn(`CAMS: removing a file no flow points at any more failed (${err instanceof Error ? err.message : String(err)}).`);
    }
  };

  // One handler per operation of the table; the handlers share this closure, so no context is passed.
  const handlers: HandlerMap<typeof CAMS_OPERATIONS, undefined> = {
    async CreateFlow(_, p) {
      const f: CamsFlowRecord = {
        FlowId: store.nextId(),
        FlowName: p.FlowName,
        Categories: categories(p.Categories),
        Status: 'DRAFT',
        revision: 0,
        ...(p.EndpointUri ? { EndpointUri: p.EndpointUri } : {}),
        ...(p.CustSpaceId ? { CustSpaceId: p.CustSpaceId } : {}),
      };
      await store.save(f);
      return ok(summary(f));
    },
    async ModifyFlow(_, p) {
      const f = flow(p);
      const next: CamsFlowRecord = { ...f, FlowName: p.FlowName, Categories: categories(p.Categories), Status: f.Status === 'PUBLISHED' ? 'DRAFT' : f.Status };
      if (p.EndpointUri) next.EndpointUri = p.EndpointUri;
      await store.save(next);
      return ok(summary(next));
    },
    async ListFlow(_, p) {
      const name = p.FlowName || undefined;
      const page = jsonParam('Page', p.Page) as { Index?: unknown; Size?: unknown } | undefined;
      const index = typeof page?.Index === 'number' ? page.Index : 1;
      const size = typeof page?.Size === 'number' ? page.Size : 20;
      if (!Number.isInteger(index) || index < 1 || !Number.isInteger(size) || size < 1) {
        throw camsErrors.invalid('Page', 'Index must be 1 or more and Size a positive integer.');
      }
      const all = [...store.flows.values()].filter((f) => name === undefined || f.FlowName.includes(name));
      return ok(all.slice((index - 1) * size, index * size).map(summary));
    },
    async GetFlow(_, p) {
      const f = flow(p);
      const expires = env.now() + 30 * 24 * 3600 * 1000;
      return ok({
        ...summary(f),
        Status: f.Status,
        ...(versionOf(f.json, 'version') ? { JSONVersion: versionOf(f.json, 'version') } : {}),
        ...(versionOf(f.json, 'data_api_version') ? { DataApiVersion: versionOf(f.json, 'data_api_version') } : {}),
        PreviewUrl: `${env.endpoint()}/cams/preview/${f.FlowId}`,
        PreviewUrlExpires: expires,
        ...(f.EndpointUri ? { EndpointUri: f.EndpointUri } : {}),
      });
    },
    async GetFlowJSONAssest(_, p) {
      const f = flow(p);
      if (f.json === undefined) return ok({ FlowId: f.FlowId, FilePath: '' });
      // The Flow JSON is served from the object store, as the service serves it from OSS.
      const key = assetKey(f.FlowId, f.revision);
      if (!(await env.objects.store.get(CAMS_BUCKET, key))) await env.objects.store.put(CAMS_BUCKET, key, Buffer.from(f.json, 'utf8'));
      return ok({ FlowId: f.FlowId, FilePath: env.objects.presignedGetUrl(CAMS_BUCKET, key, ASSET_URL_SECONDS) });
    },
    async GetChatappUploadAuthorization(_, p) {
      // CustSpaceId is documented as required for ISV sub-accounts; a direct customer may omit it.
      const space = p.CustSpaceId || undefined;
      if (space !== undefined && !/^[\w-]{1,64}$/.test(space)) throw camsErrors.invalid('CustSpaceId', 'Use the space ID of the ISV sub-customer.');
      const dir = `${space ?? 'default'}/${Math.floor(env.now() / 1000)}${Math.floor(Math.random() * 1e6)}`;
      const c = env.objects.credentials.issue(CAMS_BUCKET, `${dir}/`, UPLOAD_AUTHORIZATION_SECONDS);
      return ok({
        AccessKeyId: c.accessKeyId, AccessKeySecret: c.accessKeySecret, SecurityToken: c.securityToken,
        BucketName: CAMS_BUCKET, Dir: dir, EndPoint: env.endpoint(), Expire: UPLOAD_AUTHORIZATION_SECONDS,
      });
    },
    async UpdateFlowJSONAsset(_, p) {
      const f = flow(p);
      const { text, uploadName, uploadKey } = await fetchFile(p.FilePath);
      if (Buffer.byteLength(text) > MAX_FLOW_JSON_BYTES) throw camsErrors.invalid('FilePath', 'The Flow JSON is larger than 10 MB.');
      try {
        JSON.parse(text);
      } catch {
        throw camsErrors.invalid('FilePath', 'The file is not JSON.');
      }
      const { uploadName: _n, uploadKey: _k, ...rest } = f;
      await store.save({
        ...rest, json: text, revision: f.revision + 1, Status: f.Status === 'PUBLISHED' ? 'DRAFT' : f.Status,
        ...(uploadName !== undefined ? { uploadName } : {}), ...(uploadKey !== undefined ? { uploadKey } : {}),
      });
      await releaseFiles(f);
      return ok({ FlowId: f.FlowId });
    },
    async GetFlowPreviewUrl(_, p) {
      const f = flow(p);
      return ok({ FlowId: f.FlowId, PreviewUrl: `${env.endpoint()}/cams/preview/${f.FlowId}`, PreviewUrlExpires: env.now() + 30 * 24 * 3600 * 1000 });
    },
    async PublishFlow(_, p) {
      const f = flow(p);
      if (f.json === undefined) throw camsErrors.invalid('FlowId', 'The flow has no Flow JSON yet: upload one with UpdateFlowJSONAsset first.');
      const problems = flowJsonErrors(f.json);
      if (problems.length > 0) {
        const first = problems.slice(0, 3).map((x) => `line ${x.line}: ${x.message}`).join(' ');
        throw camsErrors.invalid('FlowId', `The Flow JSON has ${problems.length} validation error(s); all errors must be fixed before the flow can be published. ${first}`);
      }
      if (f.Status === 'DEPRECATED') throw camsErrors.invalid('FlowId', 'A deprecated flow cannot be published again.');
      await store.save({ ...f, Status: 'PUBLISHED' });
      return ok();
    },
    async DeprecateFlow(_, p) {
      const f = flow(p);
      if (f.Status !== 'PUBLISHED') throw camsErrors.invalid('FlowId', `Only a published flow can be deprecated; this one is ${f.Status}.`);
      await store.save({ ...f, Status: 'DEPRECATED' });
      return ok();
    },
    async DeleteFlow(_, p) {
      const f = flow(p);
      if (f.Status !== 'DRAFT') throw camsErrors.invalid('FlowId', `Only a flow in DRAFT status can be deleted; this one is ${f.Status}.`);
      await store.remove(f.FlowId);
      await releaseFiles(f);
      return ok();
    },
  };

  const routes: ExtraRoute[] = [
    {
      method: 'GET',
      pathPrefix: ASSET_PREFIX,
      async handle(req, res) {
        const m = /^\/cams\/assets\/([^/]+)\/(\d+)\.json$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
        const f = m ? store.flows.get(m[1] as string) : undefined;
        if (!f || f.json === undefined || String(f.revision) !== m?.[2]) return send(res, 404, JSON.stringify({ Code: 'NoSuchKey', Message: 'The file does not exist.' }));
        send(res, 200, f.json);
      },
    },
    {
      method: 'PUT',
      pathPrefix: UPLOAD_PREFIX,
      maxBodyBytes: MAX_FLOW_JSON_BYTES,
      async handle(req, res, body) {
        const name = decodePathSegment(new URL(req.url ?? '/', 'http://x').pathname.slice(UPLOAD_PREFIX.length));
        if (!/^[\w.-]+$/.test(name)) return send(res, 400, JSON.stringify({ Code: 'InvalidObjectName', Message: 'Use a file name of letters, digits, ".", "_" or "-".' }));
        const text = body.toString('utf8');
        await store.upload(name, text);
        send(res, 200, JSON.stringify({ url: `${env.endpoint()}${UPLOAD_PREFIX}${encodeURIComponent(name)}` }));
      },
    },
    {
      method: 'GET',
      pathPrefix: UPLOAD_PREFIX,
      async handle(req, res) {
        const name = decodePathSegment(new URL(req.url ?? '/', 'http://x').pathname.slice(UPLOAD_PREFIX.length));
        const text = store.uploads.get(name);
        if (text === undefined) return send(res, 404, JSON.stringify({ Code: 'NoSuchKey', Message: 'The file does not exist.' }));
        send(res, 200, text);
      },
    },
  ];

  return {
    name: 'cams',
    version: CAMS_VERSION,
    style: 'rpc',
    signInErrors: popGatewayErrors,
    faultErrors: { throttled: camsErrors.limitControl(), internal: new ApiError(500, 'InternalError', 'The request processing has failed due to some unknown error.') },
    async handle(action, params, rc) {
      const h = bindOperation(CAMS_OPERATIONS, handlers, camsParamErrors, action, params);
      if (!h) throw unknownAction(action);
      return h(undefined, rc);
    },
    routes: () => routes,
  };
}

export const camsProduct: ProductFactory = (env) => createCamsProduct(env);
