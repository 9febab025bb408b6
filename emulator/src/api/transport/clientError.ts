// Answers for requests that are not HTTP enough to reach the dispatcher (garbage bytes, bad
// headers, too slow to arrive): a JSON error with a Code and a Message like every other answer,
// instead of Node's bare `400 Bad Request`, then the connection is closed.
import type { Socket } from 'node:net';

interface ClientError extends Error {
  code?: string;
}

function answerFor(err: ClientError): { status: number; reason: string; code: string; message: string } {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, reason: 'Request Timeout', code: 'RequestTimeout', message: 'The request did not arrive in full within the time allowed; send it again without pausing.' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, reason: 'Request Header Fields Too Large', code: 'RequestHeaderTooLarge', message: 'The request headers are too large.' };
    default:
      return { status: 400, reason: 'Bad Request', code: 'MalformedRequest', message: `The request is not valid HTTP/1.1 (${err.code ?? 'parse error'}).` };
  }
}

export function answerClientError(err: ClientError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const a = answerFor(err);
  const body = JSON.stringify({ Code: a.code, Message: a.message });
  socket.end(
    `HTTP/1.1 ${a.status} ${a.reason}\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
