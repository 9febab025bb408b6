// One line per history event (time, type, step, short detail) and the closing summary.
import type { Execution, HistoryEvent, JsonValue } from '../../../cloud/src/fnf';

const DETAIL_WIDTH = 100;

export function short(value: JsonValue | undefined, width = DETAIL_WIDTH): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > width ? text.slice(0, width - 1) + '…' : text;
}

export function formatEvent(e: HistoryEvent): string {
  const time = e.Time.replace(/^\d{4}-\d{2}-\d{2}T/, '').replace(/Z$/, '');
  const detail = e.EventDetail && typeof e.EventDetail === 'object' && !Array.isArray(e.EventDetail) && Object.keys(e.EventDetail).length === 0 ? '' : short(e.EventDetail);
  return [time.padEnd(12), e.Type.padEnd(20), (e.StepName || '-').padEnd(20), detail].join(' ').trimEnd();
}

export function formatEnd(x: Execution): string[] {
  const lines = [`status: ${x.Status}`];
  if (x.StartedTime && x.StoppedTime) {
    const ms = Date.parse(x.StoppedTime) - Date.parse(x.StartedTime);
    if (Number.isFinite(ms)) lines.push(`duration: ${(ms / 1000).toFixed(3)} s`);
  }
  if (x.Output !== undefined) lines.push(`output: ${JSON.stringify(x.Output, null, 2)}`);
  if (x.ErrorCode) lines.push(`error: ${x.ErrorCode}${x.ErrorMessage ? `: ${x.ErrorMessage}` : ''}`);
  return lines;
}

export function exitCodeFor(x: Execution): number {
  return x.Status === 'Succeeded' ? 0 : 1;
}
