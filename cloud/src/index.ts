// Public surface of the cloud clients: signers, generic callers, credentials, errors, fnf.
export * from './errors';
export { uuidV4 } from './uuid';
export * from './credentials';
export * from './rpc';
export * from './http/transport';
export * from './signing/rpcV1';
export * from './signing/acs3';
export * from './signing/tc3';
export { percentEncode, sha256Hex, EMPTY_SHA256 } from './signing/encoding';
export * from './fnf';
// The CAMS and CynosDB operation tables, which the emulator serves.
export * from './cams/operations';
export { FLOW_CATEGORIES } from './cams/types';
export * from './cynosdb/operations';
