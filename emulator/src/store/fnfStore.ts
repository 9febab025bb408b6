// Flows, executions, their events, schedules, versions and aliases: kept in memory, rebuilt on start from one
// append-only log in the data folder. A change is in memory only after its record is on disk
// (events are the exception: they are visible at once and durable in order, before the record
// that ends their execution). An Express sync run keeps only its result: it lives in memory
// while it runs and reaches the log as one record once it has ended; its history stays in memory
// for the latest runs only, and its result for the latest runs of its flow (syncRunRetention.ts).
import { join } from 'node:path';
import { isTerminalStatus } from '../../../cloud/src';
import { AppendLog, type AppendLogOptions } from './appendLog';
import { Compactor, DEFAULT_COMPACT_MIN_GARBAGE } from './compactor';
import { SyncRunEntry } from './syncRunEntry';
import { SyncRunRetention } from './syncRunRetention';
import {
  type ExecutionStatus, type LoggedExecution, type LogRecord, type StoredEvent, type StoredExecution, type StoredFlow,
  type StoredFlowAlias, type StoredFlowVersion, type StoredMapRun, type StoredSchedule,
} from './records';

export interface ExecutionEntry {
  exec: StoredExecution;
  events: StoredEvent[];
  /**
   * Only the end result reaches the log (an Express sync run, whose caller holds the request open
   * and gets the result): no start record, no events on disk. After a restart it is the finished
   * execution without history; one that had not ended is gone, as its caller got no answer.
   */
  readonly resultOnly?: boolean;
}

export interface ExecutionEnd {
  status: ExecutionStatus;
  output: string;
  stoppedTime: string;
  errorCode: string;
  errorMessage: string;
}

export { DEFAULT_COMPACT_MIN_GARBAGE };

export interface FnfStoreOptions {
  readonly now: () => number;
  readonly noSync?: boolean;
  readonly log?: AppendLogOptions;
  /** Garbage records needed before a compaction (tests lower it). */
  readonly compactMinGarbage?: number;
  /** Ended Express sync runs that keep their history in memory (see syncRunRetention.ts; tests lower it). */
  readonly keptExpressHistories?: number;
  /** Ended Express sync runs of each flow that keep their result (see syncRunRetention.ts; tests lower it). */
  readonly keptExpressResults?: number;
  /** Ended Express sync runs that did not succeed and keep their history besides the latest (see syncRunRetention.ts; tests lower it). */
  readonly keptUnsuccessfulExpressHistories?: number;
}

/** The error and cause given to executions that were running when the emulator stopped. */
export const INTERRUPTED_ERROR = 'Emulator.Interrupted';
export const INTERRUPTED_CAUSE =
  'The emulator stopped while this execution was running. Executions are not resumed after a restart; start it again.';

export class FnfStore {
  private readonly flowsByName = new Map<string, StoredFlow>();
  private readonly executionsByFlow = new Map<string, Map<string, ExecutionEntry>>();
  private readonly schedulesByFlow = new Map<string, Map<string, StoredSchedule>>();
  private readonly versionsByFlow = new Map<string, Map<string, StoredFlowVersion>>();
  /** The highest version number a flow ever had, so a deleted number is never handed out again. */
  private readonly lastVersionByFlow = new Map<string, number>();
  private readonly aliasesByFlow = new Map<string, Map<string, StoredFlowAlias>>();
  /** Every distributed Map's MapRun, as last written, by name (names are unique: they end in random hex). */
  private readonly mapRunsByName = new Map<string, StoredMapRun>();

  private readonly compactor: Compactor<LogRecord>;
  /** Flow records appended but not yet written, by flow Id: until they are, the log's view of the flow is not the one in memory. */
  private readonly flowWritesPending = new Map<string, number>();

  private constructor(
    private readonly log: AppendLog<LogRecord>,
    compactMinGarbage: number,
    warn: (message: string) => void,
    private readonly syncRuns: SyncRunRetention<ExecutionEntry>,
  ) {
    this.compactor = new Compactor(log, () => this.liveRecords(), compactMinGarbage, warn);
  }

