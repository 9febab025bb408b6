// Task executors against real local servers and modules: HTTP:Request, FC functions behind an
// http URL, callback-style handlers, configuration errors; and a documented flow end to end.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JsonValue } from '../../../emulator/src/engine';
import { createWorkspaceTasks, parseEmulatorConfig } from '../../../emulator/src/tasks';
import { flow, loadFlow, run, start, until, WORKSPACE } from './helpers';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base = '';
const seen: Seen[] = [];

before(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/json') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ got: body ? JSON.parse(body) : null }));
      } else if (req.url === '/text') {
        res.writeHead(201, { 'content-type': 'text/plain' }).end('hello world');
      } else if (req.url === '/fn') {
        const event = JSON.parse(body) as { n: number };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ doubled: event.n * 2 }));
      } else if (req.url === '/fn-error') {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errorType: 'QuotaError', errorMessage: 'no quota' }));
      } else {
        res.writeHead(503).end('busy');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const httpTask = (parameters: Record<string, JsonValue>, extra: Record<string, JsonValue> = {}): JsonValue =>
  flow([{ Type: 'Task', Name: 'Call', Action: 'HTTP:Request', Parameters: parameters, End: true, ...extra }]);

describe('HTTP:Request', () => {
  test('sends an object body as JSON and wraps the response as { Header, Code, Body }', async () => {
    const { result } = await run(
      httpTask({ url: `${base}/json`, method: 'Post', headers: { 'x-trace': 'abc' }, 'body.$': '$Input' }),
      { input: { a: 1 } },
    );
    const output = result.output as { Header: Record<string, string>; Code: number; Body: JsonValue };
    assert.equal(output.Code, 200);
    assert.deepEqual(output.Body, { got: { a: 1 } });
    assert.equal(output.Header['content-type'], 'application/json');
    const request = seen.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.headers['x-trace'], 'abc');
    assert.equal(request.headers['content-type'], 'application/json');
  });

  test('a text response stays a string; a string body is sent as is', async () => {
    const { result } = await run(httpTask({ url: `${base}/text`, method: 'PUT', body: 'raw text' }));
    assert.deepEqual(result.output, {
      Header: (result.output as { Header: JsonValue }).Header,
      Code: 201,
      Body: 'hello world',
    });
    assert.equal(seen.at(-1)!.body, 'raw text');
  });

  test('WaitForCustomCallback sends the task token in X-FnF-Http-Callback-Task-Token and waits for the report', async () => {
    const { handle, finished } = start(
      httpTask({ url: `${base}/json`, method: 'POST', body: {} }, { TaskMode: 'WaitForCustomCallback' }),
      {
        newTaskToken: () => 'http-token',
      },
    );
    await until(
      () => seen.some((r) => r.headers['x-fnf-http-callback-task-token'] === 'http-token'),
      'the callback request',
    );
    await until(() => handle.pendingTaskTokens().includes('http-token'), 'the callback wait');
    handle.reportTaskSucceeded('http-token', { done: true });
    assert.deepEqual((await finished).result.output, { done: true });
  });

  test('non-2xx fails with HTTP.<status>', async () => {
    const { result } = await run(httpTask({ url: `${base}/busy`, method: 'GET' }));
    assert.equal(result.error, 'HTTP.503');
    assert.match(result.cause!, /GET .*\/busy returned HTTP 503: busy/);
  });

  test('bad parameters say what is expected', async () => {
    const { result } = await run(httpTask({ url: 'example.com', method: 'GET' }));
    assert.equal(result.error, 'HTTP.InvalidParameters');
    assert.match(result.cause!, /url must be a full http\(s\) URL/);
  });
});

