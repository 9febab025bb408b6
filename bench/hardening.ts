// Probe of the emulator and the linter under hostile input, races, a full disk, damaged logs and
// a large history; prints one JSON object of counts. Run it against any checkout to compare:
//   node --import tsx bench/hardening.ts [--root DIR] [--history-mib N] [--smallfs DIR]
// --smallfs names an empty, small mounted filesystem (e.g. a 4 MiB tmpfs) for the full-disk probe.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdtemp, rm, writeFile, readdir, open, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';

interface RunningEmulator { endpoint: string; port: number; close(): Promise<void> }
type Start = (o: Record<string, unknown>) => Promise<RunningEmulator>;

async function main(): Promise<void> {
const { values } = parseArgs({ options: { root: { type: 'string' }, 'history-mib': { type: 'string' }, smallfs: { type: 'string' } } });
const root = resolve(values.root ?? '.');
const historyMib = Number(values['history-mib'] ?? 64);

const { startEmulator } = (await import(join(root, 'emulator/src/server.ts'))) as { startEmulator: Start };
const { rpcV1Signature, encodeRpcParams } = (await import(join(root, 'cloud/src/signing/rpcV1.ts'))) as {
  rpcV1Signature: (m: string, p: Record<string, string>, s: string) => string; encodeRpcParams: (p: Record<string, string>) => string;
};
const { tc3Authorization } = (await import(join(root, 'cloud/src/signing/tc3.ts'))) as { tc3Authorization: (i: Record<string, unknown>) => string };
const { runCli } = (await import(join(root, 'cli/src/cli.ts'))) as {
  runCli: (argv: string[], io: { cwd: string; env: NodeJS.ProcessEnv; stdout: (t: string) => void; stderr: (t: string) => void }) => Promise<number>;
};

const FLOW = 'Type: StateMachine\nSpecVersion: v1\nName: p\nStartAt: A\nStates:\n  - Type: Pass\n    Name: A\n    End: true\n';
const quiet = { onError: () => undefined, onWarning: () => undefined };
const tmp = (p: string) => mkdtemp(join(tmpdir(), p));

function send(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error('hang')), 15_000);
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (r) => {
      let text = '';
      r.on('data', (d: Buffer) => (text += d.toString()));
      r.on('end', () => { clearTimeout(t); res({ status: r.statusCode ?? 0, text }); });
    });
    req.on('error', (e) => { clearTimeout(t); rej(e); });
    req.end(body);
  });
}

