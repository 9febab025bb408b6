// A distributed Map's ItemReader: the items of a JSON list, the rows of a CSV file, or the objects
// under a prefix, read from the object store the run was given.
import { csvRecords } from '../csv';
import { EngineErrors, FlowFailure } from '../errors';
import type { JsonValue, ObjectAccess } from '../types';
import type { ItemSource } from './model';

const fail = (stateName: string, message: string): FlowFailure =>
  new FlowFailure(EngineErrors.itemReader, `state "${stateName}": ItemReader: ${message}`);

async function objectText(objects: ObjectAccess, source: ItemSource, stateName: string): Promise<string> {
  const key = source.objectName as string;
  const body = await objects.get(source.bucket, key);
  if (body === undefined) throw fail(stateName, `no object ${key} in bucket ${source.bucket}; put it in the object store first`);
  return Buffer.from(body).toString('utf8');
}

export async function readItems(objects: ObjectAccess | undefined, source: ItemSource, stateName: string): Promise<JsonValue[]> {
  if (!objects) throw fail(stateName, 'this run has no object store to read from; run the flow in the emulator or with an object store folder');
  switch (source.sourceType) {
    case 'OSS_OBJECTS':
      return (await objects.list(source.bucket, source.prefix)).map((o) => ({
        Bucket: source.bucket, Key: o.key, Size: o.size, ETag: o.etag, LastModified: o.lastModified,
      }));
    case 'OSS_JSON_LIST': {
      let value: unknown;
      try {
        value = JSON.parse(await objectText(objects, source, stateName));
      } catch (err) {
        if (err instanceof FlowFailure) throw err;
        throw fail(stateName, `${source.objectName} is not JSON (${err instanceof Error ? err.message : String(err)})`);
      }
      if (!Array.isArray(value)) throw fail(stateName, `${source.objectName} must hold a JSON array of items`);
      return value as JsonValue[];
    }
    case 'OSS_CSV':
      try {
        return csvRecords(await objectText(objects, source, stateName), source.csvHeaders);
      } catch (err) {
        if (err instanceof FlowFailure) throw err;
        throw fail(stateName, `${source.objectName}: ${err instanceof Error ? err.message : String(err)}`);
      }
    case 'OSS_INVENTORY_FILES':
      throw fail(stateName, 'OSS_INVENTORY_FILES (OSS bucket inventories) is not emulated; use OSS_OBJECTS with a Prefix locally');
  }
}
