// Tailing an execution into an output channel: one line per event as it happens, then the
// final status, the output (pretty JSON) or the error and cause, and the duration. The channel
// is plain text in its own language, whose grammar colours failures and JSON: a log channel
// would put its own date and level before each line, which already starts with the event's time. Each tail
// runs until the execution ends or the user stops it, independent of window focus; events come
// from FnfClient.tailExecution, which delivers each one exactly once and in order.
import * as vscode from 'vscode';
import type { FnfClient, Execution, HistoryEvent, TailCursor } from '../../../cloud/src/fnf';
import { failureOf, formatEventLine, formatSummary, isTerminalEvent, withFinalStatus } from '../../../cloud/src/fnf/eventFormat';
import { describeError } from './errors';

/** Contributed in package.json with syntaxes/flowdeck-execution-log.tmLanguage.json. */
const EXECUTION_LOG_LANGUAGE = 'flowdeck-execution-log';

function executionChannel(key: string): vscode.OutputChannel {
  return vscode.window.createOutputChannel(vscode.l10n.t('Flowdeck Execution: {0}', key), EXECUTION_LOG_LANGUAGE);
}

export type TailEnd =
  /** The execution reached a final status. */
  | { readonly kind: 'ended'; readonly execution: Execution }
  /** The user (or the window closing) stopped the tail; the execution may still run. */
  | { readonly kind: 'stopped' }
  /** The tail could not continue (network, credentials...); the message was printed. */
  | { readonly kind: 'failed'; readonly error: unknown };

/** The labels of the closing summary, translated once. */
function summaryLabels(): { status: string; output: string; error: string; cause: string; duration: string } {
  return { status: vscode.l10n.t('Status'), output: vscode.l10n.t('Output'), error: vscode.l10n.t('Error'), cause: vscode.l10n.t('Cause'), duration: vscode.l10n.t('Duration') };
}

export class TailSession {
  /** Every line written to the channel, in order (what a reader of the channel sees). */
  readonly lines: string[] = [];
  /** Every event printed, in order. */
  readonly events: HistoryEvent[] = [];
  readonly done: Promise<TailEnd>;
  private readonly abort = new AbortController();
  private cursor: TailCursor | undefined;
  private finished = false;
  private lastEventId = 0;

  constructor(
    private readonly client: FnfClient,
    readonly channel: vscode.OutputChannel,
    readonly flowName: string,
    readonly executionName: string,
    readonly targetLabel: string,
    private readonly pollIntervalMs: number,
    /** Called after each event is printed. */
    private readonly onEvent: () => void = () => {},
  ) {
    this.done = this.run().finally(() => {
      this.finished = true;
    });
  }

  get running(): boolean {
    return !this.finished;
  }

  /** Stops following the execution (the execution itself keeps running). */
  stop(): void {
    this.abort.abort();
  }

  private write(line: string): void {
    this.lines.push(line);
    this.channel.appendLine(line);
  }

  private async run(): Promise<TailEnd> {
    this.write(`── ${vscode.l10n.t('Tailing {0} / {1} on {2}', this.flowName, this.executionName, this.targetLabel)} ──`);
    let failure: { error?: string; cause?: string } | undefined;
    let terminalType: string | undefined;
    try {
      const items = this.client.tailExecution(this.flowName, this.executionName, {
        pollIntervalMs: this.pollIntervalMs,
        signal: this.abort.signal,
        ...(this.cursor ? { cursor: this.cursor } : {}),
      });
      for await (const item of items) {
        this.cursor = item.cursor;
        if (item.type === 'event') {
          // the client delivers each event once; this guard keeps the channel right regardless
          if (item.event.EventId <= this.lastEventId) continue;
          this.lastEventId = item.event.EventId;
          this.events.push(item.event);
          this.write(formatEventLine(item.event));
          this.onEvent();
          if (isTerminalEvent(item.event.Type)) {
            failure = failureOf(item.event);
            terminalType = item.event.Type;
          }
        } else {
          const e = withFinalStatus(item.execution, terminalType);
          for (const l of formatSummary(e, summaryLabels(), failure)) this.write(l);
          return { kind: 'ended', execution: e };
        }
      }
      if (this.abort.signal.aborted) return this.stoppedByUser();
      // the iterator ended without a final item: the execution's end was not seen
      this.write(vscode.l10n.t('The event stream ended before the execution finished.'));
      return { kind: 'stopped' };
    } catch (error) {
      if (this.abort.signal.aborted) return this.stoppedByUser();
      this.write(vscode.l10n.t('Tailing stopped: {0}', describeError(error)));
      return { kind: 'failed', error };
    }
  }

