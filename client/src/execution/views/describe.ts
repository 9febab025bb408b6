// "Describe": an execution as a read-only JSON document (DescribeExecution, with its input and
// output shown as JSON rather than as the strings the service sends).
import * as vscode from 'vscode';
import type { ClientPool } from '../../connections';
import type { ExecutionRef } from '../commands/executionRef';

export const DESCRIBE_SCHEME = 'flowdeck-execution';

export function describeUri(ref: ExecutionRef): vscode.Uri {
  return vscode.Uri.from({ scheme: DESCRIBE_SCHEME, path: `/${ref.flowName}/${ref.executionName}.json` });
}

function refOfUri(uri: vscode.Uri): ExecutionRef {
  const m = /^\/([^/]+)\/(.+)\.json$/.exec(uri.path);
  if (!m) throw new Error(`not an execution document: ${uri.toString()}`);
  return { flowName: m[1]!, executionName: m[2]! };
}

export class ExecutionDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly clients: ClientPool) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = refOfUri(uri);
    const { client, label } = await this.clients.current();
    const { RequestId: _requestId, ...execution } = await client.describeExecution({ FlowName: ref.flowName, ExecutionName: ref.executionName });
    return JSON.stringify({ Target: label, ...execution }, null, 2) + '\n';
  }

  /** Opens (or re-reads) the document of an execution. */
  async open(ref: ExecutionRef): Promise<vscode.TextDocument> {
    const uri = describeUri(ref);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
    return document;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
