// The official SDKs' own signing functions, loaded from node_modules (devDependencies), to
// compare against in property tests.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface OpenApiUtil {
  getRPCSignature(params: Record<string, string>, method: string, secret: string): string;
  getAuthorization(
    request: { pathname: string; method: string; query: Record<string, string>; headers: Record<string, string> },
    algorithm: string,
    payloadHash: string,
    accessKeyId: string,
    secret: string,
  ): string;
}

interface TencentSign {
  sign3(o: {
    method: string;
    url: string;
    payload: Buffer;
    timestamp: number;
    service: string;
    secretId: string;
    secretKey: string;
    multipart: boolean;
    boundary: string;
    headers: Record<string, string>;
  }): string;
}

export const openApiUtil = (require('@alicloud/openapi-util') as { default: OpenApiUtil }).default;
export const tencentSign = (require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js') as { default: TencentSign }).default;
