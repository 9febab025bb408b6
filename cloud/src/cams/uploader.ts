// UpdateFlowJSONAsset takes the URL of a Flow JSON file, so a push first puts the file somewhere
// the service can read it. An uploader does that and returns the URL.
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { CloudError, LocalErrorCodes } from '../errors';
import { acs3Authorization } from '../signing/acs3';
import { sha256Hex } from '../signing/encoding';

export interface FlowJsonUploader {
  /** Stores `text` under `fileName` and resolves to the URL the service will read. */
  upload(fileName: string, text: string, signal?: AbortSignal): Promise<string>;
}

export interface PutUploaderOptions {
  /**
   * Signs each PUT with ACS3 (the local emulator's upload folder refuses unsigned writes). Give
   * them only for a store that expects them: the emulator's own.
   */
  readonly credentials?: { readonly accessKeyId: string; readonly accessKeySecret: string };
}

/**
 * HTTP PUT to `<baseUrl>/<fileName>`: the emulator's upload folder, or any store that accepts a
 * PUT and serves the file back at the same URL.
 */
export function httpPutUploader(baseUrl: string, options: PutUploaderOptions = {}): FlowJsonUploader {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async upload(fileName, text, signal) {
      const url = `${base}/${encodeURIComponent(fileName)}`;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.credentials) Object.assign(headers, signedPutHeaders(url, text, options.credentials));
      let status: number;
      try {
        const res = await request(url, { method: 'PUT', body: text, headers, ...(signal ? { signal } : {}) });
        status = res.statusCode;
        await res.body.text();
      } catch (err) {
        throw new CloudError({ status: 0, code: LocalErrorCodes.network, message: `could not upload the Flow JSON to ${base}`, cause: err });
      }
      if (status >= 300) {
        throw new CloudError({ status, code: `HTTP${status}`, message: `uploading the Flow JSON to ${base} failed`, hint: 'Check the upload URL setting and that it accepts PUT.' });
      }
      return url;
    },
  };
}

/** The ACS3 headers (date, nonce, body hash, Authorization) for a PUT of `text` to `url`. */
function signedPutHeaders(url: string, text: string, credentials: { accessKeyId: string; accessKeySecret: string }): Record<string, string> {
  const u = new URL(url);
  const headers: Record<string, string> = {
    host: u.host,
    'content-type': 'application/json',
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomUUID(),
    'x-acs-content-sha256': sha256Hex(Buffer.from(text, 'utf8')),
  };
  const query: Record<string, string> = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  headers['authorization'] = acs3Authorization(
    { method: 'PUT', pathname: u.pathname, query, headers, hashedPayload: headers['x-acs-content-sha256'] as string },
    credentials.accessKeyId,
    credentials.accessKeySecret,
  );
  delete headers['host']; // undici sets it from the URL, to the same value
  return headers;
}
