// "Debug" on a case: under the flow debugger when one is installed (a `flowdeck` debug type),
// with the case's flow, input and test file; otherwise the case runs as with "Run", and the run's
// output says why.
import * as vscode from 'vscode';
import type { TestCase } from '../../../flowtest/src';

export const FLOW_DEBUG_TYPE = 'flowdeck';

/** True when some installed extension contributes the flow debugger. */
export function flowDebuggerAvailable(): boolean {
  return vscode.extensions.all.some((e) => {
    const debuggers = (e.packageJSON as { contributes?: { debuggers?: { type?: string }[] } } | undefined)?.contributes?.debuggers;
    return Array.isArray(debuggers) && debuggers.some((d) => d.type === FLOW_DEBUG_TYPE);
  });
}

/** Starts a debug session for one case; resolves false when it could not start. */
export async function debugCase(testFile: string, flowPath: string, testCase: TestCase): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(flowPath));
  return vscode.debug.startDebugging(folder, {
    type: FLOW_DEBUG_TYPE,
    request: 'launch',
    name: vscode.l10n.t('Debug test case: {0}', testCase.name),
    program: flowPath,
    input: testCase.input,
    // a debugger that knows flow tests answers the case's tasks from its mocks
    testFile,
    testCase: testCase.name,
  });
}
