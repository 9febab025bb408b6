// The pieces the CloudFlow spec's state definitions are made of (constructors, transitions, Retry
// and Catch rules, sub-flows, the distributed Map's reader, batcher and writer). The state types
// themselves are described in fdl/stateTypes.ts; current.ts assembles the schema from both.
// Facts: research fnf.md §2.3 and fnf-gaps.md §1-5 (the gaps file wins).
import type { JsonSchema } from '../jsonSchema';

export const constructor = (what: string): JsonSchema => ({
  type: 'object',
  description:
    `${what} Keys ending in \`.$\` take an expression (\`$Input\`, \`$Context\`, built-in functions such as \`uuid()\`); ` +
    'other values are used as written.',
});

export const common = {
  Name: { type: 'string', description: 'The state name, unique within its scope; `StartAt`, `Next`, `Default` and `Catch[].Next` refer to it.' },
  Description: { type: 'string', description: 'Free text describing the state.' },
  InputConstructor: constructor('Builds the state input, replacing the incoming input entirely. May read `$Input`, `$Context` and `$Global`.'),
  GlobalConstructor: constructor('Writes execution-wide variables (read later as `$Global`) when the state ends; `$Output` here is the raw task output.'),
} satisfies Record<string, JsonSchema>;

export const outputConstructor = constructor('Builds the state output. `$Output` (the raw result) is available only here and in `GlobalConstructor`.');
export const next: JsonSchema = { type: 'string', description: 'The state to run after this one, in the same scope. Not needed when `End` is true.' };
export const end: JsonSchema = { type: 'boolean', description: 'Whether this state ends the current scope (the flow, a Parallel branch or a Map processor).' };

const errorList: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', description: 'An error name, e.g. `FnF.ALL` (every error), `FC.ResourceThrottled`, or a custom code raised by a Fail state.' },
  description: 'The error names this rule matches. `FnF.ALL` matches every error and belongs last.',
};

export const retrier: JsonSchema = {
  type: 'object',
  description: 'A retry rule. Rules are tried in order; only the first that matches an error applies. Retry runs before Catch.',
  required: ['Errors', 'MaxAttempts', 'IntervalSeconds'],
  additionalProperties: false,
  properties: {
    Errors: errorList,
    Description: { type: 'string', description: 'The rule label (the policy name shown in the console). Documented as required.' },
    MaxAttempts: { type: 'integer', minimum: 0, description: 'How many times to retry.' },
    IntervalSeconds: { type: 'integer', minimum: 0, maximum: 86400, description: 'Seconds before the first retry (at most 86400).' },
    BackoffRate: { type: 'number', minimum: 0, description: 'Multiplier applied to the interval after each attempt.' },
    MaxBackoffSeconds: { type: 'integer', minimum: 0, maximum: 86400, description: 'Upper bound of the interval between retries, in seconds (at most 86400).' },
  },
};

export const catcher: JsonSchema = {
  type: 'object',
  description: 'A catch rule: when the errors match (after retries), continue at `Next`.',
  required: ['Errors', 'Next'],
  additionalProperties: false,
  properties: {
    Errors: errorList,
    Description: { type: 'string', description: 'The rule label (the policy name shown in the console). Documented as required.' },
    OutputConstructor: constructor('Builds the input of the `Next` state from the error (`$Context.Current.Error.Code`/`Detail`).'),
    Next: { type: 'string', description: 'The state to continue at, in the same scope.' },
  },
};

export const retry: JsonSchema = { type: 'array', items: { $ref: '#/definitions/Retrier' }, description: 'Retry rules, tried in order.' };
export const catchRules: JsonSchema = { type: 'array', items: { $ref: '#/definitions/Catcher' }, description: 'Catch rules, tried in order after retries are exhausted.' };

export const statesArray = (where: string): JsonSchema => ({
  type: 'array',
  description: `The states of ${where}, each with a unique \`Name\`.`,
  items: { $ref: '#/definitions/State' },
});

export const subFlow = (what: string): JsonSchema => ({
  type: 'object',
  description: what,
  required: ['StartAt', 'States'],
  additionalProperties: false,
  properties: {
    StartAt: { type: 'string', description: 'The first state to run, by name, among this scope\'s `States`.' },
    States: statesArray('this scope'),
  },
});

