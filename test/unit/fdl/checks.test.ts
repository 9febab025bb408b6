import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes as C } from '../../../server/src/diagnostics/codes';
import { at, docOf, rangeOf, service, summary, withCode, within } from './helpers';

const ls = service();
const validate = (text: string, executionMode?: 'Standard' | 'Express') =>
  ls.validate(docOf(text), executionMode ? { executionMode } : {});
/** Only the semantic codes this suite is about (schema diagnostics come from elsewhere). */
const SEMANTIC = new Set<string>([
  C.unknownState, C.duplicateState, C.unreachableState, C.missingTransition, C.nextWithEnd, C.nextNotAllowed,
  C.noTerminalState, C.catchAllNotLast, C.tooManyBranches, C.expressLimit, C.invalidName, C.expressionSyntax,
  C.conditionSyntax, C.expressionScope, C.unknownFunction, C.functionArity, C.expressionTooDeep, C.unknownVariable,
  C.undocumentedExpression, C.expressionWithoutSuffix, C.valueOutOfRange, C.invalidMappingSource,
]);
const semantic = (text: string, executionMode?: 'Standard' | 'Express') =>
  summary(validate(text, executionMode).filter((d) => SEMANTIC.has(String(d.code))));

/** Exactly one diagnostic on the value, whether the schema or the limit check reports it. */
function assertOutOfRange(text: string, value: string): void {
  const r = rangeOf(text, value);
  const hits = validate(text).filter((d) => JSON.stringify(d.range) === JSON.stringify(r));
  assert.equal(hits.length, 1, JSON.stringify(hits));
  assert.ok(hits[0]!.code === C.valueOutOfRange || hits[0]!.code === C.invalidValue);
}

const flow = (states: string, startAt = 'A') => `Type: StateMachine
SpecVersion: v1
Name: test-flow
StartAt: ${startAt}
States:
${states}`;

describe('state references', () => {
  test('an unknown Next is underlined and suggests the closest name', () => {
    const text = flow(`  - Type: Pass
    Name: A
    Next: Finsh
  - Type: Pass
    Name: Finish
    End: true`);
    const ds = validate(text);
    const unknown = withCode(ds, C.unknownState);
    assert.deepEqual(summary(unknown), [at(C.unknownState, rangeOf(text, 'Finsh'))]);
    assert.match(unknown[0]!.message, /no state named `Finsh` in the top-level `States`; did you mean `Finish`\?/);
    assert.equal(unknown[0]!.severity, DiagnosticSeverity.Error);
    assert.deepEqual(unknown[0]!.data, { replacement: 'Finish', title: 'Change to `Finish`' });
  });

  test('StartAt, Default, Branches[].Next and Catch[].Next are all checked', () => {
    const text = flow(`  - Type: Choice
    Name: A
    Branches:
      - Condition: $Input.x == 1
        Next: Nowhere1
    Default: Nowhere2
  - Type: Task
    Name: T
    Action: FC:InvokeFunction
    Catch:
      - Errors: [FnF.ALL]
        Description: all
        Next: Nowhere3
    End: true`, 'Nowhere0');
    assert.deepEqual(semantic(text).filter((s) => s.startsWith(C.unknownState)), [
      at(C.unknownState, rangeOf(text, 'Nowhere0')),
      at(C.unknownState, rangeOf(text, 'Nowhere1')),
      at(C.unknownState, rangeOf(text, 'Nowhere2')),
      at(C.unknownState, rangeOf(text, 'Nowhere3')),
    ]);
  });

  test('scopes are separate: a branch cannot jump to a top-level state', () => {
    const text = flow(`  - Type: Parallel
    Name: A
    Branches:
      - StartAt: B1
        States:
          - Type: Pass
            Name: B1
            Next: Done
    Next: Done
  - Type: Succeed
    Name: Done`);
    const ds = semantic(text);
    assert.deepEqual(ds.filter((s) => s.startsWith(C.unknownState)), [at(C.unknownState, rangeOf(text, 'Done'))]);
    const msg = withCode(validate(text), C.unknownState)[0]!.message;
    assert.match(msg, /in branch 1 of Parallel `A`/);
  });

  test('the same name in two branches is fine; twice in one scope is a duplicate', () => {
    const text = flow(`  - Type: Parallel
    Name: A
    Branches:
      - StartAt: X
        States:
          - Type: Pass
            Name: X
            End: true
      - StartAt: X
        States:
          - Type: Pass
            Name: X
            End: true
    Next: A2
  - Type: Pass
    Name: A2
    End: true
  - Type: Pass
    Name: A2
    End: true`);
    const dup = withCode(validate(text), C.duplicateState);
    assert.deepEqual(summary(dup), [at(C.duplicateState, rangeOf(text, 'A2', 2))]);
    assert.match(dup[0]!.message, /already used on line 21/);
  });
});

