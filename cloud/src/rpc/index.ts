export * from './alibabaRpcCaller';
export * from './tencentTc3Caller';
export * from './tokenBucket';
export * from './retry';
export * from './clock';
export { defaultRateLimiter, normalizeEndpoint, type CallOptions, type CallerRuntimeOptions, type CloudLog } from './shared';
export * from './operationTable';
