// What the launcher tells the suite through the environment of the VS Code server process
// (the extension host inherits it). One place for the names so launcher and suite agree.
import { join } from 'node:path';

export const TestEnv = {
  /** Set to 1 for every test run. */
  flag: 'FLOWDECK_TEST',
  /** File the suite writes its report to (the host's console never reaches the terminal). */
  report: 'FLOWDECK_TEST_REPORT',
  /** Base URL of the launcher's screenshot endpoint (absent in desktop runs). */
  screenshotUrl: 'FLOWDECK_TEST_SCREENSHOT_URL',
  /** Only run tests whose full title matches this regular expression. */
  grep: 'FLOWDECK_TEST_GREP',
  /** Only load test files whose name contains one of these comma-separated substrings. */
  files: 'FLOWDECK_TEST_FILES',
  /** Absolute path of the repository (fixtures live under test/fixtures). */
  repoRoot: 'FLOWDECK_TEST_REPO_ROOT',
} as const;

/** The repository root, from the launcher or from the bundle's place in out/test/integration. */
export function repoRoot(): string {
  return process.env[TestEnv.repoRoot] ?? join(__dirname, '..', '..', '..');
}