function signed(action: string, version: string, extra: Record<string, string | undefined> = {}, method = 'GET', secret = 'local-secret'): Record<string, string> {
  const p: Record<string, string> = {
    Action: action, Version: version, Format: 'json', AccessKeyId: 'local', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0',
    SignatureNonce: randomUUID(), Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete p[k]; else p[k] = v;
  p['Signature'] = rpcV1Signature(method, p, secret);
  return p;
}

async function call(port: number, action: string, params: Record<string, string> = {}, method = 'POST'): Promise<{ status: number; body: Record<string, unknown> }> {
  const p = signed(action, '2019-03-15', params, method);
  const r = method === 'GET'
    ? await send(port, 'GET', `/?${encodeRpcParams(p)}`, {})
    : await send(port, 'POST', '/', { 'content-type': 'application/x-www-form-urlencoded' }, encodeRpcParams(p));
  let body: Record<string, unknown> = {};
  try { body = JSON.parse(r.text) as Record<string, unknown>; } catch { body = { raw: r.text }; }
  return { status: r.status, body };
}

const out: Record<string, unknown> = { root };
const tally = { inputs: 0, crashes5xx: 0, hangs: 0, unclear: 0, wronglyAccepted: 0 };

function judge(status: number, text: string, shouldRefuse: boolean): void {
  tally.inputs++;
  if (status >= 500) tally.crashes5xx++;
  let clear = false;
  try {
    const b = JSON.parse(text) as Record<string, unknown>;
    const err = (b['Response'] as Record<string, unknown> | undefined)?.['Error'] as Record<string, unknown> | undefined ?? (status === 200 ? undefined : b);
    clear = status === 200 && !err ? true : typeof err?.['Code'] === 'string' && typeof err['Message'] === 'string';
    if (shouldRefuse && status === 200 && !err) tally.wronglyAccepted++;
  } catch { clear = false; }
  if (!clear) tally.unclear++;
}

// ---- wire
{
  const dir = await tmp('probe-wire-');
  const emu = await startEmulator({ port: 0, dataDir: dir, ...quiet });
  await call(emu.port, 'CreateFlow', { Name: 'f', Definition: FLOW, Description: '', Type: 'FDL' });
  const protos = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];
  for (const a of protos) {
    for (const v of ['2019-03-15', '2020-06-06']) {
      const r = await send(emu.port, 'GET', `/?${encodeRpcParams(signed(a, v))}`, {});
      judge(r.status, r.text, true);
      if (r.text.includes('Signature')) tally.wronglyAccepted++;
    }
    const ts = Math.floor(Date.now() / 1000);
    const headers = { 'content-type': 'application/json; charset=utf-8', host: `127.0.0.1:${emu.port}` };
    const auth = tc3Authorization({ method: 'POST', query: '', headers, payload: '{}', service: 'cynosdb', timestamp: ts, secretId: 'local', secretKey: 'local-secret' });
    const r = await send(emu.port, 'POST', '/', { ...headers, 'x-tc-action': a, 'x-tc-version': '2019-01-07', 'x-tc-timestamp': String(ts), authorization: auth }, '{}');
    judge(r.status, r.text, true);
  }
  for (const m of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
    const r = await send(emu.port, m, `/?${encodeRpcParams(signed('CreateFlow', '2019-03-15', { Name: `m${m}`, Definition: FLOW, Description: '', Type: 'FDL' }, m))}`, {});
    judge(r.status, r.text, true);
  }
  const replay = signed('StartExecution', '2019-03-15', { FlowName: 'f' }, 'POST');
  for (let i = 0; i < 2; i++) {
    const r = await send(emu.port, 'POST', '/', { 'content-type': 'application/x-www-form-urlencoded' }, encodeRpcParams(replay));
    judge(r.status, r.text, i === 1);
  }
  for (const extra of [{ SignatureNonce: undefined }, { SignatureMethod: 'HMAC-SHA256' }, { Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, '') }]) {
    const r = await send(emu.port, 'GET', `/?${encodeRpcParams(signed('ListFlows', '2019-03-15', extra))}`, {});
    judge(r.status, r.text, true);
  }
  const o = await send(emu.port, 'POST', '/', { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, encodeRpcParams(signed('CreateFlow', '2019-03-15', { Name: 'xsite', Definition: FLOW, Description: '', Type: 'FDL' }, 'POST')));
  judge(o.status, o.text, true);
  const h = await send(emu.port, 'GET', `/?${encodeRpcParams(signed('ListFlows', '2019-03-15'))}`, { host: 'evil.example' });
  judge(h.status, h.text, true);
  const up = await send(emu.port, 'PUT', '/cams/uploads/x.json', { 'content-type': 'application/json' }, '{"a":1}');
  judge(up.status, up.text, true);
  const esc = await send(emu.port, 'GET', '/cams/uploads/%E0%A4%A', {});
  judge(esc.status, esc.text, true);
  out['specificRepros'] = { ...tally };

  // random bytes and random requests (the same generators as the property test)
  await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
    const answer = await new Promise<string>((res) => {
      const s = connect(emu.port, '127.0.0.1');
      let a = '';
      const t = setTimeout(() => { tally.hangs++; s.destroy(); res(''); }, 10_000);
      s.on('data', (d: Buffer) => (a += d.toString('latin1')));
      s.on('error', () => undefined);
      s.on('close', () => { clearTimeout(t); res(a); });
      s.end(bytes);
    });
    tally.inputs++;
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
    if (status >= 500) tally.crashes5xx++;
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    if (status !== 0 && !/"Code"/.test(body)) tally.unclear++;
  }), { numRuns: 150, seed: 20261202 });
  await fc.assert(fc.asyncProperty(
    fc.constantFrom('GET', 'POST', 'PUT'), fc.constantFrom('CreateFlow', 'StartExecution', 'DescribeFlow', 'constructor', 'toString', ''),
    fc.dictionary(fc.constantFrom('Name', 'FlowName', 'Input', 'Definition', '__proto__'), fc.string({ maxLength: 30 }), { maxKeys: 4 }),
    async (method, action, params) => {
      const p = signed(action, '2019-03-15', params, method);
      try {
        const r = await send(emu.port, method, `/?${encodeRpcParams(p)}`, {});
        judge(r.status, r.text, false);
      } catch { tally.hangs++; tally.inputs++; }
    }), { numRuns: 300, seed: 20261202 });
  out['wire'] = { ...tally };
  await emu.close();
  await rm(dir, { recursive: true, force: true });
}

