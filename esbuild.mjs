// One bundle per process: the extension client, the language server and the CLI.
// Type checking is `tsc -b`'s job; this only bundles. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // proxy-agent: an optional lazy require in ali-oss's HTTP client (urllib), reached only with enableProxy
  external: ['vscode', 'proxy-agent'],
  // prefer ESM entries: UMD ones (jsonc-parser's) hide their requires from the bundler
  mainFields: ['module', 'main'],
};
const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' },
  { entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  // what the client starts: the server bundle above, run from a code cache (server/src/lsp/codeCache.ts)
  { entryPoints: { serverStart: 'server/src/lsp/cachedMain.ts' }, outdir: 'dist' },
  { entryPoints: { cliMain: 'cli/src/main.ts' }, outdir: 'dist' },
  // the `flowdeck` executable: the CLI bundle above, run from a code cache (cli/src/cachedMain.ts)
  { entryPoints: { cli: 'cli/src/cachedMain.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // the integration suite runs inside the extension host, so it is bundled too
  { entryPoints: { index: 'test/integration/index.ts' }, outdir: 'out/test/integration' },
];
// every webview/<view>/main.ts is a browser bundle dist/webview/<view>.js (plus .css when the
// view imports CSS): DOM only, one file each, loaded under the panels' strict CSP
for (const view of readdirSync('webview', { withFileTypes: true })) {
  if (!view.isDirectory() || !existsSync(`webview/${view.name}/main.ts`)) continue;
  builds.push({
    entryPoints: { [view.name]: `webview/${view.name}/main.ts` },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    external: [],
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
