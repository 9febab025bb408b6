// Installs (once) the real VS Code that the integration tests and `npm start` use.
// Usage: node scripts/install-vscode.mjs [--reinstall]
import { ensureVscode, removeVscode } from './lib/real-vscode.mjs';

try {
  if (process.argv.includes('--reinstall')) removeVscode();
  console.log(ensureVscode());
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