  /**
   * Opens the store in `dataDir`. Executions that were still running when the emulator last
   * stopped are marked Failed (with an ExecutionFailed event saying why) before this resolves.
   */
  static async open(dataDir: string, options: FnfStoreOptions): Promise<FnfStore> {
    const { log, records } = await AppendLog.open<LogRecord>(join(dataDir, 'fnf.jsonl'), { ...options.log, noSync: options.noSync });
    const warn = options.log?.warn ?? ((m: string) => process.stderr.write(`flowdeck emulator: ${m}\n`));
    const store = new FnfStore(log, options.compactMinGarbage ?? DEFAULT_COMPACT_MIN_GARBAGE, warn, new SyncRunRetention<ExecutionEntry>(options.keptExpressHistories, options.keptExpressResults, options.keptUnsuccessfulExpressHistories));
    // Every execution that ran one definition shares one string, as while the emulator runs: each
    // record's JSON would otherwise give each its own copy (400 runs of a 20 KB flow held 8 MB more).
    const definitions = new Map<string, string>();
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as LogRecord;
      try {
        if (record.k === 'flow') record.flow.Definition = sharedCopy(definitions, record.flow.Definition);
        if ((record.k === 'execStarted' || record.k === 'syncResult') && record.exec.FlowDefinition !== undefined) {
          record.exec.FlowDefinition = sharedCopy(definitions, record.exec.FlowDefinition);
        }
        store.apply(record);
      } catch (err) {
        throw new Error(
          `${join(dataDir, 'fnf.jsonl')}: record ${i + 1} is not one this emulator writes (${err instanceof Error ? err.message : String(err)}); ` +
            'the log was left unchanged. Move the file away to start with an empty data folder.',
        );
      }
    }
    await store.failInterrupted(new Date(options.now()).toISOString());
    // Start-up time is then bounded by live data the next time, not by the history of changes.
    await store.compactor.start();
    return store;
  }

  async close(): Promise<void> {
    await this.compactor.idle();
    await this.log.close();
  }

  /** Records in the log file now (live and garbage), for tests and measurements. */
  get logRecords(): number {
    return this.log.records;
  }

  /**
   * Rewrites the log with the live state only: each flow, its version counter, versions,
   * aliases, schedules, and each execution as one start record (with its current status) and its
   * events. Replaying these gives exactly the state in memory.
   */
  async compact(): Promise<void> {
    await this.compactor.compact();
  }

  liveRecords(): LogRecord[] {
    const out: LogRecord[] = [];
    for (const flow of this.flowsByName.values()) out.push({ k: 'flow', flow });
    for (const [flowId, last] of this.lastVersionByFlow) out.push({ k: 'versionCounter', flowId, last });
    for (const m of this.versionsByFlow.values()) for (const version of m.values()) out.push({ k: 'version', version });
    for (const m of this.aliasesByFlow.values()) for (const alias of m.values()) out.push({ k: 'alias', alias });
    for (const m of this.schedulesByFlow.values()) for (const schedule of m.values()) out.push({ k: 'schedule', schedule });
    for (const m of this.executionsByFlow.values()) {
      for (const entry of m.values()) {
        const exec = entry.exec;
        if (entry.resultOnly) {
          // Not on disk until it ends, and then without history: its events are not read here.
          if (isTerminalStatus(exec.Status)) out.push({ k: 'syncResult', exec: this.logged(exec) });
          continue;
        }
        const events = entry.events;
        out.push({ k: 'execStarted', exec: this.logged(exec) });
        for (let i = 0; i < events.length; i++) out.push(eventRecord(exec, events[i] as StoredEvent, events.slice(Math.max(0, i - DETAIL_WINDOW), i)));
      }
    }
    // A MapRun lives as long as the execution that ran it.
    for (const run of this.mapRunsByName.values()) if (this.execution(run.FlowId, run.ExecutionName)) out.push({ k: 'mapRun', run: mapRunCopy(run) });
    return out;
  }

  private maybeCompact(): void {
    this.compactor.maybeCompact();
  }

  // ---- flows

  flow(name: string): StoredFlow | undefined {
    return this.flowsByName.get(name);
  }

  /** Every flow, ordered by name (the order ListFlows pages in). */
  flows(): StoredFlow[] {
    return [...this.flowsByName.values()].sort((a, b) => compare(a.Name, b.Name));
  }

  async putFlow(flow: StoredFlow): Promise<void> {
    this.flowWritesPending.set(flow.Id, (this.flowWritesPending.get(flow.Id) ?? 0) + 1);
    try {
      await this.write({ k: 'flow', flow });
    } finally {
      const left = this.flowWritesPending.get(flow.Id)! - 1;
      if (left > 0) this.flowWritesPending.set(flow.Id, left);
      else this.flowWritesPending.delete(flow.Id);
    }
  }

  async deleteFlow(flow: StoredFlow): Promise<void> {
    await this.write({ k: 'flowDeleted', id: flow.Id });
  }

  // ---- executions

  execution(flowId: string, name: string): ExecutionEntry | undefined {
    return this.executionsByFlow.get(flowId)?.get(name);
  }

  /** A flow's executions in the order they started. */
  executions(flowId: string): ExecutionEntry[] {
    return [...(this.executionsByFlow.get(flowId)?.values() ?? [])];
  }

  /**
   * Records a new execution: visible at once (so its events can follow it into the log), durable
   * when `written` resolves. Callers answer a start only after `written`.
   */
  async startExecution(exec: StoredExecution): Promise<ExecutionEntry> {
    await this.write({ k: 'execStarted', exec: this.logged(exec) }, { k: 'execStarted', exec });
    const entry = this.execution(exec.FlowId, exec.Name);
    if (!entry) throw new Error(`internal: execution ${exec.Name} was not recorded`);
    return entry;
  }

  /**
   * Records a run that keeps only its result (see ExecutionEntry.resultOnly): visible at once,
   * written by endExecution only. The entry takes `exec` as its own (callers make it for this).
   */
  startResultOnlyExecution(exec: StoredExecution): SyncRunEntry {
    const entry = new SyncRunEntry(exec);
    this.executionsOf(exec.FlowId).set(exec.Name, entry);
    return entry;
  }

  /** The flow's executions by name, made empty on first use. */
  private executionsOf(flowId: string): Map<string, ExecutionEntry> {
    let m = this.executionsByFlow.get(flowId);
    if (!m) this.executionsByFlow.set(flowId, (m = new Map()));
    return m;
  }

  /** A result-only run has ended, or was read back: kept, and the run of its flow no longer kept forgotten. */
  private keepSyncRun(entry: ExecutionEntry, withHistory: boolean): void {
    const dropped = this.syncRuns.ended(entry, withHistory);
    if (dropped) this.forget(dropped);
  }

  /** Removes a result-only execution whose result could not be written, so it leaves nothing behind. */
  private forget(entry: ExecutionEntry): void {
    const m = this.executionsByFlow.get(entry.exec.FlowId);
    if (m?.get(entry.exec.Name) === entry) m.delete(entry.exec.Name);
  }

  /**
   * Makes the event visible at once; the promise resolves when it is on disk. While storage
   * cannot be written the event waits (in order) and is written once it can. A result-only run's
   * events are kept in memory only (the manager hands them to its SyncRunEntry as recorded).
   */
  appendEvent(entry: ExecutionEntry, event: StoredEvent): Promise<void> {
    entry.events.push(event);
    if (entry.resultOnly) return Promise.resolve();
    const written = this.log.append(eventRecord(entry.exec, event, entry.events.slice(-1 - DETAIL_WINDOW, -1)), { untilWritten: true });
    this.maybeCompact();
    return written;
  }

  /** Ends the execution once its end is on disk (waiting for storage if it cannot be written). */
  async endExecution(entry: ExecutionEntry, end: ExecutionEnd): Promise<void> {
    if (entry.resultOnly) return this.endResultOnly(entry, end);
    const record: LogRecord = { k: 'execEnded', flowId: entry.exec.FlowId, exec: entry.exec.Name, ...end };
    await this.log.append(record, { untilWritten: true, onWritten: () => this.apply(record) });
    this.maybeCompact();
  }

  /**
   * Writes a result-only execution as one finished record. Not retried: a write storage refuses
   * rejects with StorageUnavailableError and the execution is forgotten, as a refused start is.
   */
  private async endResultOnly(entry: ExecutionEntry, end: ExecutionEnd): Promise<void> {
    if (this.execution(entry.exec.FlowId, entry.exec.Name) !== entry) return; // its flow was deleted meanwhile
    const ended: Partial<StoredExecution> = {
      Status: end.status, Output: end.output, StoppedTime: end.stoppedTime, ErrorCode: end.errorCode, ErrorMessage: end.errorMessage,
    };
    try {
      // Its caller is answered once the record is written (it survives the emulator being killed);
      // the fsync follows soon without holding the answer, as Express runs promise no more.
      await this.log.append({ k: 'syncResult', exec: this.logged(entry.exec, ended) }, {
        onWritten: () => Object.assign(entry.exec, ended), durability: 'written',
      });
      this.keepSyncRun(entry, true);
    } catch (err) {
      this.forget(entry);
      throw err;
    }
    this.maybeCompact();
  }

  // ---- MapRuns

  /** A MapRun written before (as it was then); the one running now is the registry's own object. */
  mapRun(name: string): StoredMapRun | undefined {
    return this.mapRunsByName.get(name);
  }

  /** Writes a MapRun as it stands now (a copy: the running one keeps changing). */
  async saveMapRun(run: StoredMapRun): Promise<void> {
    await this.write({ k: 'mapRun', run: mapRunCopy(run) });
  }

  // ---- schedules

  schedule(flowId: string, name: string): StoredSchedule | undefined {
    return this.schedulesByFlow.get(flowId)?.get(name);
  }

  /** A flow's schedules ordered by name. */
  schedules(flowId: string): StoredSchedule[] {
    return [...(this.schedulesByFlow.get(flowId)?.values() ?? [])].sort((a, b) => compare(a.ScheduleName, b.ScheduleName));
  }

  async putSchedule(schedule: StoredSchedule): Promise<void> {
    await this.write({ k: 'schedule', schedule });
  }

  async deleteSchedule(schedule: StoredSchedule): Promise<void> {
    await this.write({ k: 'scheduleDeleted', flowId: schedule.FlowId, name: schedule.ScheduleName });
  }

  // ---- versions

  version(flowId: string, version: string): StoredFlowVersion | undefined {
    return this.versionsByFlow.get(flowId)?.get(version);
  }

  /** A flow's versions, oldest (lowest number) first. */
  versions(flowId: string): StoredFlowVersion[] {
    return [...(this.versionsByFlow.get(flowId)?.values() ?? [])].sort((a, b) => Number(a.Version) - Number(b.Version));
  }

  /**
   * Takes the flow's next version number at once, so two concurrent publishes cannot get the same
   * one (a number whose write then fails is skipped, never reused).
   */
  reserveVersionNumber(flowId: string): number {
    const n = (this.lastVersionByFlow.get(flowId) ?? 0) + 1;
    this.lastVersionByFlow.set(flowId, n);
    return n;
  }

  async putVersion(version: StoredFlowVersion): Promise<void> {
    await this.write({ k: 'version', version });
  }

  async deleteVersion(version: StoredFlowVersion): Promise<void> {
    await this.write({ k: 'versionDeleted', flowId: version.FlowId, version: version.Version });
  }

  // ---- aliases

  alias(flowId: string, name: string): StoredFlowAlias | undefined {
    return this.aliasesByFlow.get(flowId)?.get(name);
  }

  /** A flow's aliases ordered by name. */
  aliases(flowId: string): StoredFlowAlias[] {
    return [...(this.aliasesByFlow.get(flowId)?.values() ?? [])].sort((a, b) => compare(a.Name, b.Name));
  }

  async putAlias(alias: StoredFlowAlias): Promise<void> {
    await this.write({ k: 'alias', alias });
  }

  async deleteAlias(alias: StoredFlowAlias): Promise<void> {
    await this.write({ k: 'aliasDeleted', flowId: alias.FlowId, name: alias.Name });
  }

  // ---- internals

  /**
   * Appends the record and applies it the moment it is on disk (so a compaction sees it applied);
   * `applied` when what the log holds is shorter than the record it stands for.
   */
  private async write(record: LogRecord, applied: LogRecord = record): Promise<void> {
    await this.log.append(record, { onWritten: () => this.apply(applied) });
    this.maybeCompact();
  }

  /**
   * A copy of `exec` (with `changes`) for its log record: without its definition when that is the
   * one the log holds for its flow at this point (LoggedExecution), that is the flow's in memory
   * with no record of the flow still on its way to disk. A published version's run keeps it.
   */
  private logged(exec: StoredExecution, changes?: Partial<StoredExecution>): LoggedExecution {
    const known =
      exec.FlowVersion === undefined &&
      this.flowOf(exec)?.Definition === exec.FlowDefinition &&
      !this.flowWritesPending.has(exec.FlowId);
    return { ...exec, ...changes, FlowDefinition: known ? undefined : exec.FlowDefinition };
  }

  /**
   * A copy of a record's execution with its definition: a record without one ran its flow's as
   * the log stands (only records read back lack it; the live ones applied are whole).
   */
  private withDefinition(exec: LoggedExecution): StoredExecution {
    if (exec.FlowDefinition !== undefined) return { ...exec, FlowDefinition: exec.FlowDefinition };
    const flow = this.flowOf(exec);
    if (!flow) throw new Error(`execution ${exec.Name} has no FlowDefinition and no record of its flow comes before it`);
    return { ...exec, FlowDefinition: flow.Definition };
  }

  /** The execution's flow as held now: by name, and the same incarnation (a re-created flow has another Id). */
  private flowOf(exec: { readonly FlowName: string; readonly FlowId: string }): StoredFlow | undefined {
    const flow = this.flowsByName.get(exec.FlowName);
    return flow?.Id === exec.FlowId ? flow : undefined;
  }

  private apply(r: LogRecord): void {
    switch (r.k) {
      case 'flow':
        this.flowsByName.set(r.flow.Name, r.flow);
        return;
      case 'flowDeleted': {
        for (const [name, flow] of this.flowsByName) if (flow.Id === r.id) this.flowsByName.delete(name);
        // A deleted flow's executions, schedules, versions and aliases can no longer be queried.
        this.executionsByFlow.delete(r.id);
        this.syncRuns.flowDeleted(r.id);
        this.schedulesByFlow.delete(r.id);
        this.versionsByFlow.delete(r.id);
        this.lastVersionByFlow.delete(r.id);
        this.aliasesByFlow.delete(r.id);
        for (const [name, run] of this.mapRunsByName) if (run.FlowId === r.id) this.mapRunsByName.delete(name);
        return;
      }
      case 'execStarted':
        this.executionsOf(r.exec.FlowId).set(r.exec.Name, { exec: this.withDefinition(r.exec), events: [] });
        return;
      case 'syncResult':
        // Only reached during replay: the run's result is kept as while the emulator ran, if it is recent enough.
        this.keepSyncRun(this.startResultOnlyExecution(this.withDefinition(r.exec)), false);
        return;
      case 'event': {
        // Only reached during replay: live events are added by appendEvent, which bypasses apply.
        const entry = this.execution(r.flowId, r.exec);
        if (!entry) return;
        if (r.sameDetailAs === undefined) {
          entry.events.push(r.event);
        } else {
          const source = findEvent(entry.events, r.sameDetailAs);
          entry.events.push({ ...r.event, EventDetail: source?.EventDetail ?? r.event.EventDetail });
        }
        return;
      }
      case 'execEnded': {
        const entry = this.execution(r.flowId, r.exec);
        if (!entry) return;
        Object.assign(entry.exec, {
          Status: r.status, Output: r.output, StoppedTime: r.stoppedTime, ErrorCode: r.errorCode, ErrorMessage: r.errorMessage,
        });
        return;
      }
      case 'schedule': {
        let m = this.schedulesByFlow.get(r.schedule.FlowId);
        if (!m) this.schedulesByFlow.set(r.schedule.FlowId, (m = new Map()));
        m.set(r.schedule.ScheduleName, r.schedule);
        return;
      }
      case 'scheduleDeleted':
        this.schedulesByFlow.get(r.flowId)?.delete(r.name);
        return;
      case 'version': {
        let m = this.versionsByFlow.get(r.version.FlowId);
        if (!m) this.versionsByFlow.set(r.version.FlowId, (m = new Map()));
        m.set(r.version.Version, r.version);
        const n = Number(r.version.Version);
        if (n > (this.lastVersionByFlow.get(r.version.FlowId) ?? 0)) this.lastVersionByFlow.set(r.version.FlowId, n);
        return;
      }
      case 'versionDeleted':
        this.versionsByFlow.get(r.flowId)?.delete(r.version);
        return;
      case 'versionCounter':
        if (r.last > (this.lastVersionByFlow.get(r.flowId) ?? 0)) this.lastVersionByFlow.set(r.flowId, r.last);
        return;
      case 'alias': {
        let m = this.aliasesByFlow.get(r.alias.FlowId);
        if (!m) this.aliasesByFlow.set(r.alias.FlowId, (m = new Map()));
        m.set(r.alias.Name, r.alias);
        return;
      }
      case 'aliasDeleted':
        this.aliasesByFlow.get(r.flowId)?.delete(r.name);
        return;
      case 'mapRun':
        this.mapRunsByName.set(r.run.MapRunName, r.run);
        return;
    }
  }

  private async failInterrupted(now: string): Promise<void> {
    // A MapRun still running when the emulator stopped ends with its execution: what had not ended is aborted.
    for (const run of [...this.mapRunsByName.values()]) {
      if (run.Status !== 'Running') continue;
      const counts = run.ItemCounts;
      await this.saveMapRun({
        ...run, Status: 'Aborted', StoppedTime: now,
        ItemCounts: { ...counts, Pending: 0, Running: 0, Aborted: counts.Aborted + counts.Pending + counts.Running },
      });
    }
    for (const m of this.executionsByFlow.values()) {
      for (const entry of m.values()) {
        if (isTerminalStatus(entry.exec.Status)) continue;
        const last = entry.events.at(-1);
        const eventId = (last?.EventId ?? 0) + 1;
        await this.appendEvent(entry, {
          EventId: eventId,
          ScheduleEventId: last?.EventId ?? 0,
          Type: 'ExecutionFailed',
          StepName: '',
          Time: now,
          EventDetail: JSON.stringify({ error: INTERRUPTED_ERROR, cause: INTERRUPTED_CAUSE }),
        });
        await this.endExecution(entry, {
          status: 'Failed', output: '', stoppedTime: now, errorCode: INTERRUPTED_ERROR, errorMessage: INTERRUPTED_CAUSE,
        });
      }
    }
  }
}

