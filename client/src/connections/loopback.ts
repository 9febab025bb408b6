// Reaching a service from here: an endpoint on this machine is an emulator and takes its fixed
// credentials; one client per endpoint and key.
import { staticCredentials, type CredentialProvider } from '../../../cloud/src';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../../../emulator/src';

export function isLoopback(endpoint: string): boolean {
  return /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?/.test(endpoint);
}

/** The fixed AccessKey pair every emulator accepts; `description` names it in errors. */
export function emulatorCredentials(description: string): CredentialProvider {
  return staticCredentials(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, undefined, description);
}

export const EMULATOR_KEY_PAIR = { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET } as const;

/** Strips trailing slashes so one endpoint has one spelling (and one cached client). */
export function trimEndpoint(endpoint: string): string {
  return endpoint.replace(/\/+$/, '');
}

/**
 * The credentials a service client signs with: the caller's own key pair when it gives one, the
 * emulator's fixed pair for an endpoint on this machine, else the service's provider chain.
 */
export function credentialsFor(endpoint: string, given: readonly [string | undefined, string | undefined], chain: () => CredentialProvider): CredentialProvider {
  const [id, secret] = given;
  if (id && secret) return staticCredentials(id, secret);
  return isLoopback(endpoint) ? emulatorCredentials('the local emulator') : chain();
}

/** One client per endpoint and key id, so every caller draws from the same rate-limit buckets. */
export class ClientCache<C> {
  private readonly clients = new Map<string, C>();

  get(endpoint: string, keyId: string | undefined, create: () => C): C {
    const key = `${endpoint}|${keyId ?? ''}`;
    let client = this.clients.get(key);
    if (!client) {
      client = create();
      this.clients.set(key, client);
    }
    return client;
  }
}
