// Sorts the samples of a V8 CPU profile into the stages of one StartSyncExecution (of the client's
// process, the emulator's, or both in one), so the time of a run reads as a table of where it goes.
import type { Profiler } from 'node:inspector';

/** A stage and the frames (function name or script URL fragments) whose presence on the stack marks it. */
interface Stage {
  readonly name: string;
  readonly marks: readonly string[];
}

// First match wins, so code shared by both sides (the RPC v1 functions) is counted by its caller.
const STAGES: readonly Stage[] = [
  { name: 'emulator: signature check (HMAC-SHA1, nonce registry)', marks: ['authenticate.ts', 'nonces.ts'] },
  { name: 'client: signing (RPC v1, canonical query, form encoding)', marks: ['signRpcV1', 'encodeRpcParams'] },
  { name: 'emulator: persistence (record encoding, CRC, write, fsync)', marks: ['appendLog.ts', 'recordFormat.ts', 'fnfStore.ts'] },
  { name: 'emulator: history building', marks: ['engine/history.ts'] },
  { name: 'emulator: engine run', marks: ['/emulator/src/engine/'] },
  { name: 'emulator: body and query parsing', marks: ['transport/request.ts', 'classify.ts'] },
  { name: 'emulator: response serialisation', marks: ['sendSuccess', 'sendJson'] },
  { name: 'emulator: Host/Origin checks', marks: ['guard.ts'] },
  { name: 'emulator: flow lookup, parameters, execution manager', marks: ['/api/fnf/', 'executions/manager.ts', 'api/product.ts'] },
  { name: 'emulator: dispatch (other)', marks: ['dispatch.ts'] },
  { name: 'emulator side: node:http (parse, write)', marks: ['_http_server', '_http_incoming', '_http_outgoing', '_http_common'] },
  { name: 'client: undici', marks: ['undici'] },
  { name: 'client: caller (retries, parse, convert)', marks: ['/cloud/src/'] },
];

export interface StageTime {
  readonly stage: string;
  readonly ms: number;
  /** Share of the time the main thread was busy. */
  readonly busyShare: number;
}

/**
 * `window` (microseconds of the monotonic clock, as `process.hrtime.bigint() / 1000n` in any
 * process of this machine) keeps only the samples taken inside it, e.g. a child's measured part.
 */
export function stageTable(profile: Profiler.Profile, window?: { fromUs: number; toUs: number }): { idleMs: number; busyMs: number; stages: StageTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const totals = new Map<string, number>();
  let idle = 0;
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const leaf = byId.get(samples[i] as number);
    const fn = leaf?.callFrame.functionName ?? '';
    if (fn === '(idle)') {
      idle += ms;
      continue;
    }
    let stage = fn === '(garbage collector)' ? 'garbage collection' : undefined;
    if (!stage) {
      const frames: string[] = [];
      for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
        const f = byId.get(id)?.callFrame;
        if (f) frames.push(`${f.functionName} ${f.url}`);
      }
      stage = STAGES.find((s) => frames.some((f) => s.marks.some((m) => f.includes(m))))?.name ?? 'other (Node internals, promises, timers)';
    }
    totals.set(stage, (totals.get(stage) ?? 0) + ms);
  }
  const busy = [...totals.values()].reduce((a, b) => a + b, 0);
  const stages = [...totals].map(([stage, ms]) => ({ stage, ms, busyShare: ms / busy })).sort((a, b) => b.ms - a.ms);
  return { idleMs: idle, busyMs: busy, stages };
}
