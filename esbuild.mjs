// One bundle per process: the extension client, the language server and the CLI.
// Type checking is `tsc -b`'s job; this only bundles. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
  // prefer ESM entries: UMD ones (jsonc-parser's) hide their requires from the bundler
  mainFields: ['module', 'main'],
};
const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' },
  { entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { entryPoints: { cli: 'cli/src/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // the integration suite runs inside the extension host, so it is bundled too
  { entryPoints: { index: 'test/integration/index.ts' }, outdir: 'out/test/integration' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
