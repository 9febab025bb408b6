// Drives the VS Code workbench in Debian's headless Chromium through playwright-core.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { chromiumPath } from './real-vscode.mjs';

const require = createRequire(join(root, 'package.json'));

export async function launchBrowser({ width = 1400, height = 900 } = {}) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport: { width, height } });
  return { browser, page };
}

/** Waits until the page has painted twice, so a screenshot shows the latest state. */
export async function settled(page) {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)))),
  );
}
