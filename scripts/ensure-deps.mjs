// Runs before `npm start`, `npm test` and the other scripts the README names (npm's pre<script>
// hooks): installs the npm dependencies from the lockfile when node_modules is missing or older
// than package-lock.json, so a fresh clone needs no step of its own. Node built-ins only: nothing
// else is installed yet when this runs.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lockfile = join(root, 'package-lock.json');
// npm writes this file at the end of every install: its age is the install's
const installed = join(root, 'node_modules', '.package-lock.json');

const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync(lockfile).mtimeMs;
if (stale) {
  console.error(
    `[flowdeck] node_modules is ${existsSync(installed) ? 'older than package-lock.json' : 'missing'}: running npm ci first`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(
      `[flowdeck] npm ci failed (${r.error ? r.error.message : `exit ${r.status}`}): fix what it printed above and run the command again`,
    );
    process.exit(1);
  }
}
