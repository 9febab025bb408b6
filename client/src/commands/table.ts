// The one table of the extension's commands: id, title (its package.nls.json key; none for an
// internal command that package.json does not contribute), the feature that handles it and the
// handler. Where a command shows and when it is enabled live in package.json's menus.
// client/src/commands/register.ts registers the table; a unit test holds it to package.json.
import type * as vscode from 'vscode';
import type { CynosdbFeatures, WatchArgs } from '../cynosdb';
import type { DebugFeatures, DebugFlowArgs } from '../debug';
import type { ExecutionFeatures } from '../execution';
import type { GraphFeatures } from '../graph';
import type { FlowServer } from '../lsp';
import type { FlowCommandArgs, PullArgs, PushArgs, WhatsappFeatures, WhatsappTreeNode } from '../whatsapp';
import { CommandIds, type CommandId } from './ids';

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
  readonly id: CommandId;
  /** The title's key in package.nls.json; absent for an internal command. */
  readonly title?: string;
  readonly feature: FeatureName;
  /** Runs the command with the feature's live object (never undefined here) and the arguments. */
  readonly run: (features: Features, args: unknown[]) => unknown;
}

function command<K extends FeatureName>(id: CommandId, title: string | undefined, feature: K, run: (f: NonNullable<Features[K]>, arg: unknown, features: Features) => unknown): CommandEntry {
  return { id, ...(title !== undefined ? { title } : {}), feature, run: (features, args) => run(features[feature] as NonNullable<Features[K]>, args[0], features) };
}

const internal = undefined;

export const COMMANDS: readonly CommandEntry[] = [
  // executions
  command(CommandIds.deploy, 'command.deploy', 'execution', (x, a) => x.commands.deploy(a)),
  command(CommandIds.startExecution, 'command.startExecution', 'execution', (x, a) => x.commands.startExecution(a)),
  command(CommandIds.tailExecution, 'command.tailExecution', 'execution', (x, a) => x.commands.tailExecution(a)),
  command(CommandIds.stopTailing, 'command.stopTailing', 'execution', (x, a) => x.commands.stopTailing(a)),
  command(CommandIds.stopExecution, 'command.stopExecution', 'execution', (x, a) => x.commands.stopExecution(a)),
  command(CommandIds.describeExecution, 'command.describeExecution', 'execution', (x, a) => x.commands.describeExecution(a)),
  command(CommandIds.startAgain, 'command.startAgain', 'execution', (x, a) => x.commands.startAgain(a)),
  command(CommandIds.openDefinition, 'command.openDefinition', 'execution', (x, a) => x.commands.openDefinition(a)),
  command(CommandIds.copyName, 'command.copyName', 'execution', (x, a) => x.commands.copyName(a)),
  command(CommandIds.selectTarget, 'command.selectTarget', 'execution', (x, a) => x.commands.selectTarget(a)),
  command(CommandIds.setCredentials, 'command.setCredentials', 'execution', (x, a) => x.commands.setCredentials(a)),
  command(CommandIds.clearCredentials, 'command.clearCredentials', 'execution', (x) => x.commands.clearCredentials()),
  command(CommandIds.refreshExecutions, 'command.refreshExecutions', 'execution', (x) => x.commands.refreshExecutions()),
  command(CommandIds.loadMoreExecutions, 'command.loadMoreExecutions', 'execution', (x, a) => x.commands.loadMoreExecutions(a)),
  command(CommandIds.openSampleFlow, 'command.openSampleFlow', 'execution', (x) => x.commands.openSampleFlow()),
  command(CommandIds.saveAsTestCase, 'command.saveAsTestCase', 'execution', (x, a) => x.commands.saveAsTestCase(a)),
  command(CommandIds.executionFeatures, internal, 'execution', (x) => x),
  // debugger
  command(CommandIds.debugFlow, 'command.debugFlow', 'debug', (x, a) => x.debugFlowCommand(a as DebugFlowArgs | vscode.Uri | undefined)),
  // graph
  command(CommandIds.showGraph, 'command.showGraph', 'graph', (x, a) => x.showGraph(a)),
  command(CommandIds.showRunOnGraph, 'command.showRunOnGraph', 'graph', (x, a) => x.showRunOnGraph(a)),
  command(CommandIds.graphFeatures, internal, 'graph', (x) => x),
  // WhatsApp Flows
  command(CommandIds.whatsappPull, 'command.whatsapp.pull.title', 'whatsapp', (x, a) => x.commands.pull(a as PullArgs | WhatsappTreeNode | undefined)),
  command(CommandIds.whatsappPush, 'command.whatsapp.push.title', 'whatsapp', (x, a) => x.commands.push(a as PushArgs | vscode.Uri | undefined)),
  command(CommandIds.whatsappPublish, 'command.whatsapp.publish.title', 'whatsapp', (x, a) => x.commands.publish(a as FlowCommandArgs | WhatsappTreeNode | undefined)),
  command(CommandIds.whatsappDeprecate, 'command.whatsapp.deprecate.title', 'whatsapp', (x, a) => x.commands.deprecate(a as FlowCommandArgs | WhatsappTreeNode | undefined)),
  command(CommandIds.whatsappRefresh, 'command.whatsapp.refresh.title', 'whatsapp', (x) => x.tree.refresh()),
  command(CommandIds.whatsappPreview, 'command.whatsapp.preview.title', 'whatsapp', (x, a) => x.preview.openFor(a)),
  command(CommandIds.whatsappTree, internal, 'whatsapp', (x) => x.tree),
  command(CommandIds.whatsappPreviewPanel, internal, 'whatsapp', (x) => x.preview),
  // CynosDB task flows
  command(CommandIds.cynosdbWatch, 'command.cynosdb.watch.title', 'cynosdb', (x, a) => x.watcher.watch(a as WatchArgs | undefined)),
  command(CommandIds.cynosdbClearFinished, 'command.cynosdb.clearFinished.title', 'cynosdb', (x) => x.watcher.clearFinished()),
  command(CommandIds.cynosdbTree, internal, 'cynosdb', (x) => x.tree),
  // language server
  command(CommandIds.restartServer, 'command.restartServer.title', 'server', (x) => x.restart()),
  command(CommandIds.showOutput, 'command.showOutput.title', 'server', (_x, _a, features) => features.log.show(true)),
];
