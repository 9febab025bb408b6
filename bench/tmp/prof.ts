import { generateFdl } from '../lib/generate';
import { loadBundled } from '../lib/bundle';
const { parseText } = loadBundled<typeof import('../lib/entry')>('bench/lib/entry.ts', 'lsp-bench');
const text = generateFdl(1000);
for (let i = 0; i < 50; i++) parseText(text, 'yaml');
const t0 = performance.now();
for (let i = 0; i < 300; i++) parseText(text, 'yaml');
console.log('avg parse', (performance.now() - t0) / 300);