describe('transitions', () => {
  test('neither Next nor End underlines the state name', () => {
    const text = flow(`  - Type: Pass
    Name: A`);
    const ds = withCode(validate(text), C.missingTransition);
    assert.deepEqual(summary(ds), [at(C.missingTransition, within(text, 'Name: A', 'A'))]);
    assert.match(ds[0]!.message, /add `Next: <state>` to continue or `End: true` to end the flow/);
  });

  test('Next with End underlines Next', () => {
    const text = flow(`  - Type: Pass
    Name: A
    Next: B
    End: true
  - Type: Pass
    Name: B
    End: true`);
    assert.deepEqual(semantic(text), [at(C.nextWithEnd, rangeOf(text, 'Next', 0))]);
  });

  test('Choice has no Next/End; Succeed and Fail have no Next (End is tolerated)', () => {
    const text = flow(`  - Type: Choice
    Name: A
    Branches:
      - Condition: $Input.ok
        Next: S
    Default: F
    Next: S
  - Type: Succeed
    Name: S
    End: true
  - Type: Fail
    Name: F
    Detail: broken
    Next: S`);
    assert.deepEqual(semantic(text), [
      at(C.nextNotAllowed, rangeOf(text, 'Next', 1)),
      at(C.nextNotAllowed, rangeOf(text, 'Next', 2)),
    ]);
  });

  test('unreachable states warn at their name', () => {
    const text = flow(`  - Type: Pass
    Name: A
    End: true
  - Type: Pass
    Name: Orphan
    End: true`);
    const ds = withCode(validate(text), C.unreachableState);
    assert.deepEqual(summary(ds), [at(C.unreachableState, rangeOf(text, 'Orphan'))]);
    assert.equal(ds[0]!.severity, DiagnosticSeverity.Warning);
  });

  test('a scope that can never end is reported at its States key', () => {
    const text = flow(`  - Type: Pass
    Name: A
    Next: B
  - Type: Wait
    Name: B
    Seconds: 5
    Next: A`);
    assert.deepEqual(semantic(text), [at(C.noTerminalState, rangeOf(text, 'States'))]);
  });

  test('a Map processor is its own scope', () => {
    const text = flow(`  - Type: Map
    Name: A
    ItemsPath: $Input.items
    Processor:
      StartAt: P
      States:
        - Type: Pass
          Name: P
          Next: A
    End: true`);
    const ds = validate(text);
    const unknown = withCode(ds, C.unknownState);
    assert.deepEqual(summary(unknown), [at(C.unknownState, within(text, 'Next: A', 'A'))]);
    assert.match(unknown[0]!.message, /in the Processor of Map `A`/);
  });
});

describe('Retry and Catch', () => {
  test('FnF.ALL before another rule is flagged on the FnF.ALL item', () => {
    const text = flow(`  - Type: Task
    Name: A
    Action: FC:InvokeFunction
    Retry:
      - Errors: [FnF.ALL]
        Description: everything
        MaxAttempts: 2
        IntervalSeconds: 1
      - Errors: [FC.ResourceThrottled]
        Description: throttled
        MaxAttempts: 5
        IntervalSeconds: 100000
    End: true`);
    assert.deepEqual(semantic(text).filter((s) => s.startsWith(C.catchAllNotLast)), [at(C.catchAllNotLast, rangeOf(text, 'FnF.ALL'))]);
    assertOutOfRange(text, '100000');
  });
});

