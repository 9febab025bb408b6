// Which execution a command acts on: a tree node, `{ flowName, executionName }` from a script or
// test, or, when neither is given, one picked from the target's flows and executions.
import * as vscode from 'vscode';
import type { ClientPool } from '../../connections';
import { ExecutionNode, FlowNode } from '../views/tree/nodes';
import { executionDescription, statusIcon } from '../views/tree/nodes';

export interface ExecutionRef {
  readonly flowName: string;
  readonly executionName: string;
}

/** A reference given as a command argument, if the argument is one. */
export function executionRefOf(arg: unknown): ExecutionRef | undefined {
  if (arg instanceof ExecutionNode) return { flowName: arg.flowName, executionName: arg.name };
  if (arg && typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if (typeof o['flowName'] === 'string' && typeof o['executionName'] === 'string') return { flowName: o['flowName'], executionName: o['executionName'] };
  }
  return undefined;
}

export function flowNameOf(arg: unknown): string | undefined {
  if (arg instanceof FlowNode) return arg.name;
  if (arg instanceof ExecutionNode) return arg.flowName;
  if (arg && typeof arg === 'object' && typeof (arg as Record<string, unknown>)['flowName'] === 'string') return (arg as Record<string, string>)['flowName'];
  return undefined;
}

/** Asks for a flow, then one of its recent executions (newest first). */
export async function pickExecution(clients: ClientPool, options: { runningOnly?: boolean; flowName?: string } = {}): Promise<ExecutionRef | undefined> {
  const { client, label } = await clients.current();
  let flowName = options.flowName;
  if (!flowName) {
    const names: string[] = [];
    for await (const f of client.listFlows({ Limit: 100 })) names.push(f.Name);
    if (names.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No flow is deployed to {0} yet.', label));
      return undefined;
    }
    flowName = names.length === 1 ? names[0] : await vscode.window.showQuickPick(names.sort(), { title: vscode.l10n.t('Which flow?') });
    if (!flowName) return undefined;
  }
  const page = await client.listExecutionsPage({ FlowName: flowName, Limit: 100, ...(options.runningOnly ? { Status: 'Running' as const } : {}) });
  const executions = [...page.items].sort((a, b) => Date.parse(b.StartedTime ?? '') - Date.parse(a.StartedTime ?? '') || b.Name.localeCompare(a.Name));
  if (executions.length === 0) {
    void vscode.window.showInformationMessage(options.runningOnly ? vscode.l10n.t('{0} has no running execution.', flowName) : vscode.l10n.t('{0} has no execution yet.', flowName));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    executions.map((e) => ({ label: `$(${statusIcon(e.Status).id}) ${e.Name}`, description: `${e.Status} · ${executionDescription(e)}`, name: e.Name })),
    { title: vscode.l10n.t('Which execution of {0}?', flowName), matchOnDescription: true },
  );
  return picked ? { flowName, executionName: picked.name } : undefined;
}
