// A distributed Map, in the documented order: read the items (ItemsPath, or ItemReader from the
// object store), build each with ItemConstructor, keep MaxItems, group them with ItemBatcher, run
// each item or batch as a child execution of a MapRun in ProcessorConfig.ExecutionMode (at most
// the MapRun's concurrency at once, which UpdateMapRun may change), tolerate failures up to
// ToleratedFailureCount/Percentage, and return the results or write them with ResultWriter.
import type { CancelSignal } from '../cancel';
import { abortReason } from '../clock';
import { EngineErrors, FlowFailure } from '../errors';
import { evaluate } from '../expressions/evaluate';
import { jsonBytes, typeName } from '../json';
import { inProcessMapRuns } from '../mapRuns';
import type { Runtime } from '../runtime';
import type { JsonValue, MapRunSession, RunResult } from '../types';
import type { Trail } from '../history';
import type { Frame } from './frame';
import { readItems } from './itemReader';
import type { DistributedMap, MapState } from './model';

interface ChildOutcome {
  readonly index: number;
  readonly result: RunResult;
}

export async function runDistributedMap(rt: Runtime, state: MapState, d: DistributedMap, frame: Frame, trail: Trail, signal: CancelSignal): Promise<JsonValue> {
  let items = d.reader ? await readItems(rt.objects, d.reader, state.name) : itemsFromInput(state, frame);
  if (state.itemConstructor) {
    const build = state.itemConstructor;
    items = items.map((item) => {
      frame.item = item;
      return build(frame.vars);
    });
  }
  if (d.maxItems > 0) items = items.slice(0, d.maxItems);
  checkItemQuota(items.length, rt.limits.maxMapRunItems ?? DEFAULT_ITEM_QUOTA, state.name);
  const inputs = d.batcher ? batches(items, d.batcher) : items;

  const host = rt.mapRuns ?? inProcessMapRuns({ tasks: rt.tasks, clock: rt.clock, timeScale: rt.timeScale, limits: rt.limits, objects: rt.objects }, rt.createRun);
  const run = await host.start({
    flowName: rt.flowName, executionName: rt.executionName, stateName: state.name, definition: d.processorDefinition, mode: d.mode,
    total: inputs.length, concurrency: state.concurrency, toleratedFailureCount: d.toleratedFailureCount, toleratedFailurePercentage: d.toleratedFailurePercentage,
  });
  // The parent's history names the MapRun, so its child executions can be found (ListExecutions MapRunName).
  const mapTrail: Trail = { last: trail.last };
  rt.log.emit(mapTrail, 'IterationEntered', state.name, { mapRunName: run.name, items: inputs.length, mode: d.mode });
  const outcomes = await runChildren(run, inputs, signal);
  const failedCount = outcomes.filter((o) => o.result.status !== 'Succeeded').length;
  rt.log.emit(mapTrail, 'IterationExited', state.name, { mapRunName: run.name, succeeded: outcomes.length - failedCount, failed: failedCount });
  if (signal.aborted) {
    await run.end('Aborted');
    throw abortReason(signal);
  }
  const failed = outcomes.filter((o) => o.result.status !== 'Succeeded');
  if (overTolerance(run, failed.length, inputs.length)) {
    await run.end('Failed');
    const first = failed[0] as ChildOutcome;
    throw new FlowFailure(
      EngineErrors.mapRunFailed,
      `state "${state.name}": MapRun ${run.name}: ${failed.length} of ${inputs.length} child executions failed, more than tolerated ` +
        `(ToleratedFailureCount ${run.settings().toleratedFailureCount}, ToleratedFailurePercentage ${run.settings().toleratedFailurePercentage}); ` +
        `the first, item ${first.index}, ended with ${first.result.error ?? first.result.status}: ${first.result.cause ?? ''}`,
    );
  }
  await run.end('Succeeded');
  const results: JsonValue[] = new Array<JsonValue>(inputs.length).fill(null);
  for (const o of outcomes) if (o.result.status === 'Succeeded') results[o.index] = o.result.output ?? null;
  if (!d.writer) return { Items: results };
  return writeResults(rt, d.writer, run.name, outcomes, inputs.length);
}

/** loop-map page: "The default maximum is 10,000 iterations. To increase the quota up to 1,000,000, submit a ticket." */
const DEFAULT_ITEM_QUOTA = 10_000;

