// Compiles a distributed Map's own fields (ProcessorConfig, ItemReader, ItemBatcher,
// ResultWriter, MaxItems, tolerated failures) with the same rules the schema states, so the
// engine refuses exactly what the editor underlines.
import { asObject, invalid, optionalNumber, optionalString, requiredString } from '../definition';
import { isObject, typeName, type JsonObject } from '../json';
import type { JsonValue } from '../types';
import type { DistributedMap, ItemSource } from './model';

const SOURCE_TYPES: readonly ItemSource['sourceType'][] = ['OSS_OBJECTS', 'OSS_JSON_LIST', 'OSS_CSV', 'OSS_INVENTORY_FILES'];
const BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
/** The quota's ceiling for MaxItems (10000 by default, up to 1000000 by ticket). */
const MAX_ITEMS_CEILING = 1_000_000;

function noOtherKeys(obj: JsonObject, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw invalid(where, `unknown field "${key}"; use ${allowed.join(', ')}`);
  }
}

function bucketOf(obj: JsonObject, where: string): string {
  const bucket = requiredString(obj, 'Bucket', where);
  if (!BUCKET.test(bucket)) throw invalid(where, `Bucket "${bucket}" is not a bucket name (3-63 lower-case letters, digits or '-')`);
  return bucket;
}

function itemSource(raw: JsonValue | undefined, where: string): ItemSource | undefined {
  if (raw === undefined || raw === null) return undefined;
  const obj = asObject(raw, where);
  noOtherKeys(obj, ['SourceType', 'SourceParameters', 'ReaderConfig'], where);
  const sourceType = requiredString(obj, 'SourceType', where);
  if (!SOURCE_TYPES.includes(sourceType as ItemSource['sourceType'])) {
    throw invalid(where, `SourceType must be one of ${SOURCE_TYPES.join(', ')}, got "${sourceType}"`);
  }
  const params = asObject(obj['SourceParameters'], `${where}: SourceParameters`);
  noOtherKeys(params, ['Bucket', 'ObjectName', 'Prefix'], `${where}: SourceParameters`);
  const objectName = sourceType === 'OSS_OBJECTS'
    ? optionalString(params, 'ObjectName', `${where}: SourceParameters`)
    : requiredString(params, 'ObjectName', `${where}: SourceParameters`);
  if (objectName === '') throw invalid(`${where}: SourceParameters`, 'ObjectName must not be empty');
  let csvHeaders: string[] | undefined;
  if (obj['ReaderConfig'] !== undefined && obj['ReaderConfig'] !== null) {
    const config = asObject(obj['ReaderConfig'], `${where}: ReaderConfig`);
    noOtherKeys(config, ['CSVHeaders'], `${where}: ReaderConfig`);
    const headers = config['CSVHeaders'];
    if (headers !== undefined && headers !== null) {
      if (!Array.isArray(headers) || headers.length === 0 || !headers.every((h) => typeof h === 'string')) {
        throw invalid(`${where}: ReaderConfig`, `CSVHeaders must be a non-empty list of column names, got ${typeName(headers)}`);
      }
      csvHeaders = headers as string[];
    }
  }
  return {
    sourceType: sourceType as ItemSource['sourceType'],
    bucket: bucketOf(params, `${where}: SourceParameters`),
    objectName,
    prefix: optionalString(params, 'Prefix', `${where}: SourceParameters`) ?? '',
    csvHeaders,
  };
}

function batcher(raw: JsonValue | undefined, where: string): DistributedMap['batcher'] {
  if (raw === undefined || raw === null) return undefined;
  const obj = asObject(raw, where);
  noOtherKeys(obj, ['MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput'], where);
  const batchInput = obj['BatchInput'];
  if (batchInput !== undefined && batchInput !== null && !isObject(batchInput)) throw invalid(where, `BatchInput must be a map, got ${typeName(batchInput)}`);
  return {
    maxItems: optionalNumber(obj, 'MaxItemsPerBatch', where, 1, Number.MAX_SAFE_INTEGER),
    maxBytes: optionalNumber(obj, 'MaxInputBytesPerBatch', where, 1, Number.MAX_SAFE_INTEGER),
    batchInput: batchInput ?? undefined,
  };
}

function writer(raw: JsonValue | undefined, where: string): DistributedMap['writer'] {
  if (raw === undefined || raw === null) return undefined;
  const obj = asObject(raw, where);
  noOtherKeys(obj, ['Parameters'], where);
  const params = asObject(obj['Parameters'], `${where}: Parameters`);
  noOtherKeys(params, ['Bucket', 'Prefix'], `${where}: Parameters`);
  return { bucket: bucketOf(params, `${where}: Parameters`), prefix: optionalString(params, 'Prefix', `${where}: Parameters`) ?? '' };
}

/** The distributed part of a Map state, or undefined for an inline Map (no ProcessorConfig). */
export function compileDistributed(obj: JsonObject, where: string): DistributedMap | undefined {
  const rawConfig = obj['ProcessorConfig'];
  if (rawConfig === undefined || rawConfig === null) return undefined;
  const config = asObject(rawConfig, `${where}: ProcessorConfig`);
  noOtherKeys(config, ['ExecutionMode'], `${where}: ProcessorConfig`);
  const mode = optionalString(config, 'ExecutionMode', `${where}: ProcessorConfig`) ?? 'Express';
  if (mode !== 'Express' && mode !== 'Standard') throw invalid(`${where}: ProcessorConfig`, `ExecutionMode must be Express or Standard, got "${mode}"`);
  const reader = itemSource(obj['ItemReader'], `${where}: ItemReader`);
  if (!reader && typeof obj['ItemsPath'] !== 'string') throw invalid(where, 'a distributed Map needs ItemsPath (items from the input) or ItemReader (items from OSS)');
  const processor = asObject(obj['Processor'] ?? obj['ItemProcessor'], `${where}: Processor`);
  return {
    mode,
    reader,
    batcher: batcher(obj['ItemBatcher'], `${where}: ItemBatcher`),
    writer: writer(obj['ResultWriter'], `${where}: ResultWriter`),
    maxItems: optionalNumber(obj, 'MaxItems', where, 0, MAX_ITEMS_CEILING) ?? 0,
    toleratedFailureCount: optionalNumber(obj, 'ToleratedFailureCount', where, 0, Number.MAX_SAFE_INTEGER) ?? 0,
    toleratedFailurePercentage: optionalNumber(obj, 'ToleratedFailurePercentage', where, 0, 100) ?? 0,
    processorDefinition: { Type: 'StateMachine', SpecVersion: 'v1', ...processor },
  };
}
