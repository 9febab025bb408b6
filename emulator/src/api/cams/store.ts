// The emulated CAMS account's WhatsApp Flows: metadata, status and the current Flow JSON of each,
// kept in the product's append-only journal so they survive a restart.
import type { ProductJournal } from '../product';

export interface CamsFlowRecord {
  FlowId: string;
  FlowName: string;
  Categories: string[];
  Status: 'DRAFT' | 'PUBLISHED' | 'DEPRECATED';
  EndpointUri?: string;
  CustSpaceId?: string;
  /** The current Flow JSON text, once one was uploaded. */
  json?: string;
  /** Bumped on every Flow JSON change, so FilePath URLs change with the content. */
  revision: number;
  /** The upload-folder file the current Flow JSON came from, if it came from one. */
  uploadName?: string;
  /** The key of the `flowdeck-cams` object the current Flow JSON came from, if it came from one. */
  uploadKey?: string;
}

type JournalRecord =
  | { kind: 'flow'; flow: CamsFlowRecord }
  | { kind: 'delete'; FlowId: string }
  | { kind: 'upload'; name: string; text: string }
  | { kind: 'uploadRemoved'; name: string };

export class CamsStore {
  readonly flows = new Map<string, CamsFlowRecord>();
  readonly uploads = new Map<string, string>();
  private lastId: number;

  constructor(
    private readonly journal: ProductJournal,
    now: number,
  ) {
    for (const r of journal.records as JournalRecord[]) {
      if (r.kind === 'flow') this.flows.set(r.flow.FlowId, r.flow);
      else if (r.kind === 'delete') this.flows.delete(r.FlowId);
      else if (r.kind === 'upload') this.uploads.set(r.name, r.text);
      else if (r.kind === 'uploadRemoved') this.uploads.delete(r.name);
    }
    // Flow ids look like the service's: long decimal numbers.
    // A loop, not Math.max(...ids): spreading a large journal's ids as arguments overflows the stack.
    this.lastId = now * 1000;
    for (const id of this.flows.keys()) {
      const n = Number(id);
      if (Number.isFinite(n) && n > this.lastId) this.lastId = n;
    }
  }

  nextId(): string {
    this.lastId += 1;
    return String(this.lastId);
  }

  /** Once the state is read: the journal is compacted to the flows and the uploads still kept. */
  async compactToLive(): Promise<void> {
    await this.journal.compactTo(() => [
      ...[...this.flows.values()].map((flow): JournalRecord => ({ kind: 'flow', flow })),
      ...[...this.uploads].map(([name, text]): JournalRecord => ({ kind: 'upload', name, text })),
    ]);
  }

  async save(flow: CamsFlowRecord): Promise<void> {
    await this.journal.append({ kind: 'flow', flow } satisfies JournalRecord, () => this.flows.set(flow.FlowId, flow));
  }

  async remove(flowId: string): Promise<void> {
    await this.journal.append({ kind: 'delete', FlowId: flowId } satisfies JournalRecord, () => this.flows.delete(flowId));
  }

  async upload(name: string, text: string): Promise<void> {
    await this.journal.append({ kind: 'upload', name, text } satisfies JournalRecord, () => this.uploads.set(name, text));
  }

  /** Whether some flow's current Flow JSON came from this upload-folder file or CAMS object. */
  pointedAt(source: { uploadName?: string; uploadKey?: string }): boolean {
    for (const f of this.flows.values()) {
      if (source.uploadName !== undefined && f.uploadName === source.uploadName) return true;
      if (source.uploadKey !== undefined && f.uploadKey === source.uploadKey) return true;
    }
    return false;
  }

  /** Forgets an upload-folder file (its text leaves the journal at the next compaction). */
  async removeUpload(name: string): Promise<void> {
    if (!this.uploads.has(name)) return;
    await this.journal.append({ kind: 'uploadRemoved', name } satisfies JournalRecord, () => this.uploads.delete(name));
  }
}
