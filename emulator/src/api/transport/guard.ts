// Checks made before a request is read: the method, and whether it comes from a browser page or
// through a host name that is not this machine. A local dev server reachable from any web page is
// reachable from any site the user visits (cross-site form posts, DNS rebinding); like
// webpack-dev-server's `allowedHosts` and Vite's host check, the emulator answers only requests
// whose Host names the loopback interface (or the address it was deliberately bound to) and
// refuses any request that carries a browser's Origin header.
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../product';

export interface GuardOptions {
  /** The interface the server listens on. */
  readonly bindHost: string;
  /** Host names (without port) accepted besides the loopback names and the bind address. */
  readonly allowedHosts?: readonly string[];
  /** Browser origins allowed to call (none by default). */
  readonly allowedOrigins?: readonly string[];
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127(\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

/** The host name of a Host header, without its port. */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

export const guardErrors = {
  method: (method: string) =>
    new ApiError(405, 'UnsupportedHTTPMethod', `The HTTP method ${method} is not supported. Send the request with GET or POST.`),
  origin: (origin: string) =>
    new ApiError(403, 'Forbidden.Origin', `Requests from the web page ${origin} are refused: the local emulator does not serve browsers. Call it from a program or the Flowdeck extension.`),
  host: (host: string) =>
    new ApiError(403, 'Forbidden.Host', `The Host '${host}' is not this machine's loopback address. Call the emulator at 127.0.0.1 or localhost, or start it with --host on the address you mean to use (or --allowed-host with this name).`),
};

export function checkRequestSource(req: IncomingMessage, options: GuardOptions): void {
  refuseBrowsers(req, options);
  const host = req.headers['host'];
  if (host === undefined) return; // HTTP/1.0 clients; browsers always send Host
  const name = hostName(host);
  if (isLoopbackHost(name)) return;
  const bind = options.bindHost.toLowerCase();
  // Bound to every interface on purpose: any name may reach it (the start-up warning said so).
  if (bind === '0.0.0.0' || bind === '::' || bind === '[::]') return;
  if (name === bind || name === `[${bind}]` || (options.allowedHosts ?? []).map((h) => h.toLowerCase()).includes(name)) return;
  throw guardErrors.host(host);
}

/** Refuses a request a web page sent (an Origin not allowed, or a browser's Sec-Fetch-Site). */
export function refuseBrowsers(req: IncomingMessage, options: GuardOptions): void {
  const origin = req.headers['origin'];
  if (origin !== undefined && !(options.allowedOrigins ?? []).includes(origin)) throw guardErrors.origin(origin);
  // Browsers send no Origin on a same-origin GET, but they mark every request with Sec-Fetch-Site,
  // which a page cannot remove and programs do not send (Node's fetch sends only Sec-Fetch-Mode).
  const site = req.headers['sec-fetch-site'];
  if (origin === undefined && typeof site === 'string') throw guardErrors.origin(`(${site})`);
}
