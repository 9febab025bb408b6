// The integration suite's entry point: VS Code's extension host calls `run()` (the contract
// of both launchers: scripts/test-integration.mjs through the real VS Code server and its
// workbench, and scripts/test-desktop.mjs through @vscode/test-electron).
// Every test/integration/*.test.ts file is bundled into this module by esbuild (the
// template-literal import below is a glob for it) and loaded under mocha's `suite`/`test`
// (TDD) and `describe`/`it` (BDD) globals.
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type MochaType from 'mocha';
import { attachFileReporter } from './harness/reporter';
import { TestEnv, repoRoot } from './harness/env';

// mocha is loaded from node_modules at run time rather than bundled: it loads its interfaces
// and reporters dynamically
const load = createRequire(__filename);

export async function run(): Promise<void> {
  const Mocha = load('mocha') as typeof MochaType;
  const grep = process.env[TestEnv.grep];
  const reportFile = process.env[TestEnv.report];
  // mocha constructs the reporter before the runner emits anything
  class FileReporter extends Mocha.reporters.Base {
    constructor(runner: MochaType.Runner, options: MochaType.MochaOptions) {
      super(runner, options);
      attachFileReporter(runner, reportFile);
    }
  }
  const mocha = new Mocha({
    ui: 'tdd',
    timeout: 60_000,
    color: false,
    reporter: FileReporter,
    ...(grep ? { grep } : {}),
  });
  // both TDD and BDD globals, whichever a test file prefers
  Mocha.interfaces.bdd(mocha.suite);

  const filters = (process.env[TestEnv.files] ?? '').split(',').filter(Boolean);
  const names = readdirSync(join(repoRoot(), 'test', 'integration'))
    .filter((f) => f.endsWith('.test.ts'))
    .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
    .sort();
  if (names.length === 0) throw new Error(`no integration test file matched ${filters.join(', ') || '*.test.ts'}`);
  for (const name of names) {
    const file = join(repoRoot(), 'test', 'integration', name);
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    await import(`./${name.slice(0, -'.test.ts'.length)}.test.ts`);
    mocha.suite.emit('require', undefined, file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