// ---- races
{
  const dir = await tmp('probe-race-');
  const emu = await startEmulator({ port: 0, dataDir: dir, timeScale: 0.001, ...quiet });
  const answers = await Promise.all(Array.from({ length: 100 }, () => call(emu.port, 'CreateFlow', { Name: 'race', Definition: FLOW, Description: '', Type: 'FDL' })));
  const acked = answers.filter((a) => a.status === 200).length;
  const creates = Array.from({ length: 20 }, () => call(emu.port, 'CreateFlow', { Name: 'r2', Definition: FLOW, Description: '', Type: 'FDL' }));
  const starts = await Promise.all(Array.from({ length: 120 }, (_, i) => call(emu.port, 'StartExecution', { FlowName: 'r2', ExecutionName: `e${i}` }).then((a) => ({ a, i }))));
  await Promise.all(creates);
  let lostStarts = 0;
  const ackedStarts = starts.filter((s) => s.a.status === 200);
  for (const s of ackedStarts) {
    const d = await call(emu.port, 'DescribeExecution', { FlowName: 'r2', ExecutionName: `e${s.i}` }, 'GET');
    if (d.status !== 200) lostStarts++;
  }
  out['races'] = { concurrentCreateFlowAcked: acked, createFlowAcksLost: acked - 1, startsAcked: ackedStarts.length, startsAckedThen404: lostStarts };
  await emu.close();
  await rm(dir, { recursive: true, force: true });
}

// ---- full disk (a small mounted filesystem)
if (values.smallfs) {
  const dir = values.smallfs;
  for (const f of await readdir(dir)) await rm(join(dir, f), { recursive: true, force: true });
  const emu = await startEmulator({ port: 0, dataDir: dir, timeScale: 0.001, ...quiet });
  await call(emu.port, 'CreateFlow', { Name: 'f', Definition: FLOW, Description: '', Type: 'FDL' });
  const input = JSON.stringify({ pad: 'x'.repeat(20_000) });
  const statuses: Record<string, number> = {};
  const acked: string[] = [];
  for (let i = 0; i < 400; i++) {
    const a = await call(emu.port, 'StartExecution', { FlowName: 'f', ExecutionName: `e${i}`, Input: input });
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    if (a.status === 200) acked.push(`e${i}`);
    else if (Object.keys(statuses).length > 1 && (statuses[a.status] ?? 0) >= 5) break;
  }
  let stuckRunning = 0;
  await new Promise((r) => setTimeout(r, 500));
  for (const n of acked.slice(-5)) {
    const d = await call(emu.port, 'DescribeExecution', { FlowName: 'f', ExecutionName: n }, 'GET');
    if (d.body['Status'] === 'Running') stuckRunning++;
  }
  const refusedVisible = (await call(emu.port, 'DescribeExecution', { FlowName: 'f', ExecutionName: `e${acked.length}` }, 'GET')).body['Status'] ?? 'absent';
  await emu.close().catch(() => undefined);
  // free space: drop the emulator's own history is not allowed; remove nothing but retry start
  let restart = 'ok';
  let lost = 0;
  try {
    const again = await startEmulator({ port: 0, dataDir: dir, ...quiet });
    for (const n of acked) if ((await call(again.port, 'DescribeExecution', { FlowName: 'f', ExecutionName: n }, 'GET')).status !== 200) lost++;
    await again.close();
  } catch (err) {
    restart = `fails: ${(err as Error).message.slice(0, 160)}`;
  }
  out['fullDisk'] = { statuses, acked: acked.length, lastAckedStillRunning: stuckRunning, refusedStartAfterwards: refusedVisible, restart, ackedLostAfterRestart: lost };
}

