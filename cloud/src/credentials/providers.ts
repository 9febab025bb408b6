// Credential sources and the chain that tries them in order: explicit, environment variables,
// the aliyun CLI's ~/.aliyun/config.json (AK and StsToken profiles), Tencent's environment
// variables and ~/.tencentcloud/credentials. The home directory and environment are injectable.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CloudError, LocalErrorCodes } from '../errors';
import type { CredentialProvider, Credentials } from './types';

type Env = Readonly<Record<string, string | undefined>>;

export function staticCredentials(accessKeyId: string, accessKeySecret: string, securityToken?: string, source = 'explicit credentials'): CredentialProvider {
  const creds: Credentials = { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}), source };
  return { description: source, resolve: async () => creds };
}

/** ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / ALIBABA_CLOUD_SECURITY_TOKEN. */
export function alibabaEnvCredentials(env: Env = process.env): CredentialProvider {
  return {
    description: 'environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    resolve: async () => {
      const id = env['ALIBABA_CLOUD_ACCESS_KEY_ID'];
      const secret = env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'];
      if (!id || !secret) return undefined;
      const token = env['ALIBABA_CLOUD_SECURITY_TOKEN'];
      return { accessKeyId: id, accessKeySecret: secret, ...(token ? { securityToken: token } : {}), source: 'environment variables' };
    },
  };
}

interface AliyunProfile {
  name?: unknown;
  mode?: unknown;
  access_key_id?: unknown;
  access_key_secret?: unknown;
  sts_token?: unknown;
  region_id?: unknown;
}

export interface AliyunProfileOptions {
  readonly homeDir?: string;
  /** Profile name; default: ALIBABA_CLOUD_PROFILE, else the file's `current`, else "default". */
  readonly profile?: string;
  readonly env?: Env;
}

/** A profile of the aliyun CLI (`~/.aliyun/config.json`), modes AK and StsToken. */
export function aliyunCliProfileCredentials(options: AliyunProfileOptions = {}): CredentialProvider {
  const env = options.env ?? process.env;
  const path = join(options.homeDir ?? homedir(), '.aliyun', 'config.json');
  return {
    description: `aliyun CLI profile in ${path}`,
    resolve: async () => {
      if (env['ALIBABA_CLOUD_CLI_PROFILE_DISABLED']?.toLowerCase() === 'true') return undefined;
      const text = await readOptional(path);
      if (text === undefined) return undefined;
      let conf: { current?: unknown; profiles?: unknown };
      try {
        conf = JSON.parse(text) as typeof conf;
      } catch {
        throw credentialError(`${path} is not valid JSON; fix it or run \`aliyun configure\` again`);
      }
      const profiles = Array.isArray(conf.profiles) ? (conf.profiles as AliyunProfile[]) : [];
      const name = options.profile ?? env['ALIBABA_CLOUD_PROFILE'] ?? (typeof conf.current === 'string' && conf.current ? conf.current : 'default');
      const p = profiles.find((x) => x.name === name);
      if (!p) {
        if (options.profile || env['ALIBABA_CLOUD_PROFILE']) throw credentialError(`profile '${name}' is not in ${path}`);
        return undefined;
      }
      const id = str(p.access_key_id);
      const secret = str(p.access_key_secret);
      const source = `aliyun CLI profile '${name}'`;
      if (p.mode === 'AK') {
        if (!id || !secret) throw credentialError(`${source} has no access_key_id/access_key_secret`);
        return { accessKeyId: id, accessKeySecret: secret, source };
      }
      if (p.mode === 'StsToken') {
        const token = str(p.sts_token);
        if (!id || !secret || !token) throw credentialError(`${source} needs access_key_id, access_key_secret and sts_token`);
        return { accessKeyId: id, accessKeySecret: secret, securityToken: token, source };
      }
      throw credentialError(`${source} uses mode '${String(p.mode)}'; only AK and StsToken profiles are supported, so set environment variables instead`);
    },
  };
}

