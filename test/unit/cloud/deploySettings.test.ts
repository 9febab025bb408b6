import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesDeployedAs, findDeploySettings, flowKey, getDeploySettings, readFlowsFile, saveDeploySettings } from '../../../cloud/src/fnf/deploySettings';
import { scratchDir } from '../scratchDir';

describe('.flowdeck/flows.json', () => {
  test('a missing file holds no settings', async (t) => {
    const ws = scratchDir(t, 'fd-flows-');
    assert.deepEqual(await readFlowsFile(ws), { flows: {} });
    assert.equal(await getDeploySettings(ws, join(ws, 'a.flow.yaml')), undefined);
  });

  test('settings are stored per file, relative to the workspace, and read back', async (t) => {
    const ws = scratchDir(t, 'fd-flows-');
    const file = join(ws, 'flows', 'orders.flow.yaml');
    assert.equal(flowKey(ws, file), 'flows/orders.flow.yaml');
    await saveDeploySettings(ws, file, { name: 'orders', executionMode: 'Express', description: 'Orders' });
    await saveDeploySettings(ws, join(ws, 'a.flow.yaml'), { name: 'a', executionMode: 'Standard', roleArn: 'acs:ram::1:role/x' });
    assert.deepEqual(await getDeploySettings(ws, file), { name: 'orders', executionMode: 'Express', description: 'Orders' });
    const text = await readFile(join(ws, '.flowdeck', 'flows.json'), 'utf8');
    assert.deepEqual(Object.keys((JSON.parse(text) as { flows: object }).flows), ['a.flow.yaml', 'flows/orders.flow.yaml'], 'keys are sorted, so diffs stay small');
    assert.deepEqual(await filesDeployedAs(ws, 'orders'), [file]);
    assert.deepEqual(await filesDeployedAs(ws, 'nothing'), []);
  });

  test('outside the editor, the nearest flows.json above a file holds its settings, as git finds its repository', async (t) => {
    const ws = scratchDir(t, 'fd-flows-');
    const deep = join(ws, 'flows', 'orders', 'orders.flow.yaml');
    await saveDeploySettings(ws, deep, { name: 'orders', executionMode: 'Express' });
    assert.deepEqual(findDeploySettings(deep), { path: join(ws, '.flowdeck', 'flows.json'), settings: { name: 'orders', executionMode: 'Express' } });
    assert.equal(findDeploySettings(join(ws, 'flows', 'other.flow.yaml')), undefined, 'no entry for the file');
    // A nearer one decides, even without an entry for the file.
    await saveDeploySettings(join(ws, 'flows'), join(ws, 'flows', 'x.flow.yaml'), { name: 'x', executionMode: 'Standard' });
    assert.equal(findDeploySettings(deep), undefined);
    assert.equal(findDeploySettings(join(ws, 'flows', 'x.flow.yaml'))?.settings.name, 'x');
    const bare = scratchDir(t, 'fd-flows-');
    assert.equal(findDeploySettings(join(bare, 'a.flow.yaml')), undefined, 'none up to the root');
  });

  test('a damaged file is an error that says how to fix it', async (t) => {
    const ws = scratchDir(t, 'fd-flows-');
    await mkdir(join(ws, '.flowdeck'));
    await writeFile(join(ws, '.flowdeck', 'flows.json'), '{ "flows": ');
    await assert.rejects(readFlowsFile(ws), /not valid JSON .*fix or delete it/);
    await writeFile(join(ws, '.flowdeck', 'flows.json'), '{"flows": {"a.flow.yaml": {"name": "a", "executionMode": "Fast"}}}');
    await assert.rejects(readFlowsFile(ws), /"executionMode" must be "Standard" or "Express"/);
    await writeFile(join(ws, '.flowdeck', 'flows.json'), '[]');
    await assert.rejects(readFlowsFile(ws), /must look like/);
  });

  test('an entry without a mode is Standard, as the service treats an empty mode', async (t) => {
    const ws = scratchDir(t, 'fd-flows-');
    await mkdir(join(ws, '.flowdeck'));
    await writeFile(join(ws, '.flowdeck', 'flows.json'), '{"flows": {"a.flow.yaml": {"name": "a", "roleArn": ""}}}');
    assert.deepEqual(await getDeploySettings(ws, join(ws, 'a.flow.yaml')), { name: 'a', executionMode: 'Standard' });
  });
});
