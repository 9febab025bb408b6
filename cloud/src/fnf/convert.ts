// Turns the service's JSON into the typed objects: JSON-string fields parsed, '' mode normalised.
import type { Execution, ExecutionMode, ExecutionStatus, Flow, HistoryEvent, JsonValue, Schedule } from './types';
import { parseJsonField } from './validate';

type Raw = Readonly<Record<string, unknown>>;

const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

// Each copies the answer without its RequestId (a rest pattern, not a copy and a `delete`, which
// would turn the copy into a slow dictionary object).

export function toFlow(raw: Raw): Flow {
  const { RequestId: _requestId, ...flow } = raw as Record<string, unknown>;
  flow['ExecutionMode'] = (s(raw['ExecutionMode']) === 'Express' ? 'Express' : 'Standard') satisfies ExecutionMode;
  return flow as unknown as Flow;
}

export function toExecution(raw: Raw): Execution {
  const { RequestId: _requestId, ...exec } = raw as Record<string, unknown>;
  exec['Status'] = (s(raw['Status']) ?? 'Running') as ExecutionStatus;
  setParsed(exec, 'Input', raw['Input']);
  setParsed(exec, 'Output', raw['Output']);
  return exec as unknown as Execution;
}

export function toHistoryEvent(raw: Raw): HistoryEvent {
  return {
    EventId: Number(raw['EventId']),
    ScheduleEventId: Number(raw['ScheduleEventId'] ?? 0),
    Type: s(raw['Type']) ?? '',
    StepName: s(raw['StepName']) ?? '',
    Time: s(raw['Time']) ?? '',
    EventDetail: parseJsonField(raw['EventDetail']) ?? {},
  };
}

export function toSchedule(raw: Raw): Schedule {
  const { RequestId: _requestId, ...sch } = raw as Record<string, unknown>;
  setParsed(sch, 'Payload', raw['Payload']);
  if (typeof raw['Enable'] === 'string') sch['Enable'] = raw['Enable'] === 'true';
  return sch as unknown as Schedule;
}

function setParsed(target: Record<string, unknown>, key: string, text: unknown): void {
  const parsed: JsonValue | undefined = parseJsonField(text);
  if (parsed === undefined) delete target[key];
  else target[key] = parsed;
}

export function rawArray(v: unknown): Raw[] {
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Raw[]) : [];
}
