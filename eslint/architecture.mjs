// @ts-check
// Who may import whom, in one place: the public faces of the product folders and the arrows
// between them. The ESLint rule `flowdeck/public-faces` (eslint/rules/public-faces.mjs) enforces
// this table on each import resolved to a file, and test/unit/architecture/ checks the whole
// graph against it (transitive routes, cycles). The READMEs cite this file.

/** The top folders of product code. test/ and bench/ import internals on purpose (they test and
 * measure them) and are not checked; product code never imports them. */
export const PRODUCT_FOLDERS = /** @type {const} */ ([
  'server',
  'cloud',
  'emulator',
  'cli',
  'client',
  'webview',
  'debug',
  'flowtest',
]);

/** The only files of a folder another folder may import, and what each one is. */
export const FACES = {
  // server/
  'server/src/lsp/protocol.ts': 'the custom LSP messages, shared by the server and its clients',
  'server/src/lsp/codeCache.ts': "runs a bundle from a V8 code cache: the language server's start and the CLI's",
  'server/src/lsp/heapTuning.ts': "the V8 settings of Flowdeck's own processes: the language server and the CLI",
  'server/src/index.ts': 'the language service, for the folders that run it in their own process',
  'server/src/parse/index.ts': 'the positioned tree of a YAML or JSON text and its JSON values',
  'server/src/fdl/expressions/index.ts': 'the FDL expression language (parser, functions)',
  'server/src/fdl/index.ts': 'the FDL state type tables (what each type holds and how it goes on)',
  'server/src/whatsapp/pure.ts': 'the pure WhatsApp Flow modules the phone renderer shares',
  // cloud/
  'cloud/src/index.ts': 'the cloud clients: errors, credentials, RPC callers, signers, fnf',
  'cloud/src/fnf/index.ts': 'the CloudFlow (fnf) client, its types and endpoints, and how each flow file is deployed',
  'cloud/src/fnf/eventFormat.ts': 'how an execution event is printed',
  'cloud/src/fnf/deploySettings.ts': 'how each flow file is deployed, saved in .flowdeck/flows.json (its execution mode sets a local run\'s limits)',
  'cloud/src/fnf/facts.ts': 'fnf facts: API version, name rule and the name a flow file goes by, final statuses, reading a JSON object',
  'cloud/src/cams/index.ts': 'the CAMS WhatsApp Flow client and uploaders',
  'cloud/src/cynosdb/index.ts': 'the CynosDB task flow client',
  'cloud/src/signing/index.ts': 'the signature schemes, to check a signed request',
  // emulator/
  'emulator/src/index.ts': 'the emulator server: start it, its fixed local credentials',
  'emulator/src/engine/index.ts': 'the flow interpreter: start a run, observe its history',
  'emulator/src/local/index.ts': 'a flow file run on this machine outside the emulator server',
  'emulator/src/tasks/index.ts': "the workspace's task handlers and mocks",
  // webview/
  'webview/graph/protocol.ts': 'the graph panel message protocol',
  'webview/graph/index.ts': 'the graph drawing outside the browser (view model, SVG)',
  'webview/preview/protocol.ts': 'the WhatsApp Flow preview panel message protocol',
  'webview/preview/flowText.ts': 'component positions in a Flow JSON text',
  'webview/preview/render/index.ts': 'the phone renderer outside the browser (HTML pages)',
  // debug/, flowtest/
  'debug/src/index.ts': 'the flow debugger: the DAP session and its stdio runner',
  'flowtest/src/index.ts': 'the flow test runner',
};

/** @typedef {keyof typeof FACES} Face */

/**
 * The arrows: for each product folder, the faces of other folders it may import. A folder that
 * is not listed as a key of another's row is not imported by it at all; nothing imports client/.
 * @type {Record<(typeof PRODUCT_FOLDERS)[number], readonly Face[]>}
 */
