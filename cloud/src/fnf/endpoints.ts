// Regional fnf endpoints (API metadata: `<region>.fnf.aliyuncs.com`) and the local emulator default.

/** The regions the API metadata lists. */
export const FNF_REGIONS = ['cn-qingdao', 'cn-beijing', 'cn-hangzhou', 'cn-shanghai', 'cn-shenzhen', 'ap-southeast-1', 'us-west-1'] as const;

export const DEFAULT_FNF_REGION = 'cn-hangzhou';

/** `https://<region>.fnf.aliyuncs.com`; any region id is accepted (the list above is what is documented). */
export function fnfEndpoint(region: string): string {
  if (!/^[a-z]{2,}-[a-z0-9-]+$/.test(region)) {
    throw new Error(`'${region}' is not a region id (expected something like cn-hangzhou); pass --endpoint to use another host`);
  }
  return `https://${region}.fnf.aliyuncs.com`;
}

/** The local emulator's default port, and its fixed credentials. */
export const EMULATOR_DEFAULT_PORT = 8787;
export const EMULATOR_ACCESS_KEY_ID = 'local';
export const EMULATOR_ACCESS_KEY_SECRET = 'local-secret';

export function emulatorEndpoint(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const port = env['FLOWDECK_EMULATOR_PORT'];
  const n = port && /^\d+$/.test(port) ? Number(port) : EMULATOR_DEFAULT_PORT;
  return `http://127.0.0.1:${n}`;
}
