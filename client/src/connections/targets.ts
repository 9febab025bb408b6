// Where flows are deployed and run: the local emulator (default) or Alibaba Cloud in a region.
// Resolves the current target to an endpoint and credentials, and switches targets.
import * as vscode from 'vscode';
import { config } from '../config';
import { credentialChain, defaultAlibabaCredentials, staticCredentials, type CredentialProvider } from '../../../cloud/src';
import { FNF_REGIONS, fnfEndpoint } from '../../../cloud/src/fnf';
import type { CredentialStore } from './credentials';
import type { EmulatorHost } from './emulatorHost';
import { emulatorCredentials } from './loopback';


export type TargetKind = 'emulator' | 'cloud';

export interface Target {
  readonly kind: TargetKind;
  /** The cloud region (also sent to the emulator, which ignores it). */
  readonly region: string;
  /** `flowdeck.endpoint` when set. */
  readonly endpointOverride: string | undefined;
}

/** What a client needs to reach the current target. */
export interface TargetConnection {
  readonly target: Target;
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: CredentialProvider;
  /** A stable key: same key, same endpoint and credential source. */
  readonly key: string;
}

export function currentTarget(): Target {
  return { kind: config.target(), region: config.region(), endpointOverride: config.endpoint() };
}

/** "Local emulator" or "Alibaba Cloud (cn-hangzhou)". */
export function targetLabel(t: Target): string {
  return t.kind === 'emulator' ? vscode.l10n.t('Local emulator') : vscode.l10n.t('Alibaba Cloud ({0})', t.region);
}


export class Targets implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Target>();
  /** Fires when the target, region, endpoint or stored credentials change. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private generation = 0;

  constructor(
    private readonly emulator: EmulatorHost,
    private readonly store: CredentialStore,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['target', 'region', 'endpoint', 'profile'].some((k) => config.affects(e, k))) this.fire();
      }),
      store.onDidChange(() => this.fire()),
    );
  }

  private fire(): void {
    this.generation++;
    this.changed.fire(currentTarget());
  }

  /** Increases on every change, so cached clients know they are stale. */
  get version(): number {
    return this.generation;
  }

  current(): Target {
    return currentTarget();
  }

  /** Resolves the endpoint and credentials of the current target (starting the emulator if needed). */
  async connect(): Promise<TargetConnection> {
    const target = currentTarget();
    if (target.kind === 'emulator') {
      if (target.endpointOverride) {
        // an emulator started elsewhere (`flowdeck emulator`): it takes the fixed local credentials
        const credentials = emulatorCredentials('emulator credentials');
        return { target, endpoint: target.endpointOverride, region: target.region, credentials, key: `emulator|${target.endpointOverride}` };
      }
      const c = await this.emulator.connection();
      return { target, endpoint: c.endpoint, region: target.region, credentials: staticCredentials(c.accessKeyId, c.accessKeySecret, undefined, 'emulator credentials'), key: `emulator|${c.endpoint}` };
    }
    const profile = config.profile();
    const stored: CredentialProvider = {
      description: vscode.l10n.t('credentials saved with "Flowdeck: Set Credentials"'),
      resolve: async () => {
        const s = await this.store.get();
        return s ? { ...s, source: 'VS Code secret storage' } : undefined;
      },
    };
    const credentials = credentialChain(stored, defaultAlibabaCredentials(profile ? { profile } : {}));
    const endpoint = target.endpointOverride ?? fnfEndpoint(target.region);
    return { target, endpoint, region: target.region, credentials, key: `cloud|${endpoint}|${target.region}|${profile ?? ''}|${this.generation}` };
  }

  /** "Flowdeck: Select Target": the emulator, or Alibaba Cloud in a region. */
  async select(args?: { kind?: TargetKind; region?: string }): Promise<Target | undefined> {
    let kind = args?.kind;
    if (!kind) {
      const now = currentTarget();
      const picked = await vscode.window.showQuickPick(
        [
          { label: `$(server-environment) ${vscode.l10n.t('Local emulator')}`, description: now.kind === 'emulator' ? vscode.l10n.t('current') : '', detail: vscode.l10n.t('Runs flows on this machine; no account needed.'), target: 'emulator' as const },
          { label: `$(cloud) ${vscode.l10n.t('Alibaba Cloud')}`, description: now.kind === 'cloud' ? vscode.l10n.t('current, {0}', now.region) : '', detail: vscode.l10n.t('CloudFlow in a region, with your AccessKey.'), target: 'cloud' as const },
        ],
        { title: vscode.l10n.t('Flowdeck target'), placeHolder: vscode.l10n.t('Where should flows be deployed and run?') },
      );
      if (!picked) return undefined;
      kind = picked.target;
    }
    let region = args?.region;
    if (kind === 'cloud' && !region && !args?.kind) {
      const now = config.region();
      const other = vscode.l10n.t('Other region…');
      const picked = await vscode.window.showQuickPick(
        [...FNF_REGIONS.map((r) => ({ label: r, description: r === now ? vscode.l10n.t('current') : fnfEndpoint(r) })), { label: other, description: '' }],
        { title: vscode.l10n.t('Alibaba Cloud region') },
      );
      if (!picked) return undefined;
      region =
        picked.label === other
          ? await vscode.window.showInputBox({
              title: vscode.l10n.t('Alibaba Cloud region'),
              prompt: vscode.l10n.t('Region id, for example cn-hangzhou. Set flowdeck.endpoint too if its endpoint is not <region>.fnf.aliyuncs.com.'),
              validateInput: (v) => (/^[a-z]+(-[a-z0-9]+)+$/.test(v.trim()) ? undefined : vscode.l10n.t('A region id looks like cn-hangzhou.')),
            })
          : picked.label;
      if (!region) return undefined;
    }
    if (region) await config.update('region', region.trim());
    await config.update('target', kind as TargetKind);
    return currentTarget();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
