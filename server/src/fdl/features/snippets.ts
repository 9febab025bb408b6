// One snippet per current-spec state type, inserted as a new item of a `States` list.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';

const BODIES: Record<string, string[]> = {
  Pass: ['Type: Pass', 'Name: ${1:Pass}', '${2:End: true}'],
  Task: [
    'Type: Task', 'Name: ${1:Invoke}', 'Action: ${2:FC:InvokeFunction}', 'TaskMode: RequestComplete', 'Parameters:',
    '  resourceArn: ${3:acs:fc:<region>:<account>:functions/<function>/LATEST}', '  invocationType: Sync', '  body:',
    '    input.$: \\$Input', '${4:End: true}',
  ],
  Choice: [
    'Type: Choice', 'Name: ${1:Choose}', 'Branches:', '  - Condition: ${2:\\$Input.status == "ready"}', '    Next: ${3:Ready}',
    'Default: ${4:NotReady}',
  ],
  Parallel: [
    'Type: Parallel', 'Name: ${1:Fan out}', 'Branches:', '  - StartAt: ${2:First}', '    States:', '      - Type: Pass',
    '        Name: ${2:First}', '        End: true', '${3:End: true}',
  ],
  Map: [
    'Type: Map', 'Name: ${1:Each item}', 'ItemsPath: ${2:\\$Input.items}', 'Processor:', '  StartAt: ${3:Handle}', '  States:',
    '    - Type: Pass', '      Name: ${3:Handle}', '      End: true', '${4:End: true}',
  ],
  Wait: ['Type: Wait', 'Name: ${1:Wait}', 'Seconds: ${2:10}', '${3:End: true}'],
  Succeed: ['Type: Succeed', 'Name: ${1:Done}'],
  Fail: ['Type: Fail', 'Name: ${1:Failed}', 'Code: ${2:MyError}', 'Detail: ${3:what went wrong}'],
};

/** Snippets for a new state whose first key sits at `column`; `dash` adds the `- ` item marker. */
export function stateSnippets(column: number, dash: boolean): CompletionItem[] {
  const pad = ' '.repeat(column);
  return Object.entries(BODIES).map(([type, lines], i) => ({
    label: `${type} state`,
    kind: CompletionItemKind.Snippet,
    detail: `a new ${type} state`,
    sortText: `~${i}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: (dash ? '- ' : '') + lines.map((l, j) => (j === 0 ? l : pad + (dash ? '  ' : '') + l)).join('\n'),
  }));
}
