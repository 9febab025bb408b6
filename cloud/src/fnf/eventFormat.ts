// Turns history events and execution results into the lines a person reads in the tail output.
// Pure (no vscode import) so the exact text is unit-tested.
import { isTerminalEvent, isTerminalStatus } from './facts';

/** The fields of a history event the tail prints. `EventDetail` may be the raw JSON string or parsed. */
export interface PrintableEvent {
  readonly EventId: number;
  readonly Type: string;
  readonly StepName: string;
  readonly Time: string;
  readonly EventDetail?: unknown;
}

// Which statuses and events are final is an fnf fact; re-exported for the views that format them.
export { isTerminalEvent, isTerminalStatus };

/** `HH:MM:SS.mmm` in UTC; the full timestamp is in Describe, the tail only needs to order lines. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(11, 23);
}

/** `850 ms`, `3.2 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  return `${Math.floor(totalMinutes / 60)} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}

/** Parses a detail given as a JSON string; anything else is returned as it is. */
export function decodeDetail(detail: unknown): unknown {
  if (typeof detail !== 'string') return detail;
  try {
    return JSON.parse(detail) as unknown;
  } catch {
    return detail;
  }
}

const MAX_DETAIL = 120;

/** One line of JSON, cut to a readable length. */
export function compactJson(value: unknown, max = MAX_DETAIL): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The short detail of an event: the error and cause of a failure, else the output or input. */
export function shortDetail(detail: unknown): string {
  const d = decodeDetail(detail);
  if (d === null || d === undefined || d === '') return '';
  if (typeof d !== 'object' || Array.isArray(d)) return compactJson(d);
  const o = d as Record<string, unknown>;
  const error = o['error'] ?? o['Error'];
  if (error !== undefined) {
    const cause = o['cause'] ?? o['Cause'];
    return compactJson(cause === undefined ? `${String(error)}` : `${String(error)}: ${typeof cause === 'string' ? cause : JSON.stringify(cause)}`);
  }
  for (const key of ['output', 'Output', 'input', 'Input']) {
    if (o[key] !== undefined) return `${key.toLowerCase()} ${compactJson(o[key])}`;
  }
  return Object.keys(o).length === 0 ? '' : compactJson(o);
}

/** `12:00:01.234  StepSucceeded        CheckOrder  output {"ok":true}` */
export function formatEventLine(event: PrintableEvent): string {
  const parts = [clockTime(event.Time), event.Type.padEnd(19)];
  if (event.StepName) parts.push(event.StepName);
  const detail = shortDetail(event.EventDetail);
  if (detail) parts.push(detail);
  return parts.join('  ').trimEnd();
}

/** Pretty JSON of an execution's output, which the service returns as a JSON string. */
export function prettyJson(value: unknown): string {
  const v = decodeDetail(value);
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
}

/** The fields of an execution the summary prints (DescribeExecution / StartSyncExecution). */
export interface ExecutionSummary {
  readonly Status?: string;
  readonly Output?: unknown;
  readonly StartedTime?: string;
  readonly StoppedTime?: string;
  /** StartSyncExecution's error fields. */
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
}

export function executionDurationMs(e: Pick<ExecutionSummary, 'StartedTime' | 'StoppedTime'>, now = Date.now()): number | undefined {
  if (!e.StartedTime) return undefined;
  const start = Date.parse(e.StartedTime);
  const stop = e.StoppedTime ? Date.parse(e.StoppedTime) : now;
  if (Number.isNaN(start) || Number.isNaN(stop)) return undefined;
  return stop - start;
}

/**
 * The closing section of a tail: status, then output (pretty) or error and cause, then duration.
 * `failure` is the error/cause taken from the terminal event when the execution record has none.
 */
export function formatSummary(
  e: ExecutionSummary,
  labels: { status: string; output: string; error: string; cause: string; duration: string },
  failure?: { error?: string; cause?: string },
): string[] {
  const lines = [`${labels.status}: ${e.Status ?? '?'}`];
  if (e.Status === 'Succeeded') {
    const out = prettyJson(e.Output);
    if (out) lines.push(`${labels.output}:`, ...out.split('\n'));
  } else {
    const error = e.ErrorCode || failure?.error;
    const cause = e.ErrorMessage || failure?.cause;
    if (error) lines.push(`${labels.error}: ${error}`);
    if (cause) lines.push(`${labels.cause}: ${cause}`);
  }
  const ms = executionDurationMs(e);
  if (ms !== undefined) lines.push(`${labels.duration}: ${formatDuration(ms)}`);
  return lines;
}

/** The error/cause of a failed, stopped or timed-out execution, from its terminal event. */
export function failureOf(event: PrintableEvent): { error?: string; cause?: string } | undefined {
  if (!isTerminalEvent(event.Type) || event.Type === 'ExecutionSucceeded') return undefined;
  const d = decodeDetail(event.EventDetail);
  if (!d || typeof d !== 'object' || Array.isArray(d)) return undefined;
  const o = d as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v));
  return { error: str(o['error'] ?? o['Error']), cause: str(o['cause'] ?? o['Cause']) };
}

/**
 * The execution as its terminal event describes it: a DescribeExecution answered just after the
 * terminal event may still say Running, and the history is the authority on how it ended.
 */
export function withFinalStatus<E extends { readonly Status?: string }>(execution: E, terminalEventType: string | undefined): E {
  if (!terminalEventType || isTerminalStatus(execution.Status)) return execution;
  return { ...execution, Status: terminalEventType.replace(/^Execution/, '') };
}