// ---- damaged logs
{
  const results: Record<string, string> = {};
  const good = JSON.stringify({ k: 'flow', flow: { Name: 'f', Id: 'i', Type: 'FDL', Definition: FLOW, Description: '', RoleArn: '', ExternalStorageLocation: '', ExecutionMode: '', Environment: '', CreatedTime: 't', LastModifiedTime: 't' } });
  const cases: Record<string, Buffer> = {
    nullTail: Buffer.from(`${good}\nnull\n`),
    nullMiddle: Buffer.from(`${good}\nnull\n${good}\n`),
    tornTail: Buffer.from(`${good}\n{"k":"flo`),
    // A byte that is not UTF-8 inside the Description of the first record.
    invalidUtf8Earlier: Buffer.concat([Buffer.from(good.slice(0, good.indexOf('"Description":"') + 15)), Buffer.from([0xff]), Buffer.from(`${good.slice(good.indexOf('"Description":"') + 15)}\n`)]),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    const dir = await tmp('probe-log-');
    await writeFile(join(dir, 'fnf.jsonl'), bytes);
    let outcome = 'ok';
    try {
      for (let i = 0; i < 2; i++) {
        const e = await startEmulator({ port: 0, dataDir: dir, ...quiet });
        await call(e.port, 'CreateFlow', { Name: `g${i}`, Definition: FLOW, Description: '', Type: 'FDL' });
        await e.close();
      }
      const e = await startEmulator({ port: 0, dataDir: dir, ...quiet });
      const flows = (await call(e.port, 'ListFlows', {}, 'GET')).body['Flows'] as { Name: string }[];
      outcome = `ok (${flows.map((f) => f.Name).join(',')})`;
      await e.close();
    } catch (err) {
      outcome = `fails: ${(err as Error).message.slice(0, 140)}`;
    }
    results[name] = outcome;
    await rm(dir, { recursive: true, force: true });
  }
  out['damagedLogs'] = results;
}

// ---- linter
{
  const dir = await tmp('probe-lint-');
  let inner: unknown = { StartAt: 'P', States: [{ Type: 'Pass', Name: 'P', End: true }] };
  for (let i = 499; i >= 0; i--) inner = { StartAt: `M${i}`, States: [{ Type: 'Map', Name: `M${i}`, ItemsPath: '$Input.x', End: true, Processor: inner }] };
  await writeFile(join(dir, 'maps.json'), JSON.stringify({ Type: 'StateMachine', SpecVersion: 'v1', Name: 'd', ...(inner as object) }));
  await writeFile(join(dir, 'cond.yaml'), `Type: StateMachine\nSpecVersion: v1\nName: c\nStartAt: C\nStates:\n  - Type: Choice\n    Name: C\n    Branches:\n      - Condition: ${Array.from({ length: 6000 }, () => '$Input.a == 1').join(' && ')}\n        Next: D\n    Default: D\n  - Type: Succeed\n    Name: D\n`);
  const lint: Record<string, string> = {};
  for (const f of ['maps.json', 'cond.yaml']) {
    let o = '';
    let e = '';
    const code = await runCli(['lint', '--format', 'json', f], { cwd: dir, env: process.env, stdout: (t) => (o += t), stderr: (t) => (e += t) });
    const codes = (JSON.parse(o) as { diagnostics: { code: string }[] }[])[0]?.diagnostics.map((d) => d.code) ?? [];
    lint[f] = `exit ${code}, diagnostics [${codes.join(',')}]${/internal error/.test(e) ? ', internal error on stderr' : ''}`;
  }
  out['lint'] = lint;
  await rm(dir, { recursive: true, force: true });
}

