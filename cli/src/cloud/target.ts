// Chooses where deploy/start/tail talk to: an explicit --endpoint, Alibaba Cloud (when credentials
// are configured, or --region is given), or else the local emulator with its fixed credentials.
import {
  EMULATOR_ACCESS_KEY_ID,
  EMULATOR_ACCESS_KEY_SECRET,
  DEFAULT_FNF_REGION,
  emulatorEndpoint,
  fnfEndpoint,
  FnfClient,
} from '../../../cloud/src/fnf';
import {
  aliyunCliProfileRegion,
  defaultAlibabaCredentials,
  requireCredentials,
  staticCredentials,
  maskKeyId,
  type CredentialProvider,
} from '../../../cloud/src';

export const TARGET_OPTIONS = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  local: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
} as const;

export const TARGET_HELP = `Target (printed on stderr before anything is sent):
  --local                  use the local emulator: FLOWDECK_EMULATOR_ENDPOINT, or
                           http://127.0.0.1:<FLOWDECK_EMULATOR_PORT or 8787>, credentials local/local-secret
  --endpoint URL           use this endpoint (credentials from the chain below; local/local-secret for a loopback URL)
  --region ID              use Alibaba Cloud https://<ID>.fnf.aliyuncs.com (default cn-hangzhou, or the profile's region)
  --profile NAME           aliyun CLI profile to take credentials from (~/.aliyun/config.json)
  -v, --verbose            log each request (action, status, request id; never credentials)
  Without --local/--endpoint/--region: Alibaba Cloud if credentials are found in ALIBABA_CLOUD_ACCESS_KEY_ID /
  ALIBABA_CLOUD_ACCESS_KEY_SECRET (/ ALIBABA_CLOUD_SECURITY_TOKEN) or the aliyun CLI profile; otherwise the local emulator.
`;

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
