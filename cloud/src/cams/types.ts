// CAMS (Chat App Message Service, API 2020-06-06) WhatsApp Flow operations: request and
// response fields exactly as the API metadata names them (research/whatsapp-tencent.md B.2).

/** The categories CreateFlow and ModifyFlow accept. */
export const FLOW_CATEGORIES = [
  'SIGN_UP', 'SIGN_IN', 'APPOINTMENT_BOOKING', 'LEAD_GENERATION', 'CONTACT_US', 'CUSTOMER_SUPPORT', 'SURVEY', 'OTHER',
] as const;
export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

export type CamsFlowStatus = 'PUBLISHED' | 'DRAFT' | 'DEPRECATED' | (string & {});

export interface CamsFlowSummary {
  readonly FlowId: string;
  readonly FlowName: string;
  readonly Categories: readonly string[];
}

export interface CamsFlow extends CamsFlowSummary {
  readonly Status?: CamsFlowStatus;
  /** Flow JSON version, e.g. "7.3". */
  readonly JSONVersion?: string;
  readonly DataApiVersion?: string;
  readonly PreviewUrl?: string;
  /** Epoch milliseconds. */
  readonly PreviewUrlExpires?: number;
  readonly EndpointUri?: string;
}

export interface CamsScope {
  /** The ISV sub-customer's Space ID or the direct customer's instance ID. */
  readonly CustSpaceId?: string;
}

export interface CreateCamsFlowRequest extends CamsScope {
  readonly FlowName: string;
  readonly Categories: readonly FlowCategory[];
  readonly EndpointUri?: string;
}

export interface ModifyCamsFlowRequest extends CreateCamsFlowRequest {
  readonly FlowId: string;
}

export interface ListCamsFlowRequest extends CamsScope {
  /** Empty lists every flow. */
  readonly FlowName?: string;
  /** Flows per page (default 20). */
  readonly PageSize?: number;
}

export interface CamsFlowAsset {
  readonly FlowId: string;
  /** URL of the Flow JSON file. */
  readonly FilePath: string;
}

/**
 * GetChatappUploadAuthorization's Data: temporary OSS credentials for uploading under `Dir` in
 * `BucketName` at `EndPoint`, valid for `Expire` seconds (cams-20200606 SDK model
 * GetChatappUploadAuthorizationResponseBodyData).
 */
export interface UploadAuthorization {
  readonly AccessKeyId: string;
  readonly AccessKeySecret: string;
  readonly SecurityToken: string;
  readonly BucketName: string;
  readonly Dir: string;
  readonly EndPoint: string;
  readonly Expire: number;
}

export interface CamsPreview {
  readonly FlowId: string;
  readonly PreviewUrl: string;
  readonly PreviewUrlExpires?: number;
}

export interface WithRequestId {
  readonly RequestId: string;
}
