// Which CAMS endpoint and credentials the WhatsApp commands use: arguments first (tests,
// automation), then the `flowdeck.cams.*` settings, then an emulator named by
// FLOWDECK_EMULATOR_ENDPOINT, then the local emulator while it is the current target, else
// Alibaba Cloud's regional endpoint with the credential chain.
import { CamsClient, DEFAULT_CAMS_REGION, camsEndpoint, camsOssUploader, httpPutUploader, type FlowJsonUploader } from '../../../cloud/src/cams';
import { defaultAlibabaCredentials } from '../../../cloud/src';
import { config } from '../config';
import { serviceEndpoint, type LocalEmulatorEndpoint } from './localEmulator';
import { ClientCache, credentialsFor, EMULATOR_KEY_PAIR, isLoopback } from './loopback';

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

/** One CamsClient per endpoint and key, so every command draws from the same rate-limit buckets. */
export class CamsConnections {
  private readonly clients = new ClientCache<CamsClient>();

  constructor(private readonly localEmulator: LocalEmulatorEndpoint) {}

  async connect(args: CamsTargetArgs): Promise<CamsConnection> {
    const region = config.camsRegion() ?? DEFAULT_CAMS_REGION;
    const endpoint = await serviceEndpoint(args.endpoint, config.camsEndpoint(), this.localEmulator, camsEndpoint(region));
    const local = isLoopback(endpoint);
    const client = this.clients.get(endpoint, args.accessKeyId, () =>
      new CamsClient({ endpoint, credentials: credentialsFor(endpoint, [args.accessKeyId, args.accessKeySecret], defaultAlibabaCredentials) }));
    // The documented path (upload authorization, then OSS) unless a PUT location overrides it.
    const uploadUrl = args.uploadUrl ?? config.camsUploadUrl();
    // The emulator's upload folder takes only signed writes; another store gets no credentials.
    const ownUploads = uploadUrl !== undefined && local && uploadUrl.startsWith(`${endpoint}/cams/uploads`);
    const uploadCredentials = args.accessKeyId && args.accessKeySecret ? { accessKeyId: args.accessKeyId, accessKeySecret: args.accessKeySecret } : EMULATOR_KEY_PAIR;
    const uploader = uploadUrl ? httpPutUploader(uploadUrl, ownUploads ? { credentials: uploadCredentials } : {}) : camsOssUploader(client);
    return { client, endpoint, uploader, label: local ? `emulator ${endpoint}` : `CAMS ${endpoint}` };
  }
}
