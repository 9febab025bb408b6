// The language server as the extension starts it (dist/serverStart.js): the server bundle
// (dist/server.js, from main.ts) run from a V8 code cache in the folder the client names
// (codeCache.ts). Without that folder it runs as it would on its own.
import { join } from 'node:path';
import { runWithCodeCache } from './codeCache';
import { keepShortLivedObjectsYoung } from './heapTuning';

// Before the bundle is compiled, as main.ts does again: a cache made under other V8 flags is refused.
keepShortLivedObjectsYoung();
runWithCodeCache(join(__dirname, 'server.js'), process.env['FLOWDECK_CODE_CACHE_DIR'] || undefined);