// Distributed Map, from the distributed-mode page as stored in these revisions:
//   en  alibabacloud.com/help/en/serverless-workflow/latest/distributed-mode (Nov 26 2024, Mar 10 2025, Mar 10 2026);
//   ja  (Mar 11 2025), tc (Oct 25 2024), id (Mar 11 2026), pt-br (Jun 28 2026), fr (Aug 11 2026), tr (Oct 06 2026);
//   help.aliyun.com/en/document_detail/2851869.html and its bestwisewords.com mirror (zh, undated);
// and the loop-map page (en Nov 26 2024 and Jun 23 2026; zh help.aliyun.com/document_detail/2412671.html).
// Confirmed there: the field table (ItemsPath, ItemBatcher, ItemReader, ItemConstructor, ResultWriter,
// MaxConcuccency, MaxItems of type `MaxItems`, ToleratedFailurePe...), the order ItemsPath/ItemReader ->
// ItemConstructor -> ItemBatcher -> one sub-execution per item or batch in ProcessorConfig's mode ->
// results in an array or written by ResultWriter, the four OSS sources (an object listing, a CSV
// file, an inventory, a JSON file), concurrency 100 and 10,000 items by default (1,000,000 by
// ticket), and no 64 KB payload limit through ItemReader. Every stored copy stops before the
// per-field sections, so NO page shows the sub-field names inside ItemReader, ItemBatcher and
// ResultWriter, the SourceType values, the inside of the `MaxItems` type, or the count-based
// tolerance field: those are Flowdeck's names, and each description says so (SUBFIELDS_UNSEEN).
const DISTRIBUTED_DOC = 'https://www.alibabacloud.com/help/en/serverless-workflow/latest/distributed-mode';
const LOOP_MAP_DOC = 'https://www.alibabacloud.com/help/en/serverless-workflow/latest/loop-map';
const SUBFIELDS_UNSEEN = 'The service pages list this field, but no stored revision reaches its own section, so the sub-field names here are Flowdeck\'s, not the documentation\'s.';
const NAME_UNSEEN = '(A Flowdeck name: no stored revision of the service pages shows this sub-field.)';
const OBJECT_SOURCES = ['OSS_JSON_LIST', 'OSS_CSV', 'OSS_INVENTORY_FILES'];

export const itemReader: JsonSchema = {
  type: 'object',
  description: `Reads the items from OSS instead of \`ItemsPath\` ("Reads data from OSS buckets", ${DISTRIBUTED_DOC}, Mar 10 2025; "The 64 KB input payload limit does not apply when you read external input through an ItemReader", ${LOOP_MAP_DOC}, Jun 23 2026). ${SUBFIELDS_UNSEEN}`,
  required: ['SourceType', 'SourceParameters'],
  additionalProperties: false,
  properties: {
    SourceType: {
      enum: ['OSS_OBJECTS', 'OSS_JSON_LIST', 'OSS_CSV', 'OSS_INVENTORY_FILES'],
      description: 'Where the items come from, one value per data source the loop-map page lists ("Reads a list of objects from an OSS bucket", "a CSV file", "an inventory", "a JSON file"; the value names are Flowdeck\'s, no page shows them): `OSS_OBJECTS` (the objects under `Prefix`, one item each: `{Key, Size, ETag, LastModified}`), `OSS_JSON_LIST` (a JSON array in `ObjectName`), `OSS_CSV` (the rows of the CSV file `ObjectName`, as objects keyed by its header) or `OSS_INVENTORY_FILES` (an OSS inventory).',
    },
    SourceParameters: {
      type: 'object',
      description: 'The bucket and object (or prefix) to read. ' + NAME_UNSEEN,
      required: ['Bucket'],
      additionalProperties: false,
      properties: {
        Bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$', description: 'The OSS bucket: 3-63 lower-case letters, digits or `-`. ' + NAME_UNSEEN },
        ObjectName: { type: 'string', minLength: 1, description: 'The object to read (`OSS_JSON_LIST`, `OSS_CSV`, `OSS_INVENTORY_FILES`), e.g. `input/orders.csv`. ' + NAME_UNSEEN },
        Prefix: { type: 'string', description: '`OSS_OBJECTS`: list only the objects whose key starts with this, e.g. `input/`. ' + NAME_UNSEEN },
      },
    },
    ReaderConfig: {
      type: 'object',
      description: 'How a CSV file is read. ' + NAME_UNSEEN,
      additionalProperties: false,
      properties: {
        CSVHeaders: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'The column names; without it the first row of the file is the header. ' + NAME_UNSEEN },
      },
    },
  },
  if: { properties: { SourceType: { enum: OBJECT_SOURCES, description: 'A source that reads one object.' } }, required: ['SourceType'] },
  then: { properties: { SourceParameters: { required: ['ObjectName'], description: 'A one-object source names its object.' } } },
};

export const itemBatcher: JsonSchema = {
  type: 'object',
  description: `Groups several items into one batch that becomes one sub-execution's input ("Combines multiple items into a batch, which is used as the input of a sub-workflow execution"; it runs after ItemConstructor, ${DISTRIBUTED_DOC}, Mar 10 2025 and Mar 10 2026). The batch is \`{"Items": [...]}\` plus \`BatchInput\`. ${SUBFIELDS_UNSEEN}`,
  additionalProperties: false,
  properties: {
    MaxItemsPerBatch: { type: 'integer', minimum: 1, description: 'The most items in one batch. ' + NAME_UNSEEN },
    MaxInputBytesPerBatch: { type: 'integer', minimum: 1, description: 'The most bytes (of the JSON batch input) in one batch. ' + NAME_UNSEEN },
    BatchInput: { type: 'object', description: 'Fixed fields added to every batch input beside `Items`. ' + NAME_UNSEEN },
  },
};

