// A test case from a real execution ("Save as Test Case"): its input, each task's results as
// mocks (in call order; per iteration inside a Map), and how it ended as the expectations. Then
// the case is appended to the flow's test file, which is created when it does not exist yet.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { flowFileStem } from '../../cloud/src/fnf/facts';
// `require`, not `import`: one js-yaml in the bundle, its CommonJS build, as server/src/parse/yaml.ts explains.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate, see above
import jsYaml = require('js-yaml');
import type { HistoryEvent, JsonValue } from '../../emulator/src/engine';
import { lastProperty, parseText } from '../../server/src/parse';
import { ScopeTracker } from './scopes';

export interface RecordedExecution {
  readonly name: string;
  readonly input: JsonValue;
  readonly status: string;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
  readonly events: readonly HistoryEvent[];
}

type Answer = { output: JsonValue } | { error: string; cause: string };

function detail(event: HistoryEvent): Record<string, JsonValue> {
  try {
    const d = JSON.parse(event.EventDetail) as JsonValue;
    return typeof d === 'object' && d !== null && !Array.isArray(d) ? d : {};
  } catch {
    return {};
  }
}

function answerOf(event: HistoryEvent): Answer | undefined {
  const d = detail(event);
  if (event.Type === 'TaskSucceeded') return { output: d['output'] ?? null };
  if (event.Type === 'TaskFailed' || event.Type === 'TaskTimedOut' || event.Type === 'TaskSubmitFailed') {
    return { error: typeof d['error'] === 'string' ? d['error'] : 'FnF.TaskFailed', cause: typeof d['cause'] === 'string' ? d['cause'] : '' };
  }
  return undefined;
}

function endError(events: readonly HistoryEvent[]): string | undefined {
  const end = [...events].reverse().find((e) => e.Type === 'ExecutionFailed' || e.Type === 'ExecutionTimedOut' || e.Type === 'ExecutionStopped');
  const error = end ? detail(end)['error'] : undefined;
  return typeof error === 'string' ? error : undefined;
}

/** The answers one state gave, written the shortest way the runner reads back the same. */
function mockOf(answers: Answer[]): JsonValue {
  return answers.length === 1 ? answers[0]! : answers;
}

/** The test case (as plain data, ready to write as YAML) that replays `execution`. */
export function caseFromExecution(execution: RecordedExecution, name: string): Record<string, JsonValue> {
  const tracker = new ScopeTracker();
  // state -> iteration index (or -1 outside a Map) -> answers in call order
  const calls = new Map<string, Map<number, Answer[]>>();
  for (const event of execution.events) {
    const scope = tracker.observe(event);
    const answer = answerOf(event);
    if (!answer || event.StepName === '') continue;
    const byIteration = calls.get(event.StepName) ?? new Map<number, Answer[]>();
    calls.set(event.StepName, byIteration);
    const i = scope.iteration ?? -1;
    byIteration.set(i, [...(byIteration.get(i) ?? []), answer]);
  }
  const mocks: Record<string, JsonValue> = {};
  for (const [state, byIteration] of calls) {
    const indices = [...byIteration.keys()];
    if (indices.length === 1 && indices[0] === -1) {
      mocks[state] = mockOf(byIteration.get(-1)!);
    } else {
      const max = Math.max(...indices);
      // An iteration that never called the task gets an answer nobody reads; the list needs no holes.
      const iterations: JsonValue[] = [];
      for (let i = 0; i <= max; i++) iterations.push(byIteration.has(i) ? mockOf(byIteration.get(i)!) : { output: null });
      mocks[state] = { iterations };
    }
  }
  const expect: Record<string, JsonValue> = { status: execution.status };
  if (execution.status === 'Succeeded' && execution.output !== undefined) expect['output'] = execution.output;
  // DescribeExecution does not say why an execution failed; its last event does.
  const error = execution.error ?? endError(execution.events);
  if (execution.status !== 'Succeeded' && error) expect['error'] = error;
  return {
    name,
    input: execution.input,
    ...(Object.keys(mocks).length ? { mocks } : {}),
    expect,
  };
}

