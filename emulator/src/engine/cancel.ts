// A light cancellation signal for the interpreter's own scopes. An AbortController costs several
// microseconds to create, a noticeable share of a short flow; tasks still get a real AbortSignal
// (task-call.ts links one to this).

export type CancelListener = () => void;

/** The part of AbortSignal the interpreter uses; AbortSignal itself satisfies it. */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: CancelListener, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: CancelListener): void;
}

export class Canceller implements CancelSignal {
  aborted = false;
  reason: unknown = undefined;
  private listeners: CancelListener[] | undefined;

  get signal(): CancelSignal {
    return this;
  }

  addEventListener(_type: 'abort', listener: CancelListener): void {
    (this.listeners ??= []).push(listener);
  }

  removeEventListener(_type: 'abort', listener: CancelListener): void {
    const i = this.listeners?.indexOf(listener) ?? -1;
    if (i >= 0) this.listeners!.splice(i, 1);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = undefined;
    // Listeners are one-shot: each runs once, whatever options it was added with.
    if (listeners) for (const l of listeners) l();
  }
}
