// The one error type every cloud call throws: HTTP status, the service's code, its message, the
// request id, and a hint saying what to do. Messages never contain credentials.

/** Codes produced on this side of the wire (no service response). */
export const LocalErrorCodes = {
  network: 'NetworkError',
  timeout: 'RequestTimeout',
  aborted: 'Aborted',
  badResponse: 'InvalidResponse',
  invalidInput: 'InvalidInput',
  noCredentials: 'NoCredentials',
} as const;

const hints: Readonly<Record<string, string>> = {
  FlowNotExists: 'No flow with this name in this region: check the name and region, or deploy the flow first.',
  FlowAlreadyExists: 'A flow with this name already exists: update it instead, or choose another name.',
  ExecutionNotExists: 'No execution with this name for this flow: check the flow and execution names.',
  ExecutionAlreadyExists: 'This execution name was already used by a finished execution: start with a new execution name.',
  ExecutionAlreadyCompleted: 'The execution has already finished, so there is nothing to stop.',
  ScheduleNotExists: 'No schedule with this name for this flow: check the schedule name.',
  ScheduleAlreadyExists: 'A schedule with this name already exists for the flow: update it or choose another name.',
  TaskAlreadyCompleted: 'The task was already reported; report each task token only once.',
  TaskInvalidState: 'The task is not waiting for a result right now; retry shortly.',
  ConcurrentUpdateError: 'Another update to the same resource happened at the same time; retry.',
  PreconditionFailed: 'The resource changed while this request was in flight; read it again and retry.',
  SignatureNotMatch: 'The request signature was rejected: check the AccessKey secret (and that nothing rewrites the request).',
  InvalidAccessKeyID: 'The AccessKey ID is unknown: check the credentials configured for this target.',
  'InvalidAccessKeyId.NotFound': 'The AccessKey ID is unknown: check the credentials configured for this target.',
  RequestTimeTooSkewed: "This computer's clock differs too much from the service's: synchronise the system clock.",
  EntityTooLarge: 'The request is larger than the service accepts (1,024 KiB): shrink the definition or input.',
  AccessDenied: 'The credentials do not own this resource: use the account that owns it or grant access.',
  'Product.Unsubscript': 'The account has not activated this product: activate it in the console first.',
  'Ram.PermissionDeny': 'The RAM user lacks permission for this action: grant it the policy for this API.',
  'System.LimitControl': 'The service is limiting requests from this account: wait a moment and retry.',
  'Unknown.ResourceOwnerId': 'The resource belongs to another account: check the account and resource id.',
  ResourceThrottled: 'Too many requests for this account: wait and retry (requests are already rate-limited on this side).',
  InvalidArgument: 'A parameter was rejected: check the values against the API documentation.',
  MissingRequiredParams: 'A required parameter was missing from the request.',
  MissingRequiredHeader: 'A required HTTP header was missing from the request.',
  ActionNotSupported: 'The service does not know this operation: check the endpoint points at the right product.',
  APIVersionNotSupported: 'The service does not support this API version: check the endpoint points at the right product.',
  UnsupportedMediaType: 'The request content type was rejected by the service.',
  InternalServerError: 'The service had an internal error; retry later.',
  'InvalidParameterValue.FlowNotFound': 'No CynosDB task flow with this id: check the FlowId and region.',
  'FailedOperation.FlowNotFoundError': 'No CynosDB task flow with this id: check the FlowId and region.',
  'FailedOperation.DatabaseAccessError': 'CynosDB could not read its database; retry later.',
  'InternalError.DbOperationFailed': 'CynosDB could not query its database; retry later.',
  'InvalidParameterValue.InvalidParameterValueError': 'A parameter value was rejected: check the FlowId.',
  'UnauthorizedOperation.PermissionDenied': 'CAM denied the request: grant the sub-account permission for this action.',
  'AuthFailure.SignatureFailure': 'The request signature was rejected: check the SecretKey.',
  'AuthFailure.SecretIdNotFound': 'The SecretId is unknown: check the Tencent Cloud credentials.',
  'AuthFailure.SignatureExpire': "This computer's clock differs too much from the service's: synchronise the system clock.",
  RequestLimitExceeded: 'Too many requests for this account: wait and retry.',
  [LocalErrorCodes.network]: 'The endpoint could not be reached: check the endpoint URL, the network, or that the emulator is running.',
  [LocalErrorCodes.timeout]: 'The service did not answer in time: retry, or raise the timeout.',
  [LocalErrorCodes.aborted]: 'The request was cancelled.',
  [LocalErrorCodes.badResponse]: 'The endpoint answered with something that is not the service\'s JSON: check the endpoint URL.',
  [LocalErrorCodes.invalidInput]: 'Fix the value named in the message and try again.',
  [LocalErrorCodes.noCredentials]:
    'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure a profile with `aliyun configure`, or pass credentials explicitly.',
};

/** What to do about a service or local error code; a generic hint for unknown codes. */
export function hintFor(code: string, status: number): string {
  const known = hints[code];
  if (known) return known;
  if (code.includes('Throttling')) return 'Too many requests: wait and retry.';
  if (status >= 500) return 'The service had an error; retry later.';
  return 'See the service documentation for this error code.';
}

export interface CloudErrorInit {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  readonly action?: string;
  readonly retryAfterMs?: number;
  readonly hint?: string;
  readonly cause?: unknown;
}

export class CloudError extends Error {
  /** HTTP status; 0 when no response arrived (network error, timeout, local validation). */
  readonly status: number;
  readonly code: string;
  /** The service's own message, without the code/request id decoration. */
  readonly serviceMessage: string;
  readonly requestId: string | undefined;
  readonly action: string | undefined;
  readonly hint: string;
  /** From `x-acs-retry-after` when the service sent it. */
  readonly retryAfterMs: number | undefined;

  constructor(init: CloudErrorInit) {
    const hint = init.hint ?? hintFor(init.code, init.status);
    const where = init.action ? `${init.action}: ` : '';
    const rid = init.requestId ? ` (request id ${init.requestId})` : '';
    super(`${where}${init.code}${init.status ? ` [HTTP ${init.status}]` : ''}: ${init.message}${rid}. ${hint}`, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.name = 'CloudError';
    this.status = init.status;
    this.code = init.code;
    this.serviceMessage = init.message;
    this.requestId = init.requestId;
    this.action = init.action;
    this.hint = hint;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** True for errors worth retrying: throttling, 5xx and network trouble; never other 4xx. */
  get retryable(): boolean {
    if (this.code === LocalErrorCodes.aborted || this.code === LocalErrorCodes.invalidInput || this.code === LocalErrorCodes.noCredentials) return false;
    if (this.status === 0) return this.code === LocalErrorCodes.network || this.code === LocalErrorCodes.timeout;
    return isThrottleCode(this.code) || this.status === 429 || this.status >= 500;
  }
}

export function isThrottleCode(code: string): boolean {
  return code === 'ResourceThrottled' || code.includes('Throttling') || code === 'System.LimitControl' || code.startsWith('RequestLimitExceeded');
}

export function invalidInput(message: string, action?: string): CloudError {
  return new CloudError({ status: 0, code: LocalErrorCodes.invalidInput, message, ...(action ? { action } : {}) });
}
