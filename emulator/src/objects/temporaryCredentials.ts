// STS-style temporary credentials for the object store, as GetChatappUploadAuthorization hands
// them out: an AccessKeyId/Secret pair that only works with its SecurityToken, until it expires,
// and only inside one bucket and key prefix.
import { randomBytes } from 'node:crypto';

export interface TemporaryCredential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly bucket: string;
  /** Keys this credential may read and write start with this. */
  readonly prefix: string;
}

const token = (bytes: number): string => randomBytes(bytes).toString('base64url');

export class TemporaryCredentials {
  private readonly issued = new Map<string, TemporaryCredential>();

  constructor(private readonly now: () => number) {}

  issue(bucket: string, prefix: string, seconds: number): TemporaryCredential {
    this.forgetExpired();
    const c: TemporaryCredential = {
      accessKeyId: `STS.${token(12)}`,
      accessKeySecret: token(24),
      securityToken: `CAIS${token(48)}`,
      expiresAt: this.now() + seconds * 1000,
      bucket,
      prefix,
    };
    this.issued.set(c.accessKeyId, c);
    return c;
  }

  find(accessKeyId: string): TemporaryCredential | undefined {
    return this.issued.get(accessKeyId);
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, c] of this.issued) if (c.expiresAt < now - 3600_000) this.issued.delete(id);
  }
}
