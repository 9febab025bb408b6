// The signal a handler waits on to stop when its caller leaves. Made, and the response watched,
// only when a handler asks for it (long polls do; most handlers never do), so an answered request
// costs no AbortController and no listener.
import type { ServerResponse } from 'node:http';

export class CallerGone {
  private controller: AbortController | undefined;

  constructor(private readonly res: ServerResponse) {}

  get signal(): AbortSignal {
    if (this.controller) return this.controller.signal;
    const controller = new AbortController();
    this.controller = controller;
    const res = this.res;
    // Only a caller that leaves before its answer is sent cuts the work short; aborting after every
    // answer would build an AbortError (with its stack) per request for nobody to read.
    if (res.closed) {
      if (!res.writableFinished) controller.abort();
    } else {
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
    }
    return controller.signal;
  }
}
