// History events as the Debug Console prints them: the same line as the tail output panel
// (`12:00:01.234  StepSucceeded        CheckOrder  output {"ok":true}`). The client's tail keeps
// its own copy of this format (nothing may import the client); a unit test holds the two equal.
import type { HistoryEvent, RunResult } from '../../emulator/src/engine';

const MAX_DETAIL = 120;

function clockTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(11, 23);
}

function compactJson(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return '';
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

/** The error and cause of a failure, else the output or input, else the whole detail. */
function shortDetail(detailText: string): string {
  let d: unknown;
  try {
    d = JSON.parse(detailText);
  } catch {
    d = detailText;
  }
  if (d === null || d === undefined || d === '') return '';
  if (typeof d !== 'object' || Array.isArray(d)) return compactJson(d);
  const o = d as Record<string, unknown>;
  const error = o['error'] ?? o['Error'];
  if (error !== undefined) {
    const cause = o['cause'] ?? o['Cause'];
    return compactJson(
      cause === undefined ? String(error) : `${String(error)}: ${typeof cause === 'string' ? cause : JSON.stringify(cause)}`,
    );
  }
  for (const key of ['output', 'Output', 'input', 'Input']) {
    if (o[key] !== undefined) return `${key.toLowerCase()} ${compactJson(o[key])}`;
  }
  return Object.keys(o).length === 0 ? '' : compactJson(o);
}

export function eventLine(event: HistoryEvent): string {
  const parts = [clockTime(event.Time), event.Type.padEnd(19)];
  if (event.StepName) parts.push(event.StepName);
  const detail = shortDetail(event.EventDetail);
  if (detail) parts.push(detail);
  return parts.join('  ').trimEnd();
}

/** The closing lines: the status, then the pretty output or the error and cause. */
export function resultLines(result: RunResult): string[] {
  const lines = [`Status: ${result.status}`];
  if (result.status === 'Succeeded') lines.push('Output:', ...JSON.stringify(result.output ?? null, null, 2).split('\n'));
  else {
    if (result.error) lines.push(`Error: ${result.error}`);
    if (result.cause) lines.push(`Cause: ${result.cause}`);
  }
  return lines;
}