export const resultWriter: JsonSchema = {
  type: 'object',
  description: `Writes the sub-execution results to OSS ("支持将子工作流执行的信息写入到指定的OSS目录", writes the sub-workflow results to a given OSS directory) instead of returning them in the state output ("collects results into a JSON array (or writes them to OSS using ResultWriter)", ${DISTRIBUTED_DOC}, Mar 10 2026). ${SUBFIELDS_UNSEEN}`,
  required: ['Parameters'],
  additionalProperties: false,
  properties: {
    Parameters: {
      type: 'object',
      description: 'Where the results go. ' + NAME_UNSEEN,
      required: ['Bucket'],
      additionalProperties: false,
      properties: {
        Bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$', description: 'The OSS bucket. ' + NAME_UNSEEN },
        Prefix: { type: 'string', description: 'The folder (key prefix) the results are written under, e.g. `results/`. ' + NAME_UNSEEN },
      },
    },
  },
};

export const mapCommon: Record<string, JsonSchema> = {
  ItemsPath: { type: 'string', description: 'Expression that yields the array to iterate over, e.g. `$Input.items`; may use `$Input` and `$Context`.' },
  Processor: subFlow('The sub-flow run for each item: `StartAt` and `States`.'),
  MaxConcuccency: { type: 'integer', minimum: 1, description: `Maximum number of items processed at once: inline mode at most 40 ("The default maximum concurrency is 40"), distributed mode 100 by default, more by quota ticket ("The default maximum concurrency is 100. To request a quota increase, submit a ticket.", ${LOOP_MAP_DOC}, Jun 23 2026). This is the spelling every field table uses.` },
  MaxConcurrency: { type: 'integer', minimum: 1, description: 'Maximum number of items processed at once. The field tables spell this `MaxConcuccency`; both spellings are accepted.' },
  OutputConstructor: outputConstructor,
  Next: next,
  End: end,
  Retry: retry,
  Catch: catchRules,
};

export const waitSeconds: JsonSchema = { type: 'integer', minimum: 1, maximum: 300, description: 'Seconds to wait: 1-300 for Standard flows, 1-20 for Express flows.' };

/** The fields only a distributed Map (one with `ProcessorConfig`) takes, beside mapCommon. */
export const distributedMapFields: Record<string, JsonSchema> = {
  ProcessorConfig: {
    type: 'object',
    description: `Selects distributed mode and how sub-executions run ("Each item or batch is passed to a sub-workflow execution defined by Processor, running in the mode specified by ProcessorConfig", ${DISTRIBUTED_DOC}, Mar 10 2026).`,
    additionalProperties: false,
    properties: {
      ExecutionMode: {
        enum: ['Express', 'Standard'],
        description: 'The execution mode of each sub-execution (a MapRun child execution): `Express` or `Standard` ("MapRun sub-workflows can be executed in standard mode and express mode", Mar 10 2025). No page states a default; Flowdeck uses `Express`, the only mode the Nov 26 2024 revision names.',
      },
    },
  },
  ItemReader: itemReader,
  ItemConstructor: constructor('Builds each item before it is processed (and before batching); `$Item` is the original item.'),
  ItemBatcher: itemBatcher,
  ResultWriter: resultWriter,
  MaxItems: { type: 'integer', minimum: 0, maximum: 1000000, description: `The most items the Map processes ("支援配置Map最多處理的Item數量", ${DISTRIBUTED_DOC}, tc Oct 25 2024); later items are dropped. 0 or absent: all of them, within the account quota ("The default maximum is 10,000 iterations. To increase the quota up to 1,000,000, submit a ticket.", ${LOOP_MAP_DOC}, Jun 23 2026); more items than the quota fail the state. The field tables give its type as \`MaxItems\`, a structure defined in a section no stored revision reaches; Flowdeck takes the count itself.` },
  ToleratedFailurePercentage: { type: 'number', minimum: 0, maximum: 100, description: `The percentage of sub-executions that may fail before the Map state fails (the fault tolerance policy: "When a sub-workflow execution fails, the Map state ends in failure" unless tolerated, ${DISTRIBUTED_DOC}, Mar 10 2026). The name is in the field tables (tc Oct 25 2024, ja Mar 11 2025); the default 0 is Flowdeck's reading. DescribeMapRun reports it as \`ToleratedFailedPercentage\`.` },
  ToleratedFailureCount: { type: 'integer', minimum: 0, description: 'The number of sub-executions that may fail before the Map state fails (default 0). No stored revision of the field table reaches this row: the name mirrors `ToleratedFailurePercentage`, and DescribeMapRun reports it as `ToleratedFailedCount`.' },
};
