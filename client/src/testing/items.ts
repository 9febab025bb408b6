// The Testing view's tree: one item per flow test file, one child per case (at its place in the
// file). A file that cannot be read as a test file shows its error on its item.
import * as vscode from 'vscode';
import { parseTestFile, TestFileError, type TestCase } from '../../../flowtest/src';

/** What an item stands for. */
export type ItemData =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'case'; readonly path: string; readonly flowPath: string; readonly testCase: TestCase };

export class TestItems {
  readonly data = new WeakMap<vscode.TestItem, ItemData>();

  constructor(private readonly controller: vscode.TestController) {}

  /** Creates or refreshes the item of a test file from its text. */
  update(uri: vscode.Uri, text: string): vscode.TestItem {
    const id = uri.toString();
    let file = this.controller.items.get(id);
    if (!file) {
      file = this.controller.createTestItem(id, vscode.workspace.asRelativePath(uri), uri);
      this.controller.items.add(file);
    }
    this.data.set(file, { kind: 'file', path: uri.fsPath });
    file.error = undefined;
    try {
      const parsed = parseTestFile(uri.fsPath, text);
      file.children.replace(
        parsed.cases.map((c) => {
          const item = this.controller.createTestItem(`${id}#${c.name}`, c.name, uri);
          item.range = new vscode.Range(c.span.start.line, c.span.start.character, c.span.end.line, c.span.end.character);
          this.data.set(item, { kind: 'case', path: uri.fsPath, flowPath: parsed.flowPath, testCase: c });
          return item;
        }),
      );
    } catch (e) {
      if (!(e instanceof TestFileError)) throw e;
      file.children.replace([]);
      file.error = new vscode.MarkdownString(
        vscode.l10n.t('Line {0}, column {1}: {2}', e.position.line + 1, e.position.character + 1, e.problem),
      );
    }
    return file;
  }

  remove(uri: vscode.Uri): void {
    this.controller.items.delete(uri.toString());
  }

  /** The case items under `items` (a file item stands for all its cases), without `excluded`. */
  casesOf(items: readonly vscode.TestItem[], excluded: readonly vscode.TestItem[] = []): vscode.TestItem[] {
    const skip = new Set(excluded);
    // a request may name a file and one of its cases too: each case once
    const out = new Set<vscode.TestItem>();
    const add = (item: vscode.TestItem): void => {
      if (skip.has(item)) return;
      const d = this.data.get(item);
      if (d?.kind === 'case') out.add(item);
      else item.children.forEach(add);
    };
    items.forEach(add);
    return [...out];
  }

  all(): vscode.TestItem[] {
    const out: vscode.TestItem[] = [];
    this.controller.items.forEach((i) => out.push(i));
    return out;
  }
}
