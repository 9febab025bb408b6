// The MapRun host used when the caller gives none (`flowdeck run`, tests): child executions run in
// this process with the parent's tasks, clock and object store, and are not recorded anywhere else.
import type { MapRunHost, MapRunSettings, RunHandle, RunOptions } from './types';

let runs = 0;

/**
 * @param createRun starts a child execution: run.ts's own, handed down through the Runtime, since
 * run.ts reaches this module through the interpreter
 */
export function inProcessMapRuns(
  parent: Pick<RunOptions, 'tasks' | 'clock' | 'timeScale' | 'limits' | 'objects'>,
  createRun: (options: RunOptions) => RunHandle,
): MapRunHost {
  return {
    async start(request) {
      const name = `${request.executionName}-${request.stateName.replace(/[^A-Za-z0-9_-]/g, '_')}-${++runs}`;
      const settings: MapRunSettings = {
        concurrency: request.concurrency,
        toleratedFailureCount: request.toleratedFailureCount,
        toleratedFailurePercentage: request.toleratedFailurePercentage,
      };
      return {
        name,
        settings: () => settings,
        async runChild(index, input, signal) {
          const handle = createRun({
            ...parent,
            definition: request.definition,
            input,
            flowName: request.flowName,
            executionName: `${name}-${index}`,
            executionMode: request.mode,
          });
          const stop = (): void => handle.stop();
          signal.addEventListener('abort', stop, { once: true });
          try {
            return await handle.done;
          } finally {
            signal.removeEventListener('abort', stop);
          }
        },
        end() {},
      };
    },
  };
}