/** The flow test file that sits beside a flow: `x.flow.yaml` -> `x.flowtest.yaml`. */
export function testFileFor(flowPath: string): string {
  return `${dirname(flowPath)}/${flowFileStem(flowPath)}.flowtest.yaml`;
}

/** Names already used by the cases of a test file's text. */
function caseNames(text: string): Set<string> {
  const root = parseText(text, 'yaml').root;
  const cases = root?.kind === 'object' ? lastProperty(root, 'cases')?.value : undefined;
  const names = new Set<string>();
  if (cases?.kind === 'array') {
    for (const item of cases.items) {
      const n = item.kind === 'object' ? lastProperty(item, 'name')?.value : undefined;
      if (n?.kind === 'scalar' && typeof n.value === 'string') names.add(n.value);
    }
  }
  return names;
}

/** `name`, or `name (2)`, `name (3)`... whichever the file does not use yet. */
export function uniqueCaseName(text: string, name: string): string {
  const taken = caseNames(text);
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name} (${i})`)) return `${name} (${i})`;
}

/**
 * The text of the test file with `testCase` appended to its `cases` list (`old` undefined: a new
 * file pointing at `flowPath`), and the zero-based line the case starts on.
 */
export function withCaseAppended(
  old: string | undefined,
  testFilePath: string,
  flowPath: string,
  testCase: Record<string, JsonValue>,
): { text: string; line: number } {
  const yamlOf = (pad: string): string =>
    jsYaml.dump([testCase], { indent: 2, lineWidth: 120, noRefs: true })
      .trimEnd()
      .split('\n')
      .map((l) => pad + l)
      .join('\n') + '\n';
  if (old === undefined) {
    const flowRef = relative(dirname(testFilePath), flowPath).replace(/\\/g, '/');
    return { text: `flow: ${flowRef}\ncases:\n` + yamlOf('  '), line: 2 };
  }
  const root = parseText(old, 'yaml').root;
  const cases = root?.kind === 'object' ? lastProperty(root, 'cases') : undefined;
  if (cases?.value?.kind === 'array' && cases.value.items.length > 0) {
    // Right after the last case, at the column of the existing items' dashes.
    const first = cases.value.items[0]!;
    const lineStart = old.lastIndexOf('\n', first.range.start - 1) + 1;
    const dash = old.slice(lineStart, first.range.start).replace(/-\s*$/, '');
    const end = old.indexOf('\n', cases.value.range.end - 1);
    // a blank line between cases, as people write them
    const before = (end < 0 ? old + '\n' : old.slice(0, end + 1)) + '\n';
    const after = end < 0 ? '' : old.slice(end + 1);
    return { text: before + yamlOf(' '.repeat(dash.length)) + after, line: before.split('\n').length - 1 };
  }
  // No cases yet: an empty `cases:` (or `cases: []`) is replaced by the list, or one is added.
  const before = cases ? old.slice(0, cases.range.start) + 'cases:\n' : old + (old === '' || old.endsWith('\n') ? '' : '\n') + 'cases:\n';
  const after = cases ? old.slice(cases.range.end).replace(/^[^\n]*\n?/, '') : '';
  return { text: before + yamlOf('  ') + after, line: before.split('\n').length - 1 };
}

/** Appends `testCase` to the test file on disk (created when missing); see withCaseAppended. */
export function appendCase(testFilePath: string, flowPath: string, testCase: Record<string, JsonValue>): { text: string; line: number } {
  const old = existsSync(testFilePath) ? readFileSync(testFilePath, 'utf8') : undefined;
  const result = withCaseAppended(old, testFilePath, flowPath, testCase);
  writeFileSync(testFilePath, result.text);
  return result;
}
