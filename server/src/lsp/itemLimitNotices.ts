// Tells the client when a document's outline or folding stops at its limit, and when it no
// longer does: once per change, not with every answer.
import type { ItemsLimitedParams, LimitedFeature } from './protocol';

export class ItemLimitNotices {
  /** The limit last reported per document and feature (absent: not limited). */
  private readonly reported = new Map<string, number>();

  constructor(private readonly send: (params: ItemsLimitedParams) => void) {}

  /** Records whether `feature`'s list of `uri` was cut to `limit` just now. */
  update(uri: string, feature: LimitedFeature, limit: number, exceeded: boolean): void {
    const key = `${feature} ${uri}`;
    const before = this.reported.get(key);
    if (exceeded) {
      if (before === limit) return;
      this.reported.set(key, limit);
      this.send({ uri, feature, limit });
    } else if (before !== undefined) {
      this.reported.delete(key);
      this.send({ uri, feature, limit: null });
    }
  }

  /** The document closed: its notices go (the client drops them with the document). */
  forget(uri: string): void {
    for (const feature of ['outline', 'folding'] as const) this.reported.delete(`${feature} ${uri}`);
  }
}
