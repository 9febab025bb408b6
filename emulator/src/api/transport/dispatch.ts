// One HTTP handler for every product: source checks (method, Origin, Host) -> extra routes
// (authenticated file URLs) or classify -> route by version -> authenticate -> faults -> the
// product's handler -> the product style's envelope.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { uuidV4 } from '../../../../cloud/src';
import type { FaultInjector } from '../../faults';
import { StorageUnavailableError } from '../../store/storageError';
import { ObjectService } from '../../objects/service';
import { ApiError, type ProductApi } from '../product';
import { authenticate, type LocalCredentials } from './authenticate';
import { CallerGone } from './callerGone';
import { classify } from './classify';
import { MAX_CLOCK_SKEW_MS, rpcErrors, tc3Errors, TENCENT_DEFAULT_LANGUAGE } from './errors';
import { authenticateFileRequest } from './fileAuth';
import { HandlerContext } from './handlerContext';
import { checkRequestSource, guardErrors, refuseBrowsers, type GuardOptions } from './guard';
import { NonceRegistry } from './nonces';
import { decodeForm, parseTarget, readRequest, requestUrl } from './request';

export interface DispatchOptions {
  readonly products: readonly ProductApi[];
  readonly credentials: LocalCredentials;
  readonly faults: FaultInjector | undefined;
  readonly now: () => number;
  readonly endpoint: () => string;
  /** Where the server listens and which other Host names and browser origins it accepts. */
  readonly guard: GuardOptions;
  /** The OSS-compatible object store, served for requests that carry an OSS signature. */
  readonly objects?: ObjectService;
  /** Reports an unexpected (non-ApiError) failure; the caller still gets a 500. */
  readonly onInternalError: (err: unknown) => void;
  /** Signature nonces remembered at most (see nonces.ts); tests lower it. */
  readonly maxNonces?: number;
}

export function createDispatcher(options: DispatchOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  // By style, then version: looked up with the request's own strings, no key made per request.
  const byVersion = { rpc: new Map<string, ProductApi>(), tc3: new Map<string, ProductApi>() };
  for (const p of options.products) {
    const ofStyle = byVersion[p.style];
    if (ofStyle.has(p.version)) throw new Error(`Two products claim API version ${p.version} (${ofStyle.get(p.version)?.name} and ${p.name}).`);
    ofStyle.set(p.version, p);
  }
  const routes = options.products.flatMap((p) => p.routes?.() ?? []);
  // A nonce is remembered while its timestamp is within the skew allowed either side of now.
  const nonces = new NonceRegistry(MAX_CLOCK_SKEW_MS, options.maxNonces);

  return async (req, res) => {
    const requestId = uuidV4(true);
    let style: 'rpc' | 'tc3' = req.headers['x-tc-version'] !== undefined || (req.headers['authorization'] ?? '').startsWith('TC3-') ? 'tc3' : 'rpc';
    let language: string | undefined;
    const gone = new CallerGone(res);
    try {
      const objects = options.objects;
      // The URL is parsed once; a target that is no URL at all is answered below, after the source checks.
      const parsedUrl = parseTarget(req.url ?? '/');
      const query = parsedUrl && decodeForm(parsedUrl.search.slice(1));
      if (objects && isOssRequest(req, query)) {
        // The object store checks its own OSS signature and security token. A browser page is
        // refused as everywhere, but the Host is the bucket's own name (virtual-hosted style).
        refuseBrowsers(req, options.guard);
        await objects.handle(req, res);
        return;
      }
      checkRequestSource(req, options.guard);
      const url = parsedUrl ?? requestUrl(req);
      const path = url.pathname;
      const route = routes.find((r) => r.method === req.method && path.startsWith(r.pathPrefix));
      if (route) {
        style = 'rpc';
        const received = await readRequest(req, route.maxBodyBytes);
        authenticateFileRequest(received, options.credentials, options.now(), nonces);
        await route.handle(req, res, received.body);
        return;
      }
      // The services take GET and POST; anything else is refused before its body is read.
      if (req.method !== 'GET' && req.method !== 'POST') {
        res.setHeader('allow', 'GET, POST');
        throw guardErrors.method(String(req.method));
      }
      const received = await readRequest(req, undefined, url, query);
      const c = classify(received);
      style = c.style;
      language = c.language;
      const product = byVersion[c.style].get(c.version);
      if (!product) throw c.style === 'tc3' ? tc3Errors.unsupportedVersion(c.version) : rpcErrors.versionNotSupported(c.version);
      const accessKeyId = authenticate(received, c, options.credentials, options.now(), nonces, product.signInErrors);
      if (options.faults) await injectFaults(options.faults, product, gone.signal);
      const result = await product.handle(c.action, c.params, new HandlerContext(requestId, c.action, c.version, accessKeyId, options.endpoint(), c.region, gone));
      if (res.destroyed) return; // the caller left (or the emulator is closing)
      sendSuccess(res, style, requestId, result);
    } catch (err) {
      if (res.destroyed) return;
      if (res.headersSent) {
        options.onInternalError(err);
        res.destroy();
        return;
      }
      // A request refused before its body was read: do not wait for the rest of it.
      if (!req.complete) res.setHeader('connection', 'close');
      if (err instanceof ApiError) {
        sendError(res, style, requestId, err, hostId(options), language);
      } else if (err instanceof StorageUnavailableError) {
        // Nothing was changed; the caller may retry once storage is back (and is told so).
        sendError(res, style, requestId, style === 'tc3' ? tc3Errors.storageUnavailable() : rpcErrors.storageUnavailable(), hostId(options), language);
      } else {
        options.onInternalError(err);
        sendError(res, style, requestId, style === 'tc3' ? tc3Errors.internal() : rpcErrors.internal(), hostId(options), language);
      }
    }
  };
}