/** The region configured in the aliyun CLI profile, if any (used as a default region). */
export async function aliyunCliProfileRegion(options: AliyunProfileOptions = {}): Promise<string | undefined> {
  const env = options.env ?? process.env;
  const text = await readOptional(join(options.homeDir ?? homedir(), '.aliyun', 'config.json'));
  if (text === undefined) return undefined;
  try {
    const conf = JSON.parse(text) as { current?: unknown; profiles?: AliyunProfile[] };
    const name = options.profile ?? env['ALIBABA_CLOUD_PROFILE'] ?? (typeof conf.current === 'string' && conf.current ? conf.current : 'default');
    return str(conf.profiles?.find((x) => x.name === name)?.region_id);
  } catch {
    return undefined;
  }
}

/** TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY / TENCENTCLOUD_SESSION_TOKEN. */
export function tencentEnvCredentials(env: Env = process.env): CredentialProvider {
  return {
    description: 'environment variables TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY',
    resolve: async () => {
      const id = env['TENCENTCLOUD_SECRET_ID'];
      const key = env['TENCENTCLOUD_SECRET_KEY'];
      if (!id || !key) return undefined;
      const token = env['TENCENTCLOUD_SESSION_TOKEN'];
      return { accessKeyId: id, accessKeySecret: key, ...(token ? { securityToken: token } : {}), source: 'environment variables' };
    },
  };
}

/** Tencent's credential file, `[default]` section with secret_id / secret_key (/ token), as the SDK reads it. */
export function tencentProfileCredentials(options: { homeDir?: string; profile?: string } = {}): CredentialProvider {
  const path = join(options.homeDir ?? homedir(), '.tencentcloud', 'credentials');
  const section = options.profile ?? 'default';
  return {
    description: `Tencent Cloud credential file ${path}`,
    resolve: async () => {
      const text = await readOptional(path);
      if (text === undefined) return undefined;
      const values = parseIniSection(text, section);
      const id = values['secret_id'];
      const key = values['secret_key'];
      if (!id || !key) return undefined;
      const token = values['token'];
      return { accessKeyId: id, accessKeySecret: key, ...(token ? { securityToken: token } : {}), source: `Tencent Cloud credential file [${section}]` };
    },
  };
}

/** Tries each provider in order; the first that has credentials wins. */
export function credentialChain(...providers: CredentialProvider[]): CredentialProvider {
  return {
    description: providers.map((p) => p.description).join(', then '),
    resolve: async () => {
      for (const p of providers) {
        const c = await p.resolve();
        if (c) return c;
      }
      return undefined;
    },
  };
}

/** The default chain for Alibaba Cloud products (fnf, CAMS). */
export function defaultAlibabaCredentials(options: AliyunProfileOptions = {}): CredentialProvider {
  return credentialChain(alibabaEnvCredentials(options.env), aliyunCliProfileCredentials(options));
}

/** The default chain for Tencent Cloud products (CynosDB). */
export function defaultTencentCredentials(options: { homeDir?: string; env?: Env } = {}): CredentialProvider {
  return credentialChain(tencentEnvCredentials(options.env), tencentProfileCredentials(options.homeDir ? { homeDir: options.homeDir } : {}));
}

/** Resolves a provider or throws a `NoCredentials` CloudError naming every place that was tried. */
export async function requireCredentials(provider: CredentialProvider): Promise<Credentials> {
  const c = await provider.resolve();
  if (!c) throw credentialError(`no credentials found (looked in: ${provider.description})`);
  return c;
}

function credentialError(message: string): CloudError {
  return new CloudError({ status: 0, code: LocalErrorCodes.noCredentials, message });
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw credentialError(`cannot read ${path}: ${(err as Error).message}`);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Minimal INI reader: `[section]` headers, `key = value` lines, `;`/`#` comments. */
export function parseIniSection(text: string, section: string): Record<string, string> {
  const out: Record<string, string> = {};
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = (header[1] as string).trim();
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || current !== section) continue;
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}