describe('FC functions behind a URL', () => {
  const config = (): ReturnType<typeof parseEmulatorConfig> =>
    parseEmulatorConfig({ functions: { double: `${base}/fn`, broken: `${base}/fn-error` } }, WORKSPACE);
  const invoke = (fn: string): JsonValue =>
    flow([
      {
        Type: 'Task',
        Name: 'F',
        Action: 'FC:InvokeFunction',
        Parameters: {
          resourceArn: `acs:fc:cn-hangzhou:1:functions/${fn}`,
          invocationType: 'Sync',
          body: { 'n.$': '$Input.n' },
        },
        End: true,
      },
    ]);

  test('POSTs the body and returns { Body: <response JSON> }', async () => {
    const { result } = await run(invoke('double'), {
      input: { n: 21 },
      tasks: createWorkspaceTasks({ config: config() }),
    });
    assert.deepEqual(result.output, { Body: { doubled: 42 } });
  });

  test('an error response fails with its errorType', async () => {
    const { result } = await run(invoke('broken'), {
      input: { n: 1 },
      tasks: createWorkspaceTasks({ config: config() }),
    });
    assert.equal(result.error, 'QuotaError');
  });
});

describe('emulator configuration', () => {
  test('the workspace file and handler modules are read again when they change', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowdeck-tasks-'));
    try {
      await mkdir(join(dir, '.flowdeck'));
      await writeFile(join(dir, 'h.js'), 'exports.handler = async () => ({ version: 1 });');
      await writeFile(join(dir, '.flowdeck', 'emulator.json'), JSON.stringify({ functions: { fn: './h.js' } }));
      const tasks = createWorkspaceTasks({ workspaceDir: dir });
      const definition = flow([
        {
          Type: 'Task',
          Name: 'T',
          Action: 'FC:InvokeFunction',
          Parameters: { resourceArn: 'acs:fc:::services/s/functions/fn' },
          End: true,
        },
      ]);
      assert.deepEqual((await run(definition, { tasks })).result.output, { Body: { version: 1 } });
      await writeFile(join(dir, 'h.js'), 'exports.handler = async () => ({ version: 2 });');
      await utimes(join(dir, 'h.js'), new Date(), new Date(Date.now() + 5000));
      assert.deepEqual((await run(definition, { tasks })).result.output, { Body: { version: 2 } });
      await writeFile(
        join(dir, '.flowdeck', 'emulator.json'),
        JSON.stringify({ functions: {}, mocks: { 'FC:InvokeFunction': { output: 'mocked' } } }),
      );
      await utimes(join(dir, '.flowdeck', 'emulator.json'), new Date(), new Date(Date.now() + 5000));
      assert.equal((await run(definition, { tasks })).result.output, 'mocked');
      await writeFile(join(dir, '.flowdeck', 'emulator.json'), '{ not json');
      await utimes(join(dir, '.flowdeck', 'emulator.json'), new Date(), new Date(Date.now() + 10000));
      const broken = (await run(definition, { tasks })).result;
      assert.equal(broken.error, 'FnF.TaskNotConfigured');
      assert.match(broken.cause!, /emulator\.json: not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('rejects malformed entries with the key and the expected shape', () => {
    assert.throws(
      () => parseEmulatorConfig({ functions: { f: 3 } }, WORKSPACE),
      /functions\["f"\] must be a module path/,
    );
    assert.throws(
      () => parseEmulatorConfig({ mocks: { 'A:B': { result: 1 } } }, WORKSPACE),
      /mocks\["A:B"\] needs "output"/,
    );
    assert.throws(() => parseEmulatorConfig({ extra: {} }, WORKSPACE), /unknown key "extra"/);
  });
});

describe('documented current-spec flow with local functions', () => {
  test('video_edit: two FC tasks, $Output.Body, $Context.Execution.Input, uuid(), a callback-style handler', async () => {
    const { result, trace } = await run(loadFlow('flows/video-edit.yaml'), {
      input: { videoUrl: 'oss://bucket/in.mp4', vlPrompt: 'describe', llmPrompt: 'summarise' },
    });
    assert.equal(result.status, 'Succeeded');
    assert.deepEqual(result.output, { outputUrl: 'oss://bucket/in.mp4.cut.mp4' });
    assert.deepEqual(
      trace.filter((t) => t.startsWith('TaskSucceeded')),
      ['TaskSucceeded 视频理解', 'TaskSucceeded 一键成片'],
    );
  });
});
