// The flow debugger in VS Code: the adapter runs inline in the extension host (the same
// FlowDebugSession as `flowdeck debug-adapter`), launch configurations for F5 and the Run view,
// and "Flowdeck: Debug Flow" (the CodeLens beside Start).
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { FlowDebugSession } from '../../../debug/src';
import { reportError } from '../log';
import { FDL_LANGUAGES } from '../language/languages';
import { targetDocument } from '../execution/workspace/definition';
import { FlowEvaluatableExpressions } from './hover';
import {
  DEBUG_TYPE,
  DynamicConfigurationProvider,
  InitialConfigurationProvider,
  isFlowDocument,
  launchConfiguration,
  pickInputFile,
  type FlowLaunchConfiguration,
} from './configurations';

export interface DebugFlowArgs {
  readonly uri?: vscode.Uri;
  /** A saved input file; skips the input question. */
  readonly inputFile?: string;
  /** The input itself; skips the input question. */
  readonly input?: Record<string, unknown>;
  readonly stopOnEntry?: boolean;
  /** Set by the CodeLens, a menu and the Command Palette: asks for a saved input when the flow has some. */
  readonly interactive?: boolean;
}

class InlineAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(session: vscode.DebugSession): vscode.DebugAdapterDescriptor {
    const program = (session.configuration as FlowLaunchConfiguration).program;
    const cwd = session.workspaceFolder?.uri.fsPath ?? (program ? dirname(program) : undefined);
    const exceptionFilterText = {
      uncaught: {
        label: vscode.l10n.t('Uncaught errors'),
        description: vscode.l10n.t('Stop where an error would fail the execution (no Retry or Catch handles it)'),
      },
      taskErrors: {
        label: vscode.l10n.t('All task errors'),
        description: vscode.l10n.t('Stop at every failed task call, including those a Retry or Catch rule handles'),
      },
    };
    return new vscode.DebugAdapterInlineImplementation(new FlowDebugSession({ ...(cwd !== undefined ? { cwd } : {}), exceptionFilterText }));
  }
}

export async function debugFlow(args: DebugFlowArgs = {}): Promise<boolean> {
  const document = await targetDocument(args.uri);
  if (!isFlowDocument(document) || document.uri.scheme !== 'file') {
    throw new Error(vscode.l10n.t('Open a flow file (.flow.yaml, .flow.json) to debug it.'));
  }
  if (document.isDirty) await document.save();
  let input: Partial<FlowLaunchConfiguration> = {};
  if (args.input !== undefined) input = { input: args.input };
  else if (args.inputFile !== undefined) input = { inputFile: args.inputFile };
  else if (args.interactive) {
    const picked = await pickInputFile(document);
    if (!picked) return false;
    input = picked;
  }
  const config = launchConfiguration(document.uri, { ...input, ...(args.stopOnEntry ? { stopOnEntry: true } : {}) });
  return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(document.uri), config);
}

export interface DebugFeatures {
  /** "Debug Flow": menus pass the file's Uri, the CodeLens and scripts an arguments object. */
  debugFlowCommand(arg?: DebugFlowArgs | vscode.Uri): Promise<boolean>;
}

export function registerDebugFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): DebugFeatures {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new InlineAdapterFactory()),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new InitialConfigurationProvider()),
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      new DynamicConfigurationProvider(),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.languages.registerEvaluatableExpressionProvider(
      FDL_LANGUAGES.map((language) => ({ language, scheme: 'file' })),
      new FlowEvaluatableExpressions(),
    ),
  );
  return {
    async debugFlowCommand(arg) {
      // A menu passes the file's Uri and the Command Palette nothing: a person is there to pick the input.
      const args: DebugFlowArgs = arg instanceof vscode.Uri ? { uri: arg, interactive: true } : arg ?? { interactive: true };
      try {
        return await debugFlow(args);
      } catch (error) {
        reportError(log, vscode.l10n.t('Could not start debugging'), error);
        if (!args.interactive) throw error;
        return false;
      }
    },
  };
}
