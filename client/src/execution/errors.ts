// How errors from the cloud client are put into words for people: the service's message, its
// code and a hint on what to do (CloudError carries all three), or a plain message otherwise.
import { CloudError } from '../../../cloud/src';

export function describeError(error: unknown): string {
  if (error instanceof CloudError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof CloudError ? error.code : undefined;
}
