// The signature schemes, for the emulator to check what the clients sign: the RPC (v1), ACS3,
// TC3 and OSS (v1) signatures and a constant-time comparison.
export { rpcV1Verify } from './rpcV1';
export { acs3Verify, parseAcs3Authorization } from './acs3';
export { parseTc3Authorization, tc3Verify } from './tc3';
export {
  ossCanonicalResource,
  ossPresignedGetUrl,
  ossSignature,
  ossStringToSign,
  parseOssAuthorization,
} from './ossV1';
export { signaturesEqual } from './encoding';