/**
 * How many earlier events a new event's detail is compared with: a state's four events and the
 * next state's entry usually carry the same input or output.
 */
const DETAIL_WINDOW = 4;

/** The log record of `event`; its detail is written only when none of `recent` events has the same one. */
function eventRecord(exec: StoredExecution, event: StoredEvent, recent: readonly StoredEvent[]): LogRecord {
  if (event.EventDetail.length > 64) {
    for (let i = recent.length - 1; i >= 0; i--) {
      const earlier = recent[i] as StoredEvent;
      if (earlier.EventDetail === event.EventDetail) {
        return { k: 'event', flowId: exec.FlowId, exec: exec.Name, event: { ...event, EventDetail: '' }, sameDetailAs: earlier.EventId };
      }
    }
  }
  return { k: 'event', flowId: exec.FlowId, exec: exec.Name, event };
}

function mapRunCopy(run: StoredMapRun): StoredMapRun {
  return { ...run, ItemCounts: { ...run.ItemCounts } };
}

/** The first copy of `text` seen in `copies`, which keeps it from now on. */
function sharedCopy(copies: Map<string, string>, text: string): string {
  const first = copies.get(text);
  if (first !== undefined) return first;
  copies.set(text, text);
  return text;
}

/** The event with `eventId`: usually at index eventId - 1, else searched from the end. */
function findEvent(events: readonly StoredEvent[], eventId: number): StoredEvent | undefined {
  const guess = events[eventId - 1];
  if (guess?.EventId === eventId) return guess;
  for (let i = events.length - 1; i >= 0; i--) if (events[i]?.EventId === eventId) return events[i];
  return undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