describe('limits', () => {
  test('an inline Map runs at most 40 items at once, in either spelling; a distributed one is not limited here', () => {
    const map = (key: string, extra = '') => flow(`  - Type: Map
    Name: A
    ItemsPath: $Input.items
    ${key}: 41${extra}
    Processor:
      StartAt: P
      States:
        - Type: Pass
          Name: P
          End: true
    End: true`);
    assertOutOfRange(map('MaxConcuccency'), '41');
    assertOutOfRange(map('MaxConcurrency'), '41');
    const distributed = validate(map('MaxConcuccency', '\n    ProcessorConfig:\n      ExecutionMode: Express'));
    assert.deepEqual(distributed.filter((d) => d.code === C.valueOutOfRange), []);
  });
  test('a distributed Map over its default quotas (10000 items, 100 at once) is warned about, not refused', () => {
    const map = (extra: string) => flow(`  - Type: Map
    Name: A
    ItemsPath: $Input.items
    ProcessorConfig:
      ExecutionMode: Express${extra}
    Processor:
      StartAt: P
      States:
        - Type: Pass
          Name: P
          End: true
    End: true`);
    const over = validate(map('\n    MaxItems: 20000\n    MaxConcuccency: 150')).filter((d) => d.code === C.valueOutOfRange);
    assert.deepEqual(over.map((d) => [d.severity, d.message.split(' ').slice(0, 2).join(' ')]), [[2, '`MaxItems` 20000'], [2, 'a distributed']]);
    assert.deepEqual(validate(map('\n    MaxItems: 10000\n    MaxConcuccency: 100')).filter((d) => d.code === C.valueOutOfRange), []);
  });
  test('Parallel over 50 branches', () => {
    const branches = Array.from({ length: 51 }, (_, i) => `      - StartAt: S${i}
        States:
          - Type: Pass
            Name: S${i}
            End: true`).join('\n');
    const text = flow(`  - Type: Parallel
    Name: A
    Branches:
${branches}
    End: true`);
    assert.deepEqual(semantic(text), [at(C.tooManyBranches, rangeOf(text, 'Branches'))]);
  });

  test('Wait Seconds and TaskMode are limited in Express flows only', () => {
    const text = flow(`  - Type: Wait
    Name: A
    Seconds: 60
    Next: T
  - Type: Task
    Name: T
    Action: FC:InvokeFunction
    TaskMode: WaitForCustomCallback
    End: true`);
    assert.deepEqual(semantic(text, 'Standard'), []);
    const express = validate(text, 'Express');
    assert.deepEqual(summary(withCode(express, C.expressLimit)), [
      at(C.expressLimit, rangeOf(text, '60')),
      at(C.expressLimit, rangeOf(text, 'WaitForCustomCallback')),
    ]);
    assert.match(withCode(express, C.expressLimit)[0]!.message, /Express flow waits at most 20 seconds/);
  });

  test('Wait Seconds beyond 300 in a Standard flow', () => {
    const text = flow(`  - Type: Wait
    Name: A
    Seconds: 301
    End: true`);
    assertOutOfRange(text, '301');
  });

  test('flow name rules', () => {
    const text = flow(`  - Type: Pass
    Name: A
    End: true`).replace('Name: test-flow', 'Name: 9 bad name');
    assert.deepEqual(semantic(text), [at(C.invalidName, rangeOf(text, '9 bad name'))]);
  });
});

