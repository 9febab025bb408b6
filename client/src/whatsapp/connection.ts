// Which CAMS endpoint and credentials the WhatsApp commands use: arguments first (tests,
// automation), then the `flowdeck.cams.*` settings, then an emulator named by
// FLOWDECK_EMULATOR_ENDPOINT, then the local emulator while it is the current target, else
// Alibaba Cloud's regional endpoint with the credential chain.
import * as vscode from 'vscode';
import { CamsClient, DEFAULT_CAMS_REGION, camsEndpoint, camsOssUploader, httpPutUploader, type FlowJsonUploader } from '../../../cloud/src/cams';
import { defaultAlibabaCredentials, staticCredentials } from '../../../cloud/src';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../../../emulator/src';
import type { LocalEmulatorEndpoint } from '../localEmulator';

/** Arguments any WhatsApp command accepts to talk to a given endpoint without settings. */
export interface CamsTargetArgs {
  readonly endpoint?: string;
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  /**
   * Overrides the upload: a base URL that accepts a PUT of the Flow JSON file and serves it back.
   * Without it, Push uploads through GetChatappUploadAuthorization and OSS.
   */
  readonly uploadUrl?: string;
}

export interface CamsConnection {
  readonly client: CamsClient;
  readonly endpoint: string;
  readonly uploader: FlowJsonUploader;
  readonly label: string;
}

const isLoopback = (endpoint: string): boolean => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?/.test(endpoint);

function setting(name: string): string | undefined {
  const v = vscode.workspace.getConfiguration('flowdeck').get<string>(name, '');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

const clients = new Map<string, CamsClient>();

export async function camsConnection(args: CamsTargetArgs, localEmulator: LocalEmulatorEndpoint): Promise<CamsConnection> {
  const emulator = process.env['FLOWDECK_EMULATOR_ENDPOINT'];
  const region = setting('cams.region') ?? DEFAULT_CAMS_REGION;
  const endpoint = (args.endpoint ?? setting('cams.endpoint') ?? emulator ?? (await localEmulator()) ?? camsEndpoint(region)).replace(/\/+$/, '');
  const local = isLoopback(endpoint);
  const key = `${endpoint}|${args.accessKeyId ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    const credentials =
      args.accessKeyId && args.accessKeySecret
        ? staticCredentials(args.accessKeyId, args.accessKeySecret)
        : local
          ? staticCredentials(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, undefined, 'the local emulator')
          : defaultAlibabaCredentials();
    client = new CamsClient({ endpoint, credentials });
    clients.set(key, client);
  }
  // The documented path (upload authorization, then OSS) unless a PUT location overrides it.
  const uploadUrl = args.uploadUrl ?? setting('cams.uploadUrl');
  // The emulator's upload folder takes only signed writes; another store gets no credentials.
  const ownUploads = uploadUrl !== undefined && local && uploadUrl.startsWith(`${endpoint}/cams/uploads`);
  const uploadCredentials = args.accessKeyId && args.accessKeySecret
    ? { accessKeyId: args.accessKeyId, accessKeySecret: args.accessKeySecret }
    : { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };
  const uploader = uploadUrl ? httpPutUploader(uploadUrl, ownUploads ? { credentials: uploadCredentials } : {}) : camsOssUploader(client);
  return { client, endpoint, uploader, label: local ? `emulator ${endpoint}` : `CAMS ${endpoint}` };
}
