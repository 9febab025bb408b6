// Alibaba Cloud credentials entered in the editor: kept in VS Code's SecretStorage (the OS
// keychain), never in settings or logs. The cloud target falls back to the provider chain
// (environment, aliyun CLI profiles) when nothing is stored here.
import * as vscode from 'vscode';

const SECRET_KEY = 'flowdeck.alibabaCloud.credentials';

export interface StoredCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

function parseStored(text: string | undefined): StoredCredentials | undefined {
  if (!text) return undefined;
  try {
    const o = JSON.parse(text) as Partial<StoredCredentials>;
    if (typeof o.accessKeyId === 'string' && typeof o.accessKeySecret === 'string' && o.accessKeyId && o.accessKeySecret) {
      return { accessKeyId: o.accessKeyId, accessKeySecret: o.accessKeySecret, ...(o.securityToken ? { securityToken: o.securityToken } : {}) };
    }
  } catch {
    // a damaged entry is treated as absent; Set Credentials overwrites it
  }
  return undefined;
}

export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SECRET_KEY) this.changed.fire();
    });
  }

  async get(): Promise<StoredCredentials | undefined> {
    return parseStored(await this.secrets.get(SECRET_KEY));
  }

  async set(credentials: StoredCredentials): Promise<void> {
    await this.secrets.store(SECRET_KEY, JSON.stringify(credentials));
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

const ACCESS_KEY_ID = /^[A-Za-z0-9._-]{4,128}$/;

/**
 * "Flowdeck: Set Credentials": asks for the AccessKey pair (and an optional STS token). Arguments
 * let tests and scripts skip the prompts. Resolves to false when the user cancels.
 */
export async function promptAndStoreCredentials(store: CredentialStore, args?: Partial<StoredCredentials>): Promise<boolean> {
  const accessKeyId =
    args?.accessKeyId ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Alibaba Cloud credentials (1/3)'),
      prompt: vscode.l10n.t('AccessKey ID'),
      ignoreFocusOut: true,
      validateInput: (v) => (ACCESS_KEY_ID.test(v.trim()) ? undefined : vscode.l10n.t('Paste the AccessKey ID from the RAM console.')),
    }));
  if (!accessKeyId) return false;
  const accessKeySecret =
    args?.accessKeySecret ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Alibaba Cloud credentials (2/3)'),
      prompt: vscode.l10n.t('AccessKey secret (kept in VS Code secret storage)'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The secret cannot be empty.')),
    }));
  if (!accessKeySecret) return false;
  const securityToken =
    args && 'accessKeyId' in args
      ? args.securityToken
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Alibaba Cloud credentials (3/3)'),
          prompt: vscode.l10n.t('STS security token (leave empty for a permanent AccessKey)'),
          password: true,
          ignoreFocusOut: true,
        });
  if (securityToken === undefined && !(args && 'accessKeyId' in args)) return false;
  await store.set({ accessKeyId: accessKeyId.trim(), accessKeySecret: accessKeySecret.trim(), ...(securityToken?.trim() ? { securityToken: securityToken.trim() } : {}) });
  return true;
}
