// The object store as the engine's distributed Map reads and writes it.
import type { ObjectAccess, ObjectSummary } from '../engine';
import type { ObjectStore } from './store';

export function objectAccess(store: ObjectStore): ObjectAccess {
  return {
    async get(bucket, key) {
      return (await store.get(bucket, key))?.body;
    },
    async list(bucket, prefix) {
      const out: ObjectSummary[] = [];
      let marker: string | undefined;
      for (;;) {
        const page = await store.list(bucket, { prefix, maxKeys: 1000, ...(marker !== undefined ? { marker } : {}) });
        out.push(...page.objects.map((o) => ({ key: o.key, size: o.size, etag: o.etag, lastModified: o.lastModified.toISOString() })));
        if (!page.truncated) return out;
        marker = page.nextMarker;
      }
    },
    async put(bucket, key, body) {
      await store.put(bucket, key, Buffer.from(body, 'utf8'));
    },
  };
}
