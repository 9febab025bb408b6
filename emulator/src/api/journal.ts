// A product's journal (`<name>.jsonl`): the same checksummed append log as the fnf log, compacted
// to the product's live records by the same Compactor once the product says what is live.
import { AppendLog, type AppendLogOptions } from '../store/appendLog';
import { Compactor, DEFAULT_COMPACT_MIN_GARBAGE } from '../store/compactor';
import type { ProductJournal } from './product';

export interface OpenedJournal {
  readonly journal: ProductJournal;
  /** Waits for a running compaction and every append, then closes the file. */
  close(): Promise<void>;
}

export async function openProductJournal(
  path: string,
  options: AppendLogOptions & { readonly compactMinGarbage?: number; readonly warn: (message: string) => void },
): Promise<OpenedJournal> {
  const { log, records } = await AppendLog.open<unknown>(path, options);
  let compactor: Compactor<unknown> | undefined;
  const journal: ProductJournal = {
    records,
    async append(record, apply) {
      await log.append(record, { onWritten: apply });
      compactor?.maybeCompact();
    },
    async compactTo(live) {
      if (compactor) throw new Error(`${path}: the journal's live records are already given.`);
      compactor = new Compactor(log, live, options.compactMinGarbage ?? DEFAULT_COMPACT_MIN_GARBAGE, options.warn);
      await compactor.start();
    },
    get fileRecords() {
      return log.records;
    },
  };
  return {
    journal,
    async close() {
      await compactor?.idle();
      await log.close();
    },
  };
}
