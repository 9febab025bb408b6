// An endpoint on this machine is an emulator: it takes the emulator's fixed credentials.
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
