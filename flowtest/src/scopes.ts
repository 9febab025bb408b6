// Which scope each history event happened in, from the events alone: a BranchEntered or
// IterationEntered opens a scope inside the scope of the event it follows, and every other event
// stays in the scope of the event it follows (ScheduleEventId). Mocks use it to tell Map
// iterations apart, coverage to tell same-named states in different scopes apart.
import type { HistoryEvent } from '../../emulator/src/engine';

export interface EventScope {
  /** The scope in the definition: '' for the flow, `/Fulfil#1` for a Parallel branch, `/PriceLines` for a Map's processor. */
  readonly definitionKey: string;
  /** The scope in this run: like definitionKey, with each Map iteration's index (`/PriceLines[0]`). */
  readonly runKey: string;
  /** The index of the innermost Map iteration, if the event happened in one. */
  readonly iteration: number | undefined;
}

const ROOT: EventScope = { definitionKey: '', runKey: '', iteration: undefined };

export class ScopeTracker {
  private readonly scopes = new Map<number, EventScope>();

  /** Records an event (in EventId order) and returns its scope. */
  observe(event: HistoryEvent): EventScope {
    const parent = this.scopes.get(event.ScheduleEventId) ?? ROOT;
    let scope = parent;
    if (event.Type === 'BranchEntered' || event.Type === 'IterationEntered') {
      const index = indexOf(event);
      if (event.Type === 'BranchEntered') {
        const key = `/${event.StepName}#${index}`;
        scope = { definitionKey: parent.definitionKey + key, runKey: parent.runKey + key, iteration: parent.iteration };
      } else {
        scope = {
          definitionKey: `${parent.definitionKey}/${event.StepName}`,
          runKey: `${parent.runKey}/${event.StepName}[${index}]`,
          iteration: index,
        };
      }
    }
    this.scopes.set(event.EventId, scope);
    return scope;
  }

  scopeOf(eventId: number): EventScope | undefined {
    return this.scopes.get(eventId);
  }
}

function indexOf(event: HistoryEvent): number {
  try {
    const detail = JSON.parse(event.EventDetail) as { index?: unknown };
    return typeof detail.index === 'number' ? detail.index : 0;
  } catch {
    return 0;
  }
}