  private stoppedByUser(): TailEnd {
    this.write(vscode.l10n.t('Stopped tailing; the execution was not stopped.'));
    return { kind: 'stopped' };
  }
}

const MAX_CHANNELS = 8;

/** All tails of this window: one channel per execution, the oldest finished ones closed first. */
export class TailManager implements vscode.Disposable {
  private readonly sessions = new Map<string, TailSession>();
  private readonly results: vscode.OutputChannel[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a tail starts or ends. */
  readonly onDidChange = this.changed.event;
  private readonly appended = new vscode.EventEmitter<TailSession>();
  /** Fires when a tail prints an event. */
  readonly onDidAppendEvent = this.appended.event;
  private readonly started = new vscode.EventEmitter<Execution>();
  /** Fires when an execution is started from the editor (an Express one has already ended). */
  readonly onDidStartExecution = this.started.event;
  private readonly ended = new vscode.EventEmitter<TailSession>();
  /** Fires when a tail ends: the execution ended, or the tail was stopped or failed. */
  readonly onDidEndTail = this.ended.event;

  constructor(private readonly pollIntervalMs: () => number) {}

  private static key(flowName: string, executionName: string): string {
    return `${flowName}/${executionName}`;
  }

  get(flowName: string, executionName: string): TailSession | undefined {
    return this.sessions.get(TailManager.key(flowName, executionName));
  }

  /** The tail started last for `flowName` (a new tail of an execution moves it to the end). */
  latestFor(flowName: string): TailSession | undefined {
    let latest: TailSession | undefined;
    for (const s of this.sessions.values()) if (s.flowName === flowName) latest = s;
    return latest;
  }

  active(): TailSession[] {
    return [...this.sessions.values()].filter((s) => s.running);
  }

  /**
   * Tails an execution, or shows the tail already running for it. A finished tail is replaced
   * by a new one that prints the whole history again in a fresh channel.
   */
  tail(client: FnfClient, flowName: string, executionName: string, targetLabel: string, options: { reveal?: boolean; started?: Execution } = {}): TailSession {
    // `started`: the execution was just started from the editor, announced before its tail runs
    if (options.started) this.started.fire(options.started);
    const key = TailManager.key(flowName, executionName);
    const existing = this.sessions.get(key);
    if (existing?.running) {
      if (options.reveal !== false) existing.channel.show(true);
      return existing;
    }
    existing?.channel.dispose();
    this.sessions.delete(key);
    const channel = executionChannel(key);
    const session: TailSession = new TailSession(client, channel, flowName, executionName, targetLabel, this.pollIntervalMs(), () => this.appended.fire(session));
    this.sessions.set(key, session);
    this.pruneFinished();
    if (options.reveal !== false) channel.show(true);
    this.changed.fire();
    void session.done.then(() => {
      this.changed.fire();
      this.ended.fire(session);
    });
    return session;
  }

  /**
   * Shows the result of a synchronous (Express) execution in its own channel: status, output or
   * error and cause, duration. Returns the lines written.
   */
  showResult(execution: Execution, targetLabel: string, options: { reveal?: boolean } = {}): string[] {
    const key = TailManager.key(execution.FlowName, execution.Name);
    const channel = executionChannel(key);
    this.results.push(channel);
    while (this.results.length > MAX_CHANNELS) this.results.shift()?.dispose();
    const lines = [`── ${vscode.l10n.t('{0} / {1} on {2} (Express, synchronous)', execution.FlowName, execution.Name, targetLabel)} ──`, ...formatSummary(execution, summaryLabels())];
    for (const l of lines) channel.appendLine(l);
    if (options.reveal !== false) channel.show(true);
    this.started.fire(execution);
    return lines;
  }

  /** Keeps at most MAX_CHANNELS channels, closing the oldest finished tails. */
  private pruneFinished(): void {
    for (const [key, s] of this.sessions) {
      if (this.sessions.size <= MAX_CHANNELS) break;
      if (!s.running) {
        s.channel.dispose();
        this.sessions.delete(key);
      }
    }
  }

  dispose(): void {
    for (const s of this.sessions.values()) {
      s.stop();
      s.channel.dispose();
    }
    this.sessions.clear();
    for (const c of this.results) c.dispose();
    this.changed.dispose();
    this.appended.dispose();
    this.started.dispose();
    this.ended.dispose();
  }
}
