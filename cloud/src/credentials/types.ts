// What a signer needs to sign: an id, a secret and an optional session token. Tencent's
// SecretId/SecretKey/Token map onto the same three fields.

export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  /** Where these came from, for messages (never the secret itself), e.g. "environment variables". */
  readonly source: string;
}

/** Resolves credentials, or `undefined` when this source has none configured. */
export interface CredentialProvider {
  /** A short description for messages, e.g. "aliyun CLI profile 'default'". */
  readonly description: string;
  resolve(): Promise<Credentials | undefined>;
}

/** Masks an access key id for display: first 4 and last 3 characters. */
export function maskKeyId(id: string): string {
  return id.length <= 8 ? '****' : `${id.slice(0, 4)}****${id.slice(-3)}`;
}
