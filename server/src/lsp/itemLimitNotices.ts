// Tells the client when a document's outline or folding stops at its limit, and when it no
// longer does: once per change, not with every answer.
import type { ItemsLimitedParams, LimitedFeature } from './protocol';

export class ItemLimitNotices {
  /** Per document, the limit last reported for each cut list (absent: not cut). */
  private readonly reported = new Map<string, Map<LimitedFeature, number>>();

  constructor(private readonly send: (params: ItemsLimitedParams) => void) {}

  /** Records whether `feature`'s list of `uri` was cut to `limit` just now. */
  update(uri: string, feature: LimitedFeature, limit: number, exceeded: boolean): void {
    const features = this.reported.get(uri);
    const before = features?.get(feature);
    if (exceeded) {
      if (before === limit) return;
      if (features) features.set(feature, limit);
      else this.reported.set(uri, new Map([[feature, limit]]));
      this.send({ uri, feature, limit });
    } else if (before !== undefined) {
      features!.delete(feature);
      this.send({ uri, feature, limit: null });
    }
  }

  /** The document closed: its notices go (the client drops them with the document). */
  forget(uri: string): void {
    this.reported.delete(uri);
  }
}
