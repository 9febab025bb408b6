// The CynosDB operation table (API 2019-01-07, TC3): DescribeFlow, which the client polls, and
// RestartInstance, one of the asynchronous operations that hand out a FlowId. Parameters keep their
// JSON types in a TC3 body; a GET query or a v1 form carries them as text.
import type { OperationSpec } from '../rpc/operationTable';
import type { Quota } from '../rpc/tokenBucket';

export const CYNOSDB_VERSION = '2019-01-07';

/** "默认接口请求频率限制: 20次/秒". */
export const DESCRIBE_FLOW_QUOTA: Quota = { burst: 20, perSecond: 20 };

/** TC3 is POST; the SDKs' `reqMethod: GET` puts the same parameters in the query. */
const POST_OR_GET = ['POST', 'GET'] as const;

export const CYNOSDB_OPERATIONS = {
  DescribeFlow: { methods: POST_OR_GET, params: { FlowId: { kind: 'integer', required: true } }, quota: DESCRIBE_FLOW_QUOTA },
  RestartInstance: { methods: POST_OR_GET, params: { InstanceId: { kind: 'string', required: true } } },
} as const satisfies Record<string, OperationSpec>;

export type CynosdbOperationName = keyof typeof CYNOSDB_OPERATIONS;