// ---- restart time with a large history (plain JSON lines, which every version reads)
{
  const dir = await tmp('probe-history-');
  const path = join(dir, 'fnf.jsonl');
  const fh = await open(path, 'w');
  const flowRec = (name: string, id: string, rev: number) => JSON.stringify({ k: 'flow', flow: { Name: name, Id: id, Type: 'FDL', Definition: FLOW, Description: `rev ${rev}`, RoleArn: '', ExternalStorageLocation: '', ExecutionMode: '', Environment: '', CreatedTime: 't', LastModifiedTime: 't' } });
  const input = JSON.stringify({ items: Array.from({ length: 40 }, (_, i) => ({ i, name: `item-${i}` })) });
  let bytes = 0;
  let n = 0;
  let chunk: string[] = [];
  const target = historyMib * 1024 * 1024;
  // Mostly garbage: flows created, run and deleted; 1 flow in 50 stays with its executions.
  while (bytes < target) {
    const id = `id${n}`;
    const keep = n % 50 === 0;
    const lines = [flowRec(keep ? `keep${n}` : `tmp${n}`, id, 0), flowRec(keep ? `keep${n}` : `tmp${n}`, id, 1)];
    for (let e = 0; e < 3; e++) {
      const exec = { FlowName: `f${n}`, FlowId: id, Name: `e${e}`, Status: 'Running', Input: input, Output: '', FlowDefinition: FLOW, StartedTime: 't', StoppedTime: '', ErrorCode: '', ErrorMessage: '', Mode: 'Standard', Environment: '' };
      lines.push(JSON.stringify({ k: 'execStarted', exec }));
      for (let v = 1; v <= 4; v++) lines.push(JSON.stringify({ k: 'event', flowId: id, exec: `e${e}`, event: { EventId: v, ScheduleEventId: v - 1, Type: 'StepEntered', StepName: 'A', Time: 't', EventDetail: JSON.stringify({ input: JSON.parse(input) }) } }));
      lines.push(JSON.stringify({ k: 'execEnded', flowId: id, exec: `e${e}`, status: 'Succeeded', output: input, stoppedTime: 't', errorCode: '', errorMessage: '' }));
    }
    if (!keep) lines.push(JSON.stringify({ k: 'flowDeleted', id }));
    const text = lines.join('\n') + '\n';
    chunk.push(text);
    bytes += Buffer.byteLength(text);
    n++;
    if (chunk.length >= 200) { await fh.write(chunk.join('')); chunk = []; }
  }
  await fh.write(chunk.join(''));
  await fh.close();
  const times: Record<string, string> = { historyMiB: (bytes / 1048576).toFixed(0) };
  for (const label of ['firstStart', 'secondStart']) {
    const t0 = performance.now();
    try {
      const e = await startEmulator({ port: 0, dataDir: dir, ...quiet });
      times[label] = `${((performance.now() - t0) / 1000).toFixed(2)} s`;
      await e.close();
    } catch (err) {
      times[label] = `fails after ${((performance.now() - t0) / 1000).toFixed(2)} s: ${(err as Error).message.slice(0, 120)}`;
    }
    const { size } = await stat(path);
    times[`${label}LogMiB`] = (size / 1048576).toFixed(1);
  }
  out['restart'] = times;
  await rm(dir, { recursive: true, force: true });
}

process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
