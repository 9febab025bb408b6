// The `flowdeck` commands, in the order `flowdeck --help` lists them. A command is one module
// whose default export is a defineCommand spec, and one line here; each is loaded only when used.
import type { CommandSpec } from '../command/define';

type Loader = () => Promise<{ readonly default: CommandSpec }>;

export const COMMANDS: Readonly<Record<string, Loader>> = {
  lint: () => import('./lint'),
  run: () => import('./run'),
  emulator: () => import('./emulator'),
  deploy: () => import('./deploy'),
  start: () => import('./start'),
  tail: () => import('./tail'),
  graph: () => import('./graph'),
  preview: () => import('./preview'),
  'debug-adapter': () => import('./debugAdapter'),
  test: () => import('./test'),
};
