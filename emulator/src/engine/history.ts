// Builds the execution's history: numbers events, chains each to the previous event of its own
// scope (ScheduleEventId), stamps the time and enforces the per-execution event limit.
import { isoTime } from './clock';
import { EngineErrors, FlowFailure } from './errors';
import { jsonText } from './json';
import type { ScopeFrame } from './observer';
import type { Clock, EventFields, EventType, HistoryEvent, RecordedEvent } from './types';

/** The last event of one sequential scope (the execution, a branch, an iteration). */
export interface Trail {
  last: number;
  /** The branch/iteration this trail belongs to; set only when the run has an observer. */
  readonly scope?: ScopeFrame;
}

/** At most this many events share one clock reading within a synchronous stretch. */
const EVENTS_PER_CLOCK_READ = 16;


export class EventLog {
  private nextId = 1;
  private lastIso = '';
  /** Events stamped since the clock was last read; see isoNow. */
  private stampedSinceRead = 0;
  private timeIsFresh = false;
  private readonly expireTime = (): void => {
    this.timeIsFresh = false;
  };

  constructor(
    private readonly clock: Clock,
    private readonly onEvent: ((event: HistoryEvent) => void) | undefined,
    private readonly onRecord: ((event: RecordedEvent) => void) | undefined,
    private readonly maxEvents: number,
  ) {}

  get count(): number {
    return this.nextId - 1;
  }

  /** Records one event; fails the execution once the limit is passed. Returns its EventId. */
  emit(trail: Trail, type: EventType, stepName: string, fields?: EventFields): number {
    if (this.nextId > this.maxEvents) {
      throw new FlowFailure(
        EngineErrors.limitExceeded,
        `the execution reached ${this.maxEvents} history events, the service's limit per execution; ` +
          'split the work into child executions or fewer iterations',
      );
    }
    return this.record(trail, type, stepName, fields);
  }

  /** Records a terminal execution event, which is allowed past the limit. */
  emitFinal(trail: Trail, type: EventType, fields?: EventFields): number {
    return this.record(trail, type, '', fields);
  }

  private record(trail: Trail, type: EventType, stepName: string, fields: EventFields | undefined): number {
    const id = this.nextId++;
    if (this.onEvent || this.onRecord) {
      const time = this.isoNow();
      this.onRecord?.({ EventId: id, ScheduleEventId: trail.last, Type: type, StepName: stepName, Time: time, fields });
      this.onEvent?.({ EventId: id, ScheduleEventId: trail.last, Type: type, StepName: stepName, Time: time, EventDetail: detailText(fields) });
    }
    trail.last = id;
    return id;
  }

  /**
   * Reading the clock for every event is a large share of a Pass/Choice chain's cost. Within one
   * synchronous stretch (until the next microtask checkpoint, i.e. the next await) the time is
   * read again only every few events; any await gets a fresh reading.
   */
  private isoNow(): string {
    if (this.timeIsFresh && ++this.stampedSinceRead < EVENTS_PER_CLOCK_READ) return this.lastIso;
    this.stampedSinceRead = 0;
    if (!this.timeIsFresh) {
      this.timeIsFresh = true;
      queueMicrotask(this.expireTime);
    }
    // isoTime keeps the last second's text itself: no memo of the last reading here.
    this.lastIso = isoTime(this.clock.now());
    return this.lastIso;
  }
}

/** A recorded event with its detail written out, as `onEvent` is given it. */
export function historyEvent(event: RecordedEvent): HistoryEvent {
  return {
    EventId: event.EventId,
    ScheduleEventId: event.ScheduleEventId,
    Type: event.Type,
    StepName: event.StepName,
    Time: event.Time,
    EventDetail: detailText(event.fields),
  };
}

function detailText(fields: EventFields | undefined): string {
  if (fields === undefined) return '{}';
  let text = '{';
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined) continue;
    if (text.length > 1) text += ',';
    // Keys are the interpreter's own field names (input, output, error, ...): no escaping needed.
    text += '"' + key + '":' + jsonText(value);
  }
  return text + '}';
}
