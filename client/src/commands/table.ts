// The one table of the extension's commands: id, title (its package.nls.json key; none for an
// internal command that package.json does not contribute), the feature that handles it and the
// handler. A new command is a line here, its handler in its feature, and its package.json and
// package.nls entries. Where a command shows and when it is enabled live in package.json's menus.
// client/src/commands/register.ts registers the table; a unit test holds it to package.json.
import type * as vscode from 'vscode';
import type { CynosdbFeatures, WatchArgs } from '../cynosdb';
import type { DebugFeatures, DebugFlowArgs } from '../debug';
import type { ExecutionFeatures } from '../execution';
import type { GraphFeatures } from '../graph';
import type { FlowServer } from '../lsp';
import type { FlowCommandArgs, PullArgs, PushArgs, WhatsappFeatures, WhatsappTreeNode } from '../whatsapp';

/** What the commands act on; a feature that failed to set up is undefined and its commands absent. */
export interface Features {
  readonly log: vscode.LogOutputChannel;
  readonly server: FlowServer;
  readonly execution: ExecutionFeatures | undefined;
  readonly debug: DebugFeatures | undefined;
  readonly graph: GraphFeatures | undefined;
  readonly whatsapp: WhatsappFeatures | undefined;
  readonly cynosdb: CynosdbFeatures | undefined;
}

export type FeatureName = Exclude<keyof Features, 'log'>;

export interface CommandEntry {
  readonly id: string;
  /** The title's key in package.nls.json; absent for an internal command. */
  readonly title?: string;
  readonly feature: FeatureName;
  /** Runs the command with the feature's live object (never undefined here) and the arguments. */
  readonly run: (features: Features, args: unknown[]) => unknown;
}

type Run<K extends FeatureName> = (feature: NonNullable<Features[K]>, arg: unknown, id: string, features: Features) => unknown;

function command<K extends FeatureName>(id: string, title: string | undefined, feature: K, run: Run<K>): CommandEntry {
  return { id, ...(title !== undefined ? { title } : {}), feature, run: (features, args) => run(features[feature] as NonNullable<Features[K]>, args[0], id, features) };
}

const internal = undefined;

export const COMMANDS: readonly CommandEntry[] = [
  // executions
  command('flowdeck.deploy', 'command.deploy', 'execution', (x, a, id) => x.commands.deploy(a, id)),
  command('flowdeck.startExecution', 'command.startExecution', 'execution', (x, a, id) => x.commands.startExecution(a, id)),
  command('flowdeck.tailExecution', 'command.tailExecution', 'execution', (x, a, id) => x.commands.tailExecution(a, id)),
  command('flowdeck.stopTailing', 'command.stopTailing', 'execution', (x, a, id) => x.commands.stopTailing(a, id)),
  command('flowdeck.stopExecution', 'command.stopExecution', 'execution', (x, a, id) => x.commands.stopExecution(a, id)),
  command('flowdeck.describeExecution', 'command.describeExecution', 'execution', (x, a, id) => x.commands.describeExecution(a, id)),
  command('flowdeck.startAgain', 'command.startAgain', 'execution', (x, a, id) => x.commands.startAgain(a, id)),
  command('flowdeck.openDefinition', 'command.openDefinition', 'execution', (x, a, id) => x.commands.openDefinition(a, id)),
  command('flowdeck.copyName', 'command.copyName', 'execution', (x, a, id) => x.commands.copyName(a, id)),
  command('flowdeck.selectTarget', 'command.selectTarget', 'execution', (x, a, id) => x.commands.selectTarget(a, id)),
  command('flowdeck.setCredentials', 'command.setCredentials', 'execution', (x, a, id) => x.commands.setCredentials(a, id)),
  command('flowdeck.clearCredentials', 'command.clearCredentials', 'execution', (x, a, id) => x.commands.clearCredentials(a, id)),
  command('flowdeck.refreshExecutions', 'command.refreshExecutions', 'execution', (x, a, id) => x.commands.refreshExecutions(a, id)),
  command('flowdeck.loadMoreExecutions', 'command.loadMoreExecutions', 'execution', (x, a, id) => x.commands.loadMoreExecutions(a, id)),
  command('flowdeck.openSampleFlow', 'command.openSampleFlow', 'execution', (x, a, id) => x.commands.openSampleFlow(a, id)),
  command('flowdeck.saveAsTestCase', 'command.saveAsTestCase', 'execution', (x, a, id) => x.commands.saveAsTestCase(a, id)),
  command('flowdeck.executionFeatures', internal, 'execution', (x) => x),
  // debugger
  command('flowdeck.debugFlow', 'command.debugFlow', 'debug', (x, a) => x.debugFlowCommand(a as DebugFlowArgs | vscode.Uri | undefined)),
  // graph
  command('flowdeck.showGraph', 'command.showGraph', 'graph', (x, a) => x.showGraph(a)),
  command('flowdeck.showRunOnGraph', 'command.showRunOnGraph', 'graph', (x, a) => x.showRunOnGraph(a)),
  command('flowdeck.graphFeatures', internal, 'graph', (x) => x),
  // WhatsApp Flows
  command('flowdeck.whatsapp.pull', 'command.whatsapp.pull.title', 'whatsapp', (x, a) => x.commands.pull(a as PullArgs | WhatsappTreeNode | undefined)),
  command('flowdeck.whatsapp.push', 'command.whatsapp.push.title', 'whatsapp', (x, a) => x.commands.push(a as PushArgs | vscode.Uri | undefined)),
  command('flowdeck.whatsapp.publish', 'command.whatsapp.publish.title', 'whatsapp', (x, a) => x.commands.publish(a as FlowCommandArgs | WhatsappTreeNode | undefined)),
  command('flowdeck.whatsapp.deprecate', 'command.whatsapp.deprecate.title', 'whatsapp', (x, a) => x.commands.deprecate(a as FlowCommandArgs | WhatsappTreeNode | undefined)),
  command('flowdeck.whatsapp.refresh', 'command.whatsapp.refresh.title', 'whatsapp', (x) => x.tree.refresh()),
  command('flowdeck.whatsapp.preview', 'command.whatsapp.preview.title', 'whatsapp', (x, a) => x.preview.openFor(a)),
  command('flowdeck.whatsapp.tree', internal, 'whatsapp', (x) => x.tree),
  command('flowdeck.whatsapp.previewPanel', internal, 'whatsapp', (x) => x.preview),
  // CynosDB task flows
  command('flowdeck.cynosdb.watch', 'command.cynosdb.watch.title', 'cynosdb', (x, a) => x.watcher.watch(a as WatchArgs | undefined)),
  command('flowdeck.cynosdb.clearFinished', 'command.cynosdb.clearFinished.title', 'cynosdb', (x) => x.watcher.clearFinished()),
  command('flowdeck.cynosdb.tree', internal, 'cynosdb', (x) => x.tree),
  // language server
  command('flowdeck.restartServer', 'command.restartServer.title', 'server', (x) => x.restart()),
  command('flowdeck.showOutput', 'command.showOutput.title', 'server', (_x, _a, _id, features) => features.log.show(true)),
];
