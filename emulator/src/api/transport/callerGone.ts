// The signal a handler waits on to stop when its caller leaves. Made only when a handler asks for
// it (long polls do; most handlers never do), so an answered request costs no AbortController.
import type { ServerResponse } from 'node:http';

export class CallerGone {
  private controller: AbortController | undefined;

  constructor(private readonly res: ServerResponse) {
    // Only a caller that leaves before its answer is sent cuts the work short; aborting after every
    // answer would build an AbortError (with its stack) per request for nobody to read.
    res.on('close', () => {
      if (!res.writableFinished) this.controller?.abort();
    });
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      // Asked for after the caller already left: it is aborted from the start.
      if (this.res.closed && !this.res.writableFinished) this.controller.abort();
    }
    return this.controller.signal;
  }
}