export const ARROWS = {
  // the language service and the cloud clients stand on their own
  server: [],
  cloud: [],
  // the emulator rejects a definition with the editor's diagnostics and checks signatures; a
  // local run takes the execution mode a flow file is saved with
  emulator: [
    'server/src/fdl/index.ts',
    'cloud/src/index.ts',
    'cloud/src/fnf/facts.ts',
    'cloud/src/fnf/deploySettings.ts',
    'server/src/index.ts',
    'server/src/parse/index.ts',
    'server/src/fdl/expressions/index.ts',
    'cloud/src/signing/index.ts',
  ],
  // the CLI runs everything in its own process
  cli: [
    'server/src/index.ts',
    'server/src/lsp/codeCache.ts',
    'server/src/lsp/heapTuning.ts',
    'server/src/parse/index.ts',
    'cloud/src/index.ts',
    'cloud/src/fnf/index.ts',
    'cloud/src/fnf/eventFormat.ts',
    'emulator/src/index.ts',
    'emulator/src/engine/index.ts',
    'emulator/src/local/index.ts',
    'emulator/src/tasks/index.ts',
    'webview/graph/index.ts',
    'webview/preview/render/index.ts',
    'webview/preview/flowText.ts',
    'debug/src/index.ts',
    'flowtest/src/index.ts',
  ],
  // the extension reaches the server only over LSP; it hosts the emulator, the debugger and the
  // test runner in the extension host, and talks to each webview through its protocol
  client: [
    'server/src/lsp/protocol.ts',
    'cloud/src/index.ts',
    'cloud/src/fnf/index.ts',
    'cloud/src/fnf/eventFormat.ts',
    'cloud/src/cams/index.ts',
    'cloud/src/cynosdb/index.ts',
    'emulator/src/index.ts',
    'emulator/src/engine/index.ts',
    'webview/graph/protocol.ts',
    'webview/preview/protocol.ts',
    'webview/preview/flowText.ts',
    'debug/src/index.ts',
    'flowtest/src/index.ts',
  ],
  // browser code: DOM only, so only pure modules of the server
  webview: ['server/src/lsp/protocol.ts', 'server/src/whatsapp/pure.ts'],
  // the debugger observes the engine, maps lines to states with the language service and
  // debugs a test case with the runner's own mocks and checks
  debug: [
    'server/src/fdl/index.ts',
    'emulator/src/engine/index.ts',
    'emulator/src/local/index.ts',
    'server/src/index.ts',
    'flowtest/src/index.ts',
    'cloud/src/fnf/eventFormat.ts',
  ],
  // the test runner runs cases on the engine, loads the flow under test as `flowdeck run` and the
  // debugger do, reads test files with the service's tree, and names a test file after its flow's
  flowtest: [
    'cloud/src/fnf/facts.ts',
    'server/src/fdl/index.ts',
    'emulator/src/engine/index.ts',
    'emulator/src/local/index.ts',
    'emulator/src/tasks/index.ts',
    'server/src/index.ts',
    'server/src/parse/index.ts',
  ],
};

/** Edges that break the table today and are on their way out; each names what removes it. */
export const KNOWN_EXCEPTIONS = [];

/**
 * @param {string} repoPath forward-slashed path relative to the repository root
 * @returns {string} its top folder
 */
export function topFolder(repoPath) {
  return repoPath.split('/')[0];
}

/**
 * @param {string} folder
 * @returns {folder is (typeof PRODUCT_FOLDERS)[number]}
 */
export function isProductFolder(folder) {
  return /** @type {readonly string[]} */ (PRODUCT_FOLDERS).includes(folder);
}

/**
 * Why an import from one file to another breaks the table, or undefined when it may stay.
 * @param {string} from repository path of the importing file
 * @param {string} to repository path of the imported file
 * @returns {string | undefined}
 */
export function edgeViolation(from, to) {
  const fromFolder = topFolder(from);
  const toFolder = topFolder(to);
  if (!isProductFolder(fromFolder) || fromFolder === toFolder) return undefined;
  if (!isProductFolder(toFolder)) {
    return `${from} imports ${to}: product code never imports ${toFolder}/`;
  }
  if (KNOWN_EXCEPTIONS.some((e) => e.from === from && e.to === to)) return undefined;
  const allowed = ARROWS[fromFolder].filter((face) => topFolder(face) === toFolder);
  if (allowed.length === 0) {
    return `${fromFolder}/ may not import ${toFolder}/ at all (${from} imports ${to}; see eslint/architecture.mjs)`;
  }
  if (/** @type {readonly string[]} */ (allowed).includes(to)) return undefined;
  return `${from} imports ${to}, which is internal to ${toFolder}/: ${fromFolder}/ imports ${toFolder}/ only through ${allowed.join(', ')} (see eslint/architecture.mjs)`;
}
