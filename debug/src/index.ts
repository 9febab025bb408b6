// The flow debugger's public face: the DAP session (inline in the extension host) and the stdio
// runner (`flowdeck debug-adapter`).
export { FlowDebugSession, EXCEPTION_FILTERS, type FlowDebugSessionOptions } from './session';
export { runDebugAdapterOnStdio } from './stdio';
export type { FlowLaunchArguments } from './launch';
