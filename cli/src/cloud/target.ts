// Chooses where deploy/start/tail talk to: an explicit --endpoint, Alibaba Cloud (when credentials
// are configured, or --region is given), or else the local emulator with its fixed credentials.
import {
  EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET, DEFAULT_FNF_REGION, emulatorEndpoint, fnfEndpoint,
} from '../../../cloud/src/fnf';
import { aliyunCliProfileRegion, defaultAlibabaCredentials, requireCredentials, staticCredentials } from '../../../cloud/src';
import { maskKeyId, type CredentialProvider } from '../../../cloud/src';
import { FnfClient } from '../../../cloud/src/fnf';
import type { OptionSpecs } from '../command/define';

const TARGET_SECTION = 'Target (printed on stderr before anything is sent):';

export const TARGET_OPTIONS = {
  local: {
    type: 'boolean',
    help: 'use the local emulator: FLOWDECK_EMULATOR_ENDPOINT, or\nhttp://127.0.0.1:<FLOWDECK_EMULATOR_PORT or 8787>, credentials local/local-secret',
    section: TARGET_SECTION,
  },
  endpoint: { type: 'string', value: 'URL', help: 'use this endpoint (credentials from the chain below; local/local-secret for a loopback URL)', section: TARGET_SECTION },
  region: { type: 'string', value: 'ID', help: "use Alibaba Cloud https://<ID>.fnf.aliyuncs.com (default cn-hangzhou, or the profile's region)", section: TARGET_SECTION },
  profile: { type: 'string', value: 'NAME', help: 'aliyun CLI profile to take credentials from (~/.aliyun/config.json)', section: TARGET_SECTION },
  verbose: { type: 'boolean', short: 'v', help: 'log each request (action, status, request id; never credentials)', section: TARGET_SECTION },
} as const satisfies OptionSpecs;

export const TARGET_NOTES = `Without --local/--endpoint/--region: Alibaba Cloud if credentials are found in ALIBABA_CLOUD_ACCESS_KEY_ID /
ALIBABA_CLOUD_ACCESS_KEY_SECRET (/ ALIBABA_CLOUD_SECURITY_TOKEN) or the aliyun CLI profile; otherwise the local emulator.`;

export interface TargetFlags {
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  readonly local?: boolean | undefined;
  readonly verbose?: boolean | undefined;
}

export interface Target {
  readonly client: FnfClient;
  /** One line saying where requests go and as whom, e.g. for stderr. */
  readonly description: string;
  readonly isLocal: boolean;
  /** The AccessKey ID requests are signed with (cloud targets), so messages can mask it. */
  readonly accessKeyId?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export async function resolveTarget(flags: TargetFlags, env: Env = process.env, log?: (line: string) => void): Promise<Target> {
  const chain = defaultAlibabaCredentials({ env, ...(flags.profile ? { profile: flags.profile } : {}) });
  const logOpt = flags.verbose && log ? { log } : {};
  const local = (endpoint: string, why: string): Target => ({
    client: new FnfClient({ endpoint, credentials: staticCredentials(EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET, undefined, 'emulator credentials'), ...logOpt }),
    description: `local emulator at ${endpoint} (${why})`,
    isLocal: true,
  });
  const emulator = env['FLOWDECK_EMULATOR_ENDPOINT'] || emulatorEndpoint(env);

  if (flags.local) return local(emulator, '--local');
  if (flags.endpoint) {
    const creds = await chain.resolve();
    if (!creds && isLoopback(flags.endpoint)) return local(flags.endpoint, 'no cloud credentials configured');
    return cloud(flags.endpoint, chain, logOpt, `endpoint ${flags.endpoint}`);
  }
  const creds = await chain.resolve();
  if (!creds && !flags.region) return local(emulator, 'no cloud credentials configured; pass --region to use Alibaba Cloud');
  const region = flags.region ?? env['ALIBABA_CLOUD_REGION_ID'] ?? (await aliyunCliProfileRegion({ env, ...(flags.profile ? { profile: flags.profile } : {}) })) ?? DEFAULT_FNF_REGION;
  return cloud(fnfEndpoint(region), chain, logOpt, `Alibaba Cloud ${region} (${fnfEndpoint(region)})`);
}

async function cloud(endpoint: string, chain: CredentialProvider, logOpt: { log?: (l: string) => void }, where: string): Promise<Target> {
  const creds = await requireCredentials(chain);
  return {
    client: new FnfClient({ endpoint, credentials: chain, ...logOpt }),
    description: `${where} as ${maskKeyId(creds.accessKeyId)} from ${creds.source}`,
    isLocal: false,
    accessKeyId: creds.accessKeyId,
  };
}

function isLoopback(endpoint: string): boolean {
  try {
    const host = new URL(/^[a-z]+:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}
