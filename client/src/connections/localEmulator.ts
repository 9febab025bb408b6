// The local emulator's endpoint while "Local emulator" is the current target (started on first
// need), so the WhatsApp Flow and CynosDB features talk to the same emulator as the Executions
// view; undefined while the target is a cloud account.
import { externalEmulatorEndpoint } from './emulatorHost';
import { trimEndpoint } from './loopback';

export type LocalEmulatorEndpoint = () => Promise<string | undefined>;

/**
 * Where a WhatsApp Flow or CynosDB command sends its requests: the endpoint it was given, else
 * the one in the settings, else the emulator named by FLOWDECK_EMULATOR_ENDPOINT, else the local
 * emulator while it is the target, else the cloud service's.
 */
export async function serviceEndpoint(
  given: string | undefined, configured: string | undefined, localEmulator: LocalEmulatorEndpoint, cloud: string,
): Promise<string> {
  return trimEndpoint(given ?? configured ?? externalEmulatorEndpoint() ?? (await localEmulator()) ?? cloud);
}
