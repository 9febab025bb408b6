// The CAMS WhatsApp Flow operation table (API 2020-06-06, research notes B): methods, parameters
// with their kinds and required-ness, and the documented quota. CamsClient builds its requests from
// it; the emulator reads parameters and registers one handler per operation from it.
import type { OperationSpec } from '../rpc/operationTable';
import type { Quota } from '../rpc/tokenBucket';

export const CAMS_VERSION = '2020-06-06';

/** "单用户 QPS 限制为 5 次/秒" for every flow operation. */
export const CAMS_FLOW_QUOTA: Quota = { burst: 5, perSecond: 5 };

const POST = ['POST'] as const;
const text = { kind: 'string' } as const;
const required = { kind: 'string', required: true } as const;
/** Optional everywhere: the space of an ISV sub-customer (or the direct customer's instance). */
const space = { CustSpaceId: text } as const;
/** FlowId is required wherever the emulator reads it (the metadata leaves ModifyFlow's optional). */
const flowKey = { FlowId: required, ...space } as const;
const categories = { kind: 'list', required: true } as const;

export const CAMS_OPERATIONS = {
  CreateFlow: { methods: POST, params: { FlowName: required, Categories: categories, EndpointUri: text, ...space }, quota: CAMS_FLOW_QUOTA },
  ModifyFlow: { methods: POST, params: { ...flowKey, FlowName: required, Categories: categories, EndpointUri: text }, quota: CAMS_FLOW_QUOTA },
  ListFlow: { methods: POST, params: { FlowName: text, Page: { kind: 'json' }, ...space }, quota: CAMS_FLOW_QUOTA },
  GetFlow: { methods: POST, params: flowKey, quota: CAMS_FLOW_QUOTA },
  GetFlowJSONAssest: { methods: POST, params: flowKey, quota: CAMS_FLOW_QUOTA },
  UpdateFlowJSONAsset: { methods: POST, params: { ...flowKey, FilePath: required }, quota: CAMS_FLOW_QUOTA },
  GetFlowPreviewUrl: { methods: POST, params: flowKey, quota: CAMS_FLOW_QUOTA },
  PublishFlow: { methods: POST, params: flowKey, quota: CAMS_FLOW_QUOTA },
  DeprecateFlow: { methods: POST, params: flowKey, quota: CAMS_FLOW_QUOTA },
  DeleteFlow: { methods: POST, params: flowKey, quota: CAMS_FLOW_QUOTA },
  // Also 5 requests/s (research/whatsapp-tencent.md B.2).
  GetChatappUploadAuthorization: { methods: POST, params: space, quota: CAMS_FLOW_QUOTA },
} as const satisfies Record<string, OperationSpec>;

export type CamsOperationName = keyof typeof CAMS_OPERATIONS;
