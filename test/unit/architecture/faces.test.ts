// The architecture of the product folders, checked on the whole import graph (every specifier
// resolved by TypeScript's module resolution, type-only imports included): no import cycles,
// every cross-folder edge along an arrow to a public face (eslint/architecture.mjs), and what
// client/, webview/ and debug/ pull in transitively. Then the ESLint rule that enforces the same
// table file by file, on a planted violation. Both suites are in one file so they run in turn:
// the planted file must not be seen by the graph checks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import {
  ARROWS,
  FACES,
  KNOWN_EXCEPTIONS,
  PRODUCT_FOLDERS,
  edgeViolation,
  topFolder,
} from '../../../eslint/architecture.mjs';
import { importGraph, stronglyConnected } from '../../../eslint/importGraph.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const graph = importGraph(root, PRODUCT_FOLDERS);

/** Cycles that other work in flight removes; each must match a cycle exactly to be tolerated. */

const isKnownException = (from: string, to: string): boolean =>
  KNOWN_EXCEPTIONS.some((e) => e.from === from && e.to === to);

/**
 * Every file reachable from `starts`, not walking past the files of `opaque` (they are reached,
 * but what they import is theirs) nor along a known exception.
 */
function closure(starts: readonly string[], opaque: ReadonlySet<string> = new Set()): Set<string> {
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (opaque.has(file)) continue;
    for (const target of graph.get(file) ?? []) {
      if (seen.has(target) || isKnownException(file, target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

const filesOf = (folder: string): string[] => [...graph.keys()].filter((f) => topFolder(f) === folder);
const inFolder = (files: Iterable<string>, folder: string): string[] =>
  [...files].filter((f) => topFolder(f) === folder).sort();

describe('the import graph of the product folders', () => {
  test('is read from every folder, with resolved cross-folder edges', () => {
    for (const folder of PRODUCT_FOLDERS) assert.ok(filesOf(folder).length > 0, `no .ts file found under ${folder}/`);
    const crossFolder = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => topFolder(to) !== topFolder(from)),
    );
    assert.ok(crossFolder.length > 50, `only ${crossFolder.length} cross-folder edges resolved`);
  });

  test('has no import cycles', () => {
    const cycles = stronglyConnected(graph);
    assert.deepEqual(
      cycles,
      [],
      `import cycles (each line: the files of one cycle):\n${cycles.map((c) => c.join(' ')).join('\n')}`,
    );
  });

  test('crosses folders only along an arrow, to a public face', () => {
    const violations = [...graph].flatMap(([from, targets]) =>
      targets.map((to) => edgeViolation(from, to)).filter((v) => v !== undefined),
    );
    assert.deepEqual(violations, []);
  });

  test('declares faces that exist and that another folder imports', () => {
    const imported = new Set(
      [...graph].flatMap(([from, targets]) => targets.filter((to) => topFolder(to) !== topFolder(from))),
    );
    for (const face of Object.keys(FACES)) {
      assert.ok(existsSync(join(root, face)), `${face} is declared a face but does not exist`);
      assert.ok(imported.has(face), `${face} is declared a face but no other folder imports it`);
    }
    for (const [folder, faces] of Object.entries(ARROWS)) {
      for (const face of faces) {
        assert.ok(face in FACES, `${folder}/ may import ${face}, which is not a face`);
        assert.notEqual(topFolder(face), folder, `${folder}/ lists its own ${face}`);
      }
    }
    assert.deepEqual(
      Object.values(ARROWS)
        .flat()
        .filter((face) => topFolder(face) === 'client'),
      [],
      'nothing imports client/',
    );
  });

  test('gives the client no server file but the LSP protocol, beyond what the runtimes it hosts bring', () => {
    // The extension host runs the emulator, the debugger and the test runner in-process; they
    // bring the language service with them (through the server's face, checked above). What the
    // client reaches by any other route must stay within the protocol module and its types.
    const hosted = new Set([
      'emulator/src/index.ts',
      'emulator/src/engine/index.ts',
      'debug/src/index.ts',
      'flowtest/src/index.ts',
    ]);
    const reached = closure(filesOf('client'), hosted);
    const protocol = closure(['server/src/lsp/protocol.ts']);
    assert.deepEqual(
      inFolder(reached, 'server').filter((f) => !protocol.has(f)),
      [],
    );
    const everything = closure(filesOf('client'));
    assert.deepEqual(inFolder(everything, 'cli'), [], 'the client imports nothing of the CLI');
  });

  test('keeps webview/ to browser code: its own files and pure server modules only', () => {
    const reached = closure(filesOf('webview'));
    const pure = new Set([...closure(['server/src/lsp/protocol.ts']), ...closure(['server/src/whatsapp/pure.ts'])]);
    assert.deepEqual([...reached].filter((f) => topFolder(f) !== 'webview' && !pure.has(f)).sort(), []);
  });

  test('keeps debug/ off the client, the CLI, the emulator server and the cloud clients', () => {
    const reached = closure(filesOf('debug'));
    for (const folder of ['client', 'cli', 'webview'])
      assert.deepEqual(inFolder(reached, folder), [], `debug/ reaches ${folder}/`);
    // the event format and the fnf facts it reads (terminal statuses), and the flows.json reader a
    // local run takes its execution mode from (with the fnf types it names)
    assert.deepEqual(inFolder(reached, 'cloud'), ['cloud/src/fnf/deploySettings.ts', 'cloud/src/fnf/eventFormat.ts', 'cloud/src/fnf/facts.ts', 'cloud/src/fnf/types.ts']);
    const engineSide = /^emulator\/src\/(engine|local|objects|tasks)\//;
    assert.deepEqual(
      inFolder(reached, 'emulator').filter((f) => !engineSide.test(f)),
      [],
    );
  });
});

describe('the flowdeck/public-faces ESLint rule', () => {
  const ruleMessages = async (relativePath: string, text: string): Promise<string[]> => {
    const file = join(root, relativePath);
    writeFileSync(file, text);
    try {
      const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === 'flowdeck/public-faces' });
      const [result] = await eslint.lintFiles([file]);
      assert.ok(result, `ESLint returned no result for ${relativePath}`);
      assert.equal(result.fatalErrorCount, 0, result.messages.map((m) => m.message).join('\n'));
      return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
    } finally {
      rmSync(file, { force: true });
    }
  };

  test('fails on a client file that imports the language service', async () => {
    const messages = await ruleMessages(
      'client/src/plantedFaceViolation.ts',
      "import { createLanguageService } from '../../server/src/service/languageService';\nexport const service = createLanguageService;\n",
    );
    assert.deepEqual(messages, [
      'flowdeck/public-faces: client/src/plantedFaceViolation.ts imports server/src/service/languageService.ts, which is internal to server/: ' +
        'client/ imports server/ only through server/src/lsp/protocol.ts (see eslint/architecture.mjs)',
    ]);
  });

  test('fails on the server face too when the arrow does not allow it, however the path is spelled', async () => {
    const messages = await ruleMessages(
      'client/src/plantedFaceViolation.ts',
      "export type { FlowLanguageService } from '../src/../../server/src/index';\n",
    );
    assert.equal(messages.length, 1);
    assert.match(
      messages[0] ?? '',
      /imports server\/src\/index\.ts, which is internal to server\/: client\/ imports server\/ only through server\/src\/lsp\/protocol\.ts/,
    );
  });

  test('passes a client file that imports the LSP protocol face', async () => {
    const messages = await ruleMessages(
      'client/src/plantedFaceImport.ts',
      "import { FlowSettingsNotification } from '../../server/src/lsp/protocol';\nexport const notification = FlowSettingsNotification;\n",
    );
    assert.deepEqual(messages, []);
  });
});
