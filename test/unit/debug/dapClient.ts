// A small Debug Adapter Protocol client for tests: talks to a FlowDebugSession in this process
// (its handleMessage/onDidSendMessage, as VS Code's inline adapters do) or to an adapter process
// over Content-Length framed stdio. Events queue up until a test takes them, in order.
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { FlowDebugSession } from '../../../debug/src';

type Message = DebugProtocol.ProtocolMessage;

/** Fails a test that waits for something that never comes, instead of hanging the run. */
const GIVE_UP_MS = 20_000;

export class DapClient {
  private seq = 1;
  private readonly pending = new Map<number, (r: DebugProtocol.Response) => void>();
  /** Every event received, in order; `taken` marks the ones a test has consumed. */
  readonly events: DebugProtocol.Event[] = [];
  private readonly taken = new Set<DebugProtocol.Event>();
  private waiters: (() => void)[] = [];
  readonly output: string[] = [];

  private constructor(private readonly send: (m: Message) => void) {}

  static inProcess(session: FlowDebugSession): DapClient {
    const client = new DapClient((m) => session.handleMessage(m));
    session.onDidSendMessage((m) => client.receive(m as Message));
    return client;
  }

  static overStreams(write: (data: string) => void, onData: (listener: (chunk: Buffer) => void) => void): DapClient {
    const client = new DapClient((m) => {
      const body = JSON.stringify(m);
      write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    let buffer = Buffer.alloc(0);
    onData((chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const m = /Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'));
        if (!m) throw new Error(`bad DAP header: ${buffer.subarray(0, headerEnd).toString()}`);
        const length = Number(m[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
        buffer = buffer.subarray(headerEnd + 4 + length);
        client.receive(JSON.parse(body) as Message);
      }
    });
    return client;
  }

  private receive(m: Message): void {
    if (m.type === 'response') {
      const r = m as DebugProtocol.Response;
      this.pending.get(r.request_seq)?.(r);
      this.pending.delete(r.request_seq);
      return;
    }
    if (m.type === 'event') {
      const e = m as DebugProtocol.Event;
      this.events.push(e);
      if (e.event === 'output') this.output.push((e as DebugProtocol.OutputEvent).body.output);
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }

  /** Sends a request; resolves to its response, successful or not. */
  request(command: string, args?: unknown): Promise<DebugProtocol.Response> {
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no response to ${command}`)), GIVE_UP_MS);
      this.pending.set(seq, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.send({ seq, type: 'request', command, arguments: args } as DebugProtocol.Request);
    });
  }

  /** Sends a request that must succeed; resolves to its body. */
  async ok<T = Record<string, unknown>>(command: string, args?: unknown): Promise<T> {
    const r = await this.request(command, args);
    if (!r.success) throw new Error(`${command} failed: ${r.message ?? ''} ${JSON.stringify(r.body ?? {})}`);
    return r.body as T;
  }

  /** The next event of that name (and matching `predicate`) not taken yet, waiting for it if needed. */
  async next<E extends DebugProtocol.Event = DebugProtocol.Event>(name: string, predicate: (e: E) => boolean = () => true): Promise<E> {
    const deadline = Date.now() + GIVE_UP_MS;
    for (;;) {
      const found = this.events.find((e) => !this.taken.has(e) && e.event === name && predicate(e as E));
      if (found) {
        this.taken.add(found);
        return found as E;
      }
      if (Date.now() > deadline) throw new Error(`no ${name} event came; events: ${this.events.map((e) => e.event).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, GIVE_UP_MS);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  stopped(): Promise<DebugProtocol.StoppedEvent> {
    return this.next<DebugProtocol.StoppedEvent>('stopped');
  }

  /** The top frame of a thread's stack. */
  async topFrame(threadId: number): Promise<DebugProtocol.StackFrame> {
    const { stackFrames } = await this.ok<DebugProtocol.StackTraceResponse['body']>('stackTrace', { threadId });
    return stackFrames[0]!;
  }

  async stack(threadId: number): Promise<string[]> {
    const { stackFrames } = await this.ok<DebugProtocol.StackTraceResponse['body']>('stackTrace', { threadId });
    return stackFrames.map((f) => f.name);
  }

  /** Name -> value of the first scope's variables of a frame. */
  async variables(frameId: number): Promise<Map<string, DebugProtocol.Variable>> {
    const { scopes } = await this.ok<DebugProtocol.ScopesResponse['body']>('scopes', { frameId });
    const { variables } = await this.ok<DebugProtocol.VariablesResponse['body']>('variables', {
      variablesReference: scopes[0]!.variablesReference,
    });
    return new Map(variables.map((v) => [v.name, v]));
  }

  async evaluate(expression: string, frameId: number, context = 'repl'): Promise<string> {
    const body = await this.ok<DebugProtocol.EvaluateResponse['body']>('evaluate', { expression, frameId, context });
    return body.result;
  }
}
