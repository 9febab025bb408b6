// The local emulator's endpoint while "Local emulator" is the current target (started on first
// need), so the WhatsApp Flow and CynosDB features talk to the same emulator as the Executions
// view; undefined while the target is a cloud account.
export type LocalEmulatorEndpoint = () => Promise<string | undefined>;
