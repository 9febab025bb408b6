// Paths shared by the project's scripts.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const distDir = join(root, 'dist');
export const vsixPath = join(distDir, 'flowdeck.vsix');
export const screenshotsDir = join(root, 'out', 'screenshots');
export const integrationSuite = join(root, 'out', 'test', 'integration', 'index.js');
