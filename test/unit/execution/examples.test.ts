// The sample flows in examples/ are clean for the language service and run on the emulator
// with their saved inputs, each ending the way its input is meant to show.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/service/languageService';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/server';
import { FnfClient } from '../../../cloud/src/fnf/client';
import { staticCredentials } from '../../../cloud/src/credentials';
import type { Execution, HistoryEvent, JsonObject } from '../../../cloud/src/fnf/types';
import { readFlowsFile } from '../../../cloud/src/fnf/deploySettings';
import { checkInput } from '../../../client/src/execution/workspace/inputs';
import { tempDir } from '../scratchDir';

const examples = join(__dirname, '..', '..', '..', 'examples');
const FLOWS = { 'order-processing': 'order-processing.flow.yaml', 'express-quote': 'express-quote.flow.yaml' } as const;

async function savedInput(flow: string, name: string): Promise<JsonObject> {
  const check = checkInput(await readFile(join(examples, '.flowdeck', 'inputs', flow, `${name}.json`), 'utf8'));
  assert.ok(check.ok, `${flow}/${name}.json is a JSON object`);
  return check.value as JsonObject;
}

describe('examples/', () => {
  let emulator: RunningEmulator;
  let client: FnfClient;
  let dataDir: Awaited<ReturnType<typeof tempDir>>;

  before(async () => {
    dataDir = await tempDir('fd-examples-');
    emulator = await startEmulator({ dataDir: dataDir.path, workspaceDir: examples, port: 0 });
    client = new FnfClient({ endpoint: emulator.endpoint, credentials: staticCredentials('local', 'local-secret') });
  });
  after(async () => {
    await client.close();
    await emulator.close();
    await dataDir.remove();
  });

  test('every sample flow has no error or warning from the language service', async () => {
    const service = createLanguageService();
    for (const file of Object.values(FLOWS)) {
      const doc = TextDocument.create(`file:///examples/${file}`, 'fdl', 1, await readFile(join(examples, file), 'utf8'));
      const problems = service.validate(doc).filter((d) => d.severity === 1 || d.severity === 2);
      assert.deepEqual(problems.map((d) => `${file}:${d.range.start.line + 1}: ${d.message}`), []);
    }
  });

  test('the committed .flowdeck/flows.json names the Express flow as Express', async () => {
    const { flows } = await readFlowsFile(examples);
    assert.deepEqual(flows['express-quote.flow.yaml']?.executionMode, 'Express');
  });

  test('deploys, and every saved order input ends as it should', async () => {
    const order = await client.deployFlow({ Name: 'order-processing', Definition: await readFile(join(examples, FLOWS['order-processing']), 'utf8'), ExecutionMode: 'Standard' });
    assert.equal(order.flow.ExecutionMode, 'Standard');
    const inputs = (await readdir(join(examples, '.flowdeck', 'inputs', 'order-processing'))).map((f) => f.replace(/\.json$/, '')).sort();
    assert.deepEqual(inputs, ['busy-gateway', 'declined-card', 'no-customer', 'small-order']);
    const run = async (name: string): Promise<{ execution: Execution; events: HistoryEvent[] }> => {
      const started = await client.startExecution({ FlowName: 'order-processing', ExecutionName: `example-${name}`, Input: await savedInput('order-processing', name) });
      // long-poll until it ends, then read the whole history
      let execution = await client.describeExecution({ FlowName: 'order-processing', ExecutionName: started.Name, WaitTimeSeconds: 30 });
      while (execution.Status === 'Running' || execution.Status === 'Starting') {
        execution = await client.describeExecution({ FlowName: 'order-processing', ExecutionName: started.Name, WaitTimeSeconds: 30 });
      }
      const events: HistoryEvent[] = [];
      for await (const e of client.getExecutionHistory({ FlowName: 'order-processing', ExecutionName: started.Name, Limit: 999 })) events.push(e);
      return { execution, events };
    };

    const small = await run('small-order');
    assert.equal(small.events.at(-1)?.Type, 'ExecutionSucceeded');
    assert.deepEqual(small.execution.Output, { warehouse: 'hangzhou-1', payment: { paymentId: 'pay-c-1001-5700', charged: 57 } });
    assert.equal(small.events.filter((e) => e.Type === 'IterationEntered').length, 2, 'the Map prices both lines');

    const busy = await run('busy-gateway');
    assert.equal(busy.events.at(-1)?.Type, 'ExecutionSucceeded', 'the Retry recovers from the busy gateway');
    assert.equal(busy.events.filter((e) => e.Type === 'TaskFailed' && e.StepName === 'ChargePayment').length, 1);

    const declined = await run('declined-card');
    assert.equal(declined.events.at(-1)?.Type, 'ExecutionFailed', 'the Catch leads to PaymentDeclined');
    assert.ok(declined.events.some((e) => e.Type === 'StepEntered' && e.StepName === 'PaymentDeclined'));

    const rejected = await run('no-customer');
    assert.equal(rejected.events.at(-1)?.Type, 'ExecutionFailed');
    assert.ok(rejected.events.some((e) => e.Type === 'StepEntered' && e.StepName === 'RejectOrder'), 'the Choice rejects an order without a customer');
  });

  test('the Express flow answers each saved input synchronously', async () => {
    await client.deployFlow({ Name: 'express-quote', Definition: await readFile(join(examples, FLOWS['express-quote']), 'utf8'), ExecutionMode: 'Express' });
    const parcel = await client.startSyncExecution({ FlowName: 'express-quote', ExecutionName: 'parcel', Input: await savedInput('express-quote', 'parcel') });
    assert.equal(parcel.Status, 'Succeeded');
    assert.deepEqual(parcel.Output, { service: 'courier', days: 1, destination: 'Shanghai' });
    const pallet = await client.startSyncExecution({ FlowName: 'express-quote', ExecutionName: 'pallet', Input: await savedInput('express-quote', 'pallet') });
    assert.deepEqual(pallet.Output, { service: 'freight', days: 5, destination: 'Chengdu' });
  });
});