/** ObjectService.isOssRequest on the query already decoded: an OSS Authorization header or a presigned OSS query. */
function isOssRequest(req: IncomingMessage, query: Record<string, string> | undefined): boolean {
  return (req.headers['authorization'] ?? '').startsWith('OSS ') || (query !== undefined && 'OSSAccessKeyId' in query);
}

function hostId(options: DispatchOptions): string {
  const endpoint = options.endpoint();
  return endpoint ? new URL(endpoint).host : '';
}

async function injectFaults(faults: FaultInjector, product: ProductApi, signal: AbortSignal): Promise<void> {
  const delay = faults.nextDelay();
  if (delay > 0) await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, delay);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
  const fault = faults.nextFault();
  if (fault.kind === 'none') return;
  const errors = product.faultErrors ?? (product.style === 'tc3'
    ? { throttled: tc3Errors.throttled(), internal: tc3Errors.internal() }
    : { throttled: rpcErrors.throttled(), internal: rpcErrors.internal() });
  throw fault.kind === 'throttle' ? errors.throttled : errors.internal;
}

function sendSuccess(res: ServerResponse, style: 'rpc' | 'tc3', requestId: string, result: unknown): void {
  const body = result !== null && typeof result === 'object' ? (result as Record<string, unknown>) : {};
  if (style === 'tc3') sendJson(res, 200, { Response: { ...body, RequestId: requestId } }, TENCENT_CONTENT_TYPE);
  else sendText(res, 200, withRequestId(body, requestId));
}

/** `JSON.stringify({ ...body, RequestId })` without copying the body, for the plain objects handlers return. */
function withRequestId(body: Record<string, unknown>, requestId: string): string {
  const proto: unknown = Object.getPrototypeOf(body);
  if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(body, 'RequestId') || Object.hasOwn(body, 'toJSON')) {
    return JSON.stringify({ ...body, RequestId: requestId });
  }
  const text = JSON.stringify(body);
  const id = JSON.stringify(requestId);
  return text === '{}' ? `{"RequestId":${id}}` : `${text.slice(0, -1)},"RequestId":${id}}`;
}

function sendError(res: ServerResponse, style: 'rpc' | 'tc3', requestId: string, err: ApiError, hostId: string, language: string | undefined): void {
  if (style === 'tc3') {
    // Tencent answers every API error with HTTP 200 and an Error object, in the language asked for.
    const message = err.messageIn(language ?? TENCENT_DEFAULT_LANGUAGE);
    sendJson(res, 200, { Response: { Error: { Code: err.code, Message: message }, RequestId: requestId } }, TENCENT_CONTENT_TYPE);
    return;
  }
  sendJson(res, err.httpStatus, { RequestId: requestId, HostId: hostId, Code: err.code, Message: err.message });
}

/**
 * Tencent sends exactly `application/json`: its Python SDK raises an error only for that exact
 * value, and with `; charset=...` it returns the error body as if it were a result.
 */
const TENCENT_CONTENT_TYPE = 'application/json';

function sendJson(res: ServerResponse, status: number, body: unknown, contentType = RPC_CONTENT_TYPE): void {
  sendText(res, status, JSON.stringify(body), contentType);
}

const RPC_CONTENT_TYPE = 'application/json;charset=utf-8';

function sendText(res: ServerResponse, status: number, text: string, contentType = RPC_CONTENT_TYPE): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