describe('expressions', () => {
  test('a syntax error is underlined inside the value', () => {
    const text = flow(`  - Type: Pass
    Name: A
    InputConstructor:
      a.$: format("x", $Input.a
    End: true`);
    assert.deepEqual(semantic(text), [at(C.expressionSyntax, rangeOf(text, 'format('))]);
  });

  test('offsets inside a double-quoted value skip the quote', () => {
    const text = flow(`  - Type: Pass
    Name: A
    InputConstructor:
      a.$: "uuid() + 1"
    End: true`);
    assert.deepEqual(semantic(text), [at(C.expressionSyntax, rangeOf(text, '+ 1'))]);
  });

  test('a folded value falls back to the whole value', () => {
    const text = flow(`  - Type: Pass
    Name: A
    InputConstructor:
      a.$: >-
        uuid(
    End: true`);
    const ds = semantic(text);
    assert.equal(ds.length, 1);
    assert.ok(ds[0]!.startsWith(`${C.expressionSyntax}@8:11-`), ds[0]);
  });

  test('$Output only in OutputConstructor, $Item only in ItemConstructor', () => {
    const text = flow(`  - Type: Map
    Name: A
    ItemsPath: $Input.items
    InputConstructor:
      x.$: $Output.a
    ItemConstructor:
      y.$: $Item.id
    OutputConstructor:
      z.$: $Output.b
      w.$: $Item
    Processor:
      StartAt: P
      States:
        - Type: Pass
          Name: P
          End: true
    End: true`);
    const ds = validate(text);
    assert.deepEqual(summary(withCode(ds, C.expressionScope)), [
      at(C.expressionScope, rangeOf(text, '$Output', 0)),
      at(C.expressionScope, rangeOf(text, '$Item', 1)),
    ]);
    assert.match(withCode(ds, C.expressionScope)[0]!.message, /only inside `OutputConstructor`/);
  });

  test('unknown variables suggest the right case', () => {
    const text = flow(`  - Type: Pass
    Name: A
    InputConstructor:
      x.$: $input.a
    End: true`);
    const ds = withCode(validate(text), C.unknownVariable);
    assert.deepEqual(summary(ds), [at(C.unknownVariable, rangeOf(text, '$input'))]);
    assert.match(ds[0]!.message, /did you mean `\$Input`\?/);
  });

  test('unknown functions and wrong arity inside Parameters at any depth', () => {
    const text = flow(`  - Type: Task
    Name: A
    Action: FC:InvokeFunction
    Parameters:
      body:
        id.$: uuuid()
        h.$: hash($Input.a)
    End: true`);
    const ds = validate(text);
    assert.deepEqual(summary(ds.filter((d) => SEMANTIC.has(String(d.code)))), [
      at(C.unknownFunction, rangeOf(text, 'uuuid')),
      at(C.functionArity, rangeOf(text, 'hash($Input.a)')),
    ]);
    assert.match(withCode(ds, C.unknownFunction)[0]!.message, /did you mean `uuid`\?/);
    assert.match(withCode(ds, C.functionArity)[0]!.message, /`hash` takes 2 arguments but is given 1/);
  });

  test('more than 10 nested functions', () => {
    const expr = `${'length('.repeat(11)}$Input.a${')'.repeat(11)}`;
    const text = flow(`  - Type: Pass
    Name: A
    InputConstructor:
      x.$: ${expr}
    End: true`);
    assert.deepEqual(semantic(text), [at(C.expressionTooDeep, rangeOf(text, expr))]);
  });

  test('Condition grammar, Seconds.$, Timeout.$ and ItemsPath are parsed', () => {
    const text = flow(`  - Type: Choice
    Name: A
    Branches:
      - Condition: $Input.a === 1
        Next: W
      - Condition: "ready"
        Next: W
    Default: W
  - Type: Wait
    Name: W
    Seconds.$: $Input.(delay)
    Next: M
  - Type: Map
    Name: M
    ItemsPath: $Output.items
    Processor:
      StartAt: P
      States:
        - Type: Pass
          Name: P
          End: true
    End: true`);
    assert.deepEqual(semantic(text), [
      at(C.conditionSyntax, rangeOf(text, '=', 2)),
      at(C.conditionSyntax, rangeOf(text, 'ready')),
      at(C.expressionSyntax, rangeOf(text, '(')),
      at(C.expressionScope, rangeOf(text, '$Output')),
    ]);
  });

  test('an expression-like value under a key without .$ gets a hint with a fix', () => {
    const text = flow(`  - Type: Pass
    Name: A
    InputConstructor:
      x: $Input.a
    End: true`);
    const ds = withCode(validate(text), C.expressionWithoutSuffix);
    assert.deepEqual(summary(ds), [at(C.expressionWithoutSuffix, within(text, 'x: $Input', 'x'))]);
    assert.deepEqual(ds[0]!.data, { replacement: 'x.$', title: 'Rename the key to `x.$`' });
    assert.equal(ds[0]!.severity, DiagnosticSeverity.Information);
  });
});
