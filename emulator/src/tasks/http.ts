// HTTP:Request: performs the request described by the task's Parameters (`url`, `method`,
// `headers`, `body`) and returns `{ Header, Code, Body }` as the service documents. A string body
// is sent as is, an object or array as JSON; a JSON response body is parsed. Non-2xx responses
// fail the task with `HTTP.<status>` so Retry/Catch can handle them.
import { TaskError, type JsonValue, type TaskRequest } from '../engine/types';

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD'];
/** Header carrying the task token for WaitForCustomCallback (service documentation). */
export const CALLBACK_TOKEN_HEADER = 'X-FnF-Http-Callback-Task-Token';

export async function httpRequest(request: TaskRequest): Promise<JsonValue> {
  const p = request.parameters;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    throw new TaskError('HTTP.InvalidParameters', 'HTTP:Request needs Parameters with url and method');
  }
  const url = p['url'];
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
    throw new TaskError(
      'HTTP.InvalidParameters',
      `Parameters.url must be a full http(s) URL, got ${JSON.stringify(url)}`,
    );
  }
  const method = typeof p['method'] === 'string' ? p['method'].toUpperCase() : '';
  if (!METHODS.includes(method)) {
    throw new TaskError(
      'HTTP.InvalidParameters',
      `Parameters.method must be one of ${METHODS.join(', ')}, got ${JSON.stringify(p['method'])}`,
    );
  }
  const headers: Record<string, string> = {};
  const given = p['headers'];
  if (typeof given === 'object' && given !== null && !Array.isArray(given)) {
    for (const [k, v] of Object.entries(given)) headers[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  if (request.taskToken !== undefined) headers[CALLBACK_TOKEN_HEADER] = request.taskToken;
  const bodyParam = p['body'];
  let body: string | undefined;
  if (bodyParam !== undefined && bodyParam !== null && method !== 'GET' && method !== 'HEAD') {
    if (typeof bodyParam === 'string') body = bodyParam;
    else {
      body = JSON.stringify(bodyParam);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['Content-Type'] = 'application/json';
    }
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), signal: request.signal });
  } catch (e) {
    if (request.signal.aborted) throw e;
    throw new TaskError(
      'HTTP.RequestFailed',
      `${method} ${url} failed: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`,
    );
  }
  const text = await response.text();
  const header: Record<string, string> = {};
  response.headers.forEach((value, key) => (header[key] = value));
  let parsedBody: JsonValue = text;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      parsedBody = JSON.parse(text) as JsonValue;
    } catch {
      parsedBody = text;
    }
  }
  if (response.status < 200 || response.status > 299) {
    throw new TaskError(
      `HTTP.${response.status}`,
      `${method} ${url} returned HTTP ${response.status}: ${text.slice(0, 500)}`,
    );
  }
  return { Header: header, Code: response.status, Body: parsedBody };
}