function checkItemQuota(count: number, quota: number, stateName: string): void {
  if (count <= quota) return;
  throw new FlowFailure(
    EngineErrors.limitExceeded,
    `state "${stateName}": the Map has ${count} items, more than the ${quota} one MapRun may process (the MaxItems quota: ` +
      `10000 by default, raised up to 1000000 by ticket); set MaxItems to process only the first ones, or split the input`,
  );
}

function itemsFromInput(state: MapState, frame: Frame): JsonValue[] {
  const items = evaluate(state.itemsPath as NonNullable<MapState['itemsPath']>, frame.vars);
  if (!Array.isArray(items)) {
    throw new FlowFailure(
      EngineErrors.expression,
      `state "${state.name}": ItemsPath ${JSON.stringify(state.itemsPath?.text)} must evaluate to an array, got ${typeName(items)}`,
    );
  }
  return items;
}

/** `{ Items: [...] }` plus BatchInput's fields, each batch within both limits (and never empty). */
function batches(items: JsonValue[], b: NonNullable<DistributedMap['batcher']>): JsonValue[] {
  const extra = b.batchInput !== undefined && b.batchInput !== null && typeof b.batchInput === 'object' && !Array.isArray(b.batchInput) ? b.batchInput : {};
  const out: JsonValue[] = [];
  let current: JsonValue[] = [];
  const input = (list: JsonValue[]): JsonValue => ({ ...extra, Items: list });
  for (const item of items) {
    const next = [...current, item];
    const tooMany = b.maxItems !== undefined && next.length > b.maxItems;
    const tooBig = b.maxBytes !== undefined && current.length > 0 && jsonBytes(input(next)) > b.maxBytes;
    if (tooMany || tooBig) {
      out.push(input(current));
      current = [item];
    } else current = next;
  }
  if (current.length > 0) out.push(input(current));
  return out;
}

function overTolerance(run: MapRunSession, failed: number, total: number): boolean {
  if (failed === 0) return false;
  const s = run.settings();
  return failed > s.toleratedFailureCount && (total === 0 || (failed / total) * 100 > s.toleratedFailurePercentage);
}

/** Runs every child, at most the MapRun's current concurrency at once; stops starting new ones once too many failed. */
function runChildren(run: MapRunSession, inputs: JsonValue[], signal: CancelSignal): Promise<ChildOutcome[]> {
  const outcomes: ChildOutcome[] = [];
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  return new Promise<ChildOutcome[]>((resolve) => {
    let next = 0;
    let running = 0;
    let failed = 0;
    const pump = (): void => {
      const stopping = controller.signal.aborted || overTolerance(run, failed, inputs.length);
      while (!stopping && next < inputs.length && running < Math.max(1, run.settings().concurrency)) {
        const index = next++;
        running++;
        run.runChild(index, inputs[index] as JsonValue, controller.signal)
          .catch((err: unknown): RunResult => ({ status: 'Failed', error: 'FnF.InternalError', cause: err instanceof Error ? err.message : String(err) }))
          .then((result) => {
            outcomes.push({ index, result });
            if (result.status !== 'Succeeded') failed++;
            running--;
            // Past the tolerance the MapRun fails: stop the children still running.
            if (overTolerance(run, failed, inputs.length)) controller.abort();
            pump();
          }, () => undefined);
      }
      if (running === 0 && (stopping || next >= inputs.length)) {
        signal.removeEventListener('abort', onAbort);
        resolve(outcomes.sort((a, b) => a.index - b.index));
      }
    };
    pump();
  });
}

/** ResultWriter: every child's outcome as one JSON object under `<Prefix><MapRunName>/`. */
async function writeResults(rt: Runtime, writer: NonNullable<DistributedMap['writer']>, mapRunName: string, outcomes: ChildOutcome[], total: number): Promise<JsonValue> {
  if (!rt.objects) {
    throw new FlowFailure(EngineErrors.itemReader, `ResultWriter: this run has no object store to write ${writer.bucket}/${writer.prefix} to`);
  }
  const key = `${writer.prefix}${mapRunName}/results.json`;
  const body = {
    MapRunName: mapRunName,
    Total: total,
    Results: outcomes.map((o) => ({
      Index: o.index, Status: o.result.status,
      ...(o.result.status === 'Succeeded' ? { Output: o.result.output ?? null } : { Error: o.result.error ?? '', Cause: o.result.cause ?? '' }),
    })),
  };
  await rt.objects.put(writer.bucket, key, JSON.stringify(body, null, 2));
  return { ResultWriterDetails: { Bucket: writer.bucket, Key: key } };
}
