// Which CynosDB endpoint, region and credentials a task-flow watch uses: arguments first (tests,
// automation), then the `flowdeck.cynosdb.*` settings, then an emulator named by
// FLOWDECK_EMULATOR_ENDPOINT, then the local emulator while it is the current target, else
// Tencent Cloud with its credential chain.
import { defaultTencentCredentials } from '../../../cloud/src';
import { CynosdbClient } from '../../../cloud/src/cynosdb';
import { config } from '../config';
import { serviceEndpoint, type LocalEmulatorEndpoint } from './localEmulator';
import { ClientCache, credentialsFor } from './loopback';

export const DEFAULT_CYNOSDB_REGION = 'ap-guangzhou';
const CYNOSDB_ENDPOINT = 'https://cynosdb.tencentcloudapi.com';

export interface CynosdbTargetArgs {
  readonly region?: string;
  readonly endpoint?: string;
  readonly secretId?: string;
  readonly secretKey?: string;
}

export interface CynosdbConnection {
  readonly client: CynosdbClient;
  readonly endpoint: string;
  readonly region: string;
}

/** One CynosdbClient per endpoint and key: its 20-per-second bucket paces every watch together. */
export class CynosdbConnections {
  private readonly clients = new ClientCache<CynosdbClient>();

  constructor(private readonly localEmulator: LocalEmulatorEndpoint) {}

  async connect(args: CynosdbTargetArgs): Promise<CynosdbConnection> {
    const region = args.region ?? config.cynosdbRegion() ?? DEFAULT_CYNOSDB_REGION;
    const endpoint = await serviceEndpoint(args.endpoint, config.cynosdbEndpoint(), this.localEmulator, CYNOSDB_ENDPOINT);
    const client = this.clients.get(endpoint, args.secretId, () =>
      new CynosdbClient({ endpoint, credentials: credentialsFor(endpoint, [args.secretId, args.secretKey], defaultTencentCredentials) }));
    return { client, endpoint, region };
  }
}
