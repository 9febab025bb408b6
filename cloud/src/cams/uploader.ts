// UpdateFlowJSONAsset takes the URL of a Flow JSON file, so a push first puts the file somewhere
// the service can read it. An uploader does that and returns the URL.
import { request } from 'undici';
import { CloudError, LocalErrorCodes } from '../errors';

export interface FlowJsonUploader {
  /** Stores `text` under `fileName` and resolves to the URL the service will read. */
  upload(fileName: string, text: string, signal?: AbortSignal): Promise<string>;
}

/**
 * HTTP PUT to `<baseUrl>/<fileName>`: the emulator's upload folder, or any store that accepts a
 * PUT and serves the file back at the same URL.
 */
export function httpPutUploader(baseUrl: string): FlowJsonUploader {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async upload(fileName, text, signal) {
      const url = `${base}/${encodeURIComponent(fileName)}`;
      let status: number;
      try {
        const res = await request(url, { method: 'PUT', body: text, headers: { 'content-type': 'application/json' }, ...(signal ? { signal } : {}) });
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
