// The one typed wrapper over the `flowdeck.*` settings. Read settings through these getters
// only (never `getConfiguration` elsewhere), so names, defaults and types live in one place.
import * as vscode from 'vscode';

export const CONFIG_SECTION = 'flowdeck';

export type TraceSetting = 'off' | 'messages' | 'verbose';

function section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
}

/** A string setting, trimmed; undefined when empty or not a string. */
function text(name: string): string | undefined {
  const v = section().get<string>(name, '');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export const config = {
  /** `flowdeck.languageDetection.enabled`: switch YAML/JSON files whose root marks them as flows. */
  languageDetectionEnabled(scope?: vscode.ConfigurationScope): boolean {
    return section(scope).get<boolean>('languageDetection.enabled', true) !== false;
  },
  /** `flowdeck.trace.server`: how much of the LSP traffic the "Flowdeck" output shows. */
  traceServer(): TraceSetting {
    return oneOf(section().get('trace.server'), ['off', 'messages', 'verbose'] as const, 'off');
  },
  /** `flowdeck.target`: where flows are deployed and run. */
  target(): 'emulator' | 'cloud' {
    return oneOf(section().get('target'), ['emulator', 'cloud'] as const, 'emulator');
  },
  /** `flowdeck.region`: the Alibaba Cloud region of the cloud target. */
  region(): string {
    const v = section().get<string>('region', 'cn-hangzhou');
    return typeof v === 'string' && v.trim() ? v.trim() : 'cn-hangzhou';
  },
  /** `flowdeck.profile`: aliyun CLI profile to take credentials from ('' = the chain's default). */
  profile(): string | undefined {
    return text('profile');
  },
  /** `flowdeck.endpoint`: endpoint override ('' = regional endpoint or the built-in emulator). */
  endpoint(): string | undefined {
    return text('endpoint');
  },
  /** `flowdeck.cams.region`: the CAMS region of the WhatsApp Flow commands (undefined = default). */
  camsRegion(): string | undefined {
    return text('cams.region');
  },
  /** `flowdeck.cams.endpoint`: CAMS endpoint override, e.g. an emulator. */
  camsEndpoint(): string | undefined {
    return text('cams.endpoint');
  },
  /** `flowdeck.cams.uploadUrl`: a PUT location that replaces the OSS upload of Push. */
  camsUploadUrl(): string | undefined {
    return text('cams.uploadUrl');
  },
  /** `flowdeck.cynosdb.region`: the Tencent Cloud region of watched task flows (undefined = default). */
  cynosdbRegion(): string | undefined {
    return text('cynosdb.region');
  },
  /** `flowdeck.cynosdb.endpoint`: CynosDB endpoint override, e.g. an emulator. */
  cynosdbEndpoint(): string | undefined {
    return text('cynosdb.endpoint');
  },
  /** `flowdeck.pollIntervalMs`: tail and sidebar polling interval, clamped to 200..60000. */
  pollIntervalMs(): number {
    const v = section().get<number>('pollIntervalMs', 1000);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(60_000, Math.max(200, Math.round(v))) : 1000;
  },
  /** `flowdeck.executions.pageSize`: executions loaded per flow and per "Load more" in the sidebar. */
  executionsPageSize(): number {
    const v = section().get<number>('executions.pageSize', 20);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(100, Math.max(1, Math.round(v))) : 20;
  },
  /** Changes a `flowdeck.*` setting where it is currently set (workspace if set there, else user). */
  async update(key: 'target' | 'region', value: string): Promise<void> {
    const s = section();
    const where =
      s.inspect(key)?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    await s.update(key, value, where);
  },
  /** True when a change event touches the given `flowdeck.*` key. */
  affects(event: vscode.ConfigurationChangeEvent, key: string): boolean {
    return event.affectsConfiguration(`${CONFIG_SECTION}.${key}`);
  },
};
