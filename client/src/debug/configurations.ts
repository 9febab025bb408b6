// Launch configurations of the flow debugger: the one F5 makes for the active flow file when
// there is no launch.json, and the dynamic ones ("Debug order-processing (small-order)") offered
// for the open flow and each of its saved inputs.
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { isFdlLanguage } from '../language/languages';
import { declaredFlowName, flowdeckDirFor } from '../execution/workspace/definition';
import { listSavedInputs } from '../execution/workspace/inputs';

export const DEBUG_TYPE = 'flowdeck';

/** The launch arguments the adapter reads (debug/src/launch.ts). */
export interface FlowLaunchConfiguration extends vscode.DebugConfiguration {
  program?: string;
  input?: unknown;
  inputFile?: string;
  stopOnEntry?: boolean;
  cwd?: string;
}

export function isFlowDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && isFdlLanguage(document.languageId);
}

export function launchConfiguration(uri: vscode.Uri, extra: Partial<FlowLaunchConfiguration> = {}): FlowLaunchConfiguration {
  return { type: DEBUG_TYPE, request: 'launch', name: vscode.l10n.t('Debug {0}', basename(uri.fsPath)), program: uri.fsPath, ...extra };
}

/** Which saved input to debug with: none asked when there is none. */
export async function pickInputFile(document: vscode.TextDocument): Promise<{ inputFile?: string } | undefined> {
  const flowName = declaredFlowName(document.getText());
  const flowdeckDir = flowdeckDirFor(document.uri);
  const saved = flowName && flowdeckDir ? await listSavedInputs(flowdeckDir, flowName) : [];
  if (saved.length === 0) return {};
  type Item = vscode.QuickPickItem & { inputFile?: string };
  const items: Item[] = [
    ...saved.map((s) => ({ label: `$(json) ${s.name}`, description: vscode.workspace.asRelativePath(s.path), inputFile: s.path })),
    { label: `$(circle-slash) ${vscode.l10n.t('Empty input')}`, description: '{}' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Debug {0} with which input?', flowName ?? '') });
  if (!picked) return undefined;
  return picked.inputFile !== undefined ? { inputFile: picked.inputFile } : {};
}

/** F5 without launch.json (asking for a saved input when the flow has some), and configurations without a program. */
export class InitialConfigurationProvider implements vscode.DebugConfigurationProvider {
  async resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    if (!config.type && !config.request && !config.name) {
      if (!isFlowDocument(active)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open a flow file (.flow.yaml, .flow.json) to debug it.'));
        return undefined;
      }
      const input = await pickInputFile(active);
      return input ? launchConfiguration(active.uri, input) : undefined;
    }
    const launch = config as FlowLaunchConfiguration;
    if (!launch.program) {
      if (!isFlowDocument(active)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Set "program" in the launch configuration, or open the flow file to debug.'));
        return undefined;
      }
      launch.program = active.uri.fsPath;
    }
    return launch;
  }
}

/** One configuration for the active flow file, and one more for each of its saved inputs. */
export class DynamicConfigurationProvider implements vscode.DebugConfigurationProvider {
  async provideDebugConfigurations(): Promise<vscode.DebugConfiguration[]> {
    const document = vscode.window.activeTextEditor?.document;
    if (!isFlowDocument(document) || document.uri.scheme !== 'file') return [];
    const configurations: vscode.DebugConfiguration[] = [launchConfiguration(document.uri)];
    const flowName = declaredFlowName(document.getText());
    const flowdeckDir = flowdeckDirFor(document.uri);
    if (flowName && flowdeckDir) {
      for (const input of await listSavedInputs(flowdeckDir, flowName)) {
        configurations.push(
          launchConfiguration(document.uri, {
            name: vscode.l10n.t('Debug {0} ({1})', basename(document.uri.fsPath), input.name),
            inputFile: input.path,
          }),
        );
      }
    }
    return configurations;
  }
}
