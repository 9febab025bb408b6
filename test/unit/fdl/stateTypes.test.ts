// The state type tables against the parts that read them: what the table offers (a snippet, a
// state added from the graph) is a state the checks accept and the engine runs, and every
// table entry reaches the schema, completion, the outline and the graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { definitionFailure, DEFAULT_LIMITS } from '../../../emulator/src/engine';
import { STATE_TYPE_NAMES, STATE_TYPES, STEP_TYPE_NAMES, STEP_TYPES } from '../../../server/src/fdl';
import { fdlCurrentSchema } from '../../../server/src/schema/fdl/current';
import { fdlLegacySchema } from '../../../server/src/schema/fdl/legacy';
import { CURRENT_SHAPE, LEGACY_SHAPE } from '../../../server/src/graph/shape';
import { yamlLines } from '../../../server/src/graph/textShape';
import { docOf, service } from './helpers';

/** A snippet's text with each placeholder replaced by its default (`${1:Pass}` -> `Pass`). */
const expand = (lines: readonly string[]): string[] =>
  lines.map((l) => l.replace(/\$\{\d+:((?:[^{}]|\{[^}]*\})*)\}/g, '$1').replace(/\\\$/g, '$'));

const errorsOf = (text: string): string[] =>
  service().validate(docOf(text)).filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.range.start.line}: ${d.message}`);

const flowOf = (first: string[], rest: string[]): string =>
  ['Type: StateMachine', 'SpecVersion: v1', 'Name: table', `StartAt: ${/^Name: (.*)$/.exec(first[1] ?? '')?.[1] ?? ''}`, 'States:',
    ...first.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)), ...rest].join('\n') + '\n';

// The Choice snippet continues at `Ready` or `NotReady`.
const TARGETS = ['  - Type: Succeed', '    Name: Ready', '  - Type: Succeed', '    Name: NotReady'];

for (const type of STATE_TYPE_NAMES) {
  test(`the ${type} snippet is a state without errors`, () => {
    const lines = expand(STATE_TYPES[type].snippet);
    assert.equal(lines[0], `Type: ${type}`);
    const text = flowOf(lines, type === 'Choice' ? TARGETS : []);
    assert.deepEqual(errorsOf(text), [], text);
  });

  test(`a ${type} state added from the graph is accepted by the checks and compiled by the engine`, () => {
    const d = STATE_TYPES[type];
    const state = { Type: type, Name: 'Added', ...d.newState('Added', 'Done'), ...(d.transition === 'next' ? { Next: 'Done' } : {}) };
    const definition = { Type: 'StateMachine', SpecVersion: 'v1', StartAt: 'Added', States: [state, { Type: 'Succeed', Name: 'Done' }] };
    assert.equal(definitionFailure(definition, DEFAULT_LIMITS)?.message, undefined);
    const [first, ...rest] = yamlLines(state);
    const text = flowOf([first!, ...rest], ['  - Type: Succeed', '    Name: Done']);
    assert.deepEqual(errorsOf(text), [], text);
  });
}

test('every state type is in the schema, completion and the graph, with its icon in the outline', () => {
  const defs = fdlCurrentSchema.definitions ?? {};
  assert.deepEqual(defs.State?.oneOf, STATE_TYPE_NAMES.map((t) => ({ $ref: `#/definitions/${t}` })));
  for (const t of STATE_TYPE_NAMES) assert.ok(defs[t], t);
  assert.deepEqual(Object.keys(CURRENT_SHAPE.bodies), [...STATE_TYPE_NAMES]);
  assert.deepEqual([...CURRENT_SHAPE.terminal], ['Choice', 'Succeed', 'Fail']);
  const text = flowOf(['Type: Pass', 'Name: P', 'Next: T'], [
    '  - Type: Task', '    Name: T', '    Action: FC:InvokeFunction', '    Next: M',
    '  - Type: Map', '    Name: M', '    ItemsPath: $Input.items', '    Processor:', '      StartAt: I', '      States:', '        - Type: Wait', '          Name: I', '          Seconds: 1', '          End: true', '    End: true',
  ]);
  const kinds = (symbols: DocumentSymbol[]): [string, SymbolKind][] => symbols.flatMap((s) => [[s.name, s.kind] as [string, SymbolKind], ...kinds(s.children ?? [])]);
  assert.deepEqual(kinds(service().documentSymbols(docOf(text))), [
    ['P', STATE_TYPES.Pass.symbolKind], ['T', STATE_TYPES.Task.symbolKind], ['M', STATE_TYPES.Map.symbolKind], ['I', STATE_TYPES.Wait.symbolKind],
  ]);
});

test('every legacy step type is in the legacy schema, and the graph offers each one that has a body', () => {
  const defs = fdlLegacySchema.definitions ?? {};
  assert.deepEqual(defs.Step?.oneOf, STEP_TYPE_NAMES.map((t) => ({ $ref: `#/definitions/${t}` })));
  assert.deepEqual(Object.keys(LEGACY_SHAPE.bodies).sort(), STEP_TYPE_NAMES.filter((t) => STEP_TYPES[t].newStep).sort());
  assert.deepEqual([...LEGACY_SHAPE.terminal].sort(), ['choice', 'fail', 'succeed']);
});
