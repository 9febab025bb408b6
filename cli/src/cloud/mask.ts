// Masks AccessKey IDs in text the CLI prints: the one it signs with, and any the service quotes
// ("The AccessKey ID LTAI5t... is invalid."), the same way the target line shows it.
import { maskKeyId } from '../../../cloud/src';

const QUOTED_ID = /(AccessKey ?Id:? ?|AccessKeyId[=:] ?|SecretId:? ?)([A-Za-z0-9_.-]{9,})/gi;

export function maskAccessKeyIds(text: string, knownId?: string): string {
  let out = text.replace(QUOTED_ID, (_m, label: string, id: string) => `${label}${maskKeyId(id)}`);
  if (knownId && knownId.length > 8) out = out.split(knownId).join(maskKeyId(knownId));
  return out;
}
