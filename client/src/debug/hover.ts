// What the debugger evaluates under the mouse in a flow file: the whole FDL path at that spot
// (`$Input.order.lines[0].sku`, legacy `$.x`), not just the word, so hovers show real values.
import * as vscode from 'vscode';
import { pathAt } from './fdlPath';

export class FlowEvaluatableExpressions implements vscode.EvaluatableExpressionProvider {
  provideEvaluatableExpression(document: vscode.TextDocument, position: vscode.Position): vscode.EvaluatableExpression | undefined {
    const found = pathAt(document.lineAt(position.line).text, position.character);
    if (!found) return undefined;
    return new vscode.EvaluatableExpression(new vscode.Range(position.line, found.start, position.line, found.end), found.text);
  }
}
