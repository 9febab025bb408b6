// One HTTP handler for every product: extra routes first, then classify -> route by version ->
// authenticate -> faults -> the product's handler -> the product style's envelope.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../../faults';
import { ObjectService } from '../../objects/service';
import { ApiError, type ProductApi } from '../product';
import { authenticate, type LocalCredentials } from './authenticate';
import { classify } from './classify';
import { rpcErrors, tc3Errors, TENCENT_DEFAULT_LANGUAGE } from './errors';
import { readRequest } from './request';

export interface DispatchOptions {
  readonly products: readonly ProductApi[];
  readonly credentials: LocalCredentials;
  readonly faults: FaultInjector | undefined;
  readonly now: () => number;
  readonly endpoint: () => string;
  /** The OSS-compatible object store, served for requests that carry an OSS signature. */
  readonly objects?: ObjectService;
  /** Reports an unexpected (non-ApiError) failure; the caller still gets a 500. */
  readonly onInternalError: (err: unknown) => void;
}

export function createDispatcher(options: DispatchOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const byVersion = new Map<string, ProductApi>();
  for (const p of options.products) {
    const key = `${p.style}:${p.version}`;
    if (byVersion.has(key)) throw new Error(`Two products claim API version ${p.version} (${byVersion.get(key)?.name} and ${p.name}).`);
    byVersion.set(key, p);
  }
  const routes = options.products.flatMap((p) => p.routes?.() ?? []);

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const objects = options.objects;
    const route = objects && ObjectService.isOssRequest(req)
      ? { handle: (q: IncomingMessage, s: ServerResponse) => objects.handle(q, s) }
      : routes.find((r) => r.method === req.method && path.startsWith(r.pathPrefix));
    if (route) {
      try {
        await route.handle(req, res);
      } catch (err) {
        options.onInternalError(err);
        if (!res.headersSent) sendJson(res, 500, { Code: 'InternalServerError', Message: 'An internal error has occurred. Please retry.' });
        else res.destroy();
      }
      return;
    }

    const requestId = randomUUID().toUpperCase();
    let style: 'rpc' | 'tc3' = 'rpc';
    let language: string | undefined;
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    try {
      const received = await readRequest(req);
      const c = classify(received);
      style = c.style;
      language = c.language;
      const product = byVersion.get(`${c.style}:${c.version}`);
      if (!product) throw c.style === 'tc3' ? tc3Errors.unsupportedVersion(c.version) : rpcErrors.versionNotSupported(c.version);
      const accessKeyId = authenticate(received, c, options.credentials, options.now(), product.signInErrors);
      if (options.faults) await injectFaults(options.faults, product, abort.signal);
      const result = await product.handle(c.action, c.params, {
        requestId, action: c.action, version: c.version, accessKeyId, endpoint: options.endpoint(), region: c.region, signal: abort.signal,
      });
      if (res.destroyed) return; // the caller left (or the emulator is closing)
      sendSuccess(res, style, requestId, result);
    } catch (err) {
      if (res.destroyed) return;
      const host = new URL(options.endpoint()).host;
      if (err instanceof ApiError) {
        sendError(res, style, requestId, err, host, language);
      } else {
        options.onInternalError(err);
        sendError(res, style, requestId, style === 'tc3' ? tc3Errors.internal() : rpcErrors.internal(), host, language);
      }
    }
  };
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
  else sendJson(res, 200, { ...body, RequestId: requestId });
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

function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json;charset=utf-8'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
