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
}

type JournalRecord =
  | { kind: 'flow'; flow: CamsFlowRecord }
  | { kind: 'delete'; FlowId: string }
  | { kind: 'upload'; name: string; text: string };

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

  async save(flow: CamsFlowRecord): Promise<void> {
    await this.journal.append({ kind: 'flow', flow } satisfies JournalRecord);
    this.flows.set(flow.FlowId, flow);
  }

  async remove(flowId: string): Promise<void> {
    await this.journal.append({ kind: 'delete', FlowId: flowId } satisfies JournalRecord);
    this.flows.delete(flowId);
  }

  async upload(name: string, text: string): Promise<void> {
    await this.journal.append({ kind: 'upload', name, text } satisfies JournalRecord);
    this.uploads.set(name, text);
  }
}
