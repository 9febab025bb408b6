// Synthetic but realistic flows for the benchmark: a chain of blocks mixing Task (with Retry,
// Catch and expressions), Choice, Parallel, Map and Pass states, written as YAML; plus an Amazon
// States Language machine with the same number and mix of states for the peer comparison.

/** Builds a CloudFlow FDL flow (`Type: StateMachine`) with exactly `states` states. */
export function generateFdl(states: number): string {
  const lines: string[] = ['Type: StateMachine', 'Name: bench-flow', 'SpecVersion: v1', 'Description: generated for the benchmark', 'StartAt: S0', 'States:'];
  let made = 0;
  let block = 0;
  const budget = states - 2; // the final Succeed and the shared Fail target
  while (made < budget) {
    const left = budget - made;
    const name = `S${block}`;
    const next = `S${block + 1}`;
    const kind = block % 5;
    if (kind === 1 && left >= 3) {
      lines.push(...choice(name, next));
      made += 1;
    } else if (kind === 2 && left >= 3) {
      lines.push(...parallel(name, next));
      made += 3;
    } else if (kind === 3 && left >= 2) {
      lines.push(...map(name, next));
      made += 2;
    } else if (kind === 4) {
      lines.push(...pass(name, next));
      made += 1;
    } else {
      lines.push(...task(name, next, '  '));
      made += 1;
    }
    block++;
  }
  lines.push(`  - Type: Succeed`, `    Name: S${block}`, `  - Type: Fail`, `    Name: Failed`, `    Code: BenchError`, `    Detail: a task failed`);
  return lines.join('\n') + '\n';
}

function task(name: string, next: string, indent: string): string[] {
  // Inside a branch `Failed` is out of scope, so only top-level tasks catch.
  const catchRules = next === '' ? [] : [`${indent}  Catch:`, `${indent}    - Description: anything`, `${indent}      Errors:`, `${indent}        - FnF.ALL`, `${indent}      Next: Failed`];
  return [
    `${indent}- Type: Task`,
    `${indent}  Name: ${name}`,
    `${indent}  Action: FC:InvokeFunction`,
    `${indent}  TaskMode: RequestComplete`,
    `${indent}  Parameters:`,
    `${indent}    resourceArn: acs:fc:cn-hangzhou:123456789:functions/${name.toLowerCase()}/LATEST`,
    `${indent}    invocationType: Sync`,
    `${indent}    body:`,
    `${indent}      id.$: $Input.id`,
    `${indent}      label.$: format("item-{}", $Input.id)`,
    `${indent}  OutputConstructor:`,
    `${indent}    result.$: $Output.Body.result`,
    `${indent}    id.$: $Input.id`,
    `${indent}  Retry:`,
    `${indent}    - Description: throttled`,
    `${indent}      Errors:`,
    `${indent}        - FC.ResourceThrottled`,
    `${indent}      MaxAttempts: 3`,
    `${indent}      IntervalSeconds: 1`,
    `${indent}      BackoffRate: 2`,
    ...catchRules,
    ...(next === '' ? [`${indent}  End: true`] : [`${indent}  Next: ${next}`]),
  ];
}

function choice(name: string, next: string): string[] {
  return [
    `  - Type: Choice`,
    `    Name: ${name}`,
    `    Branches:`,
    `      - Condition: $Input.result == "retry" && $Input.id > 10`,
    `        Next: ${next}`,
    `    Default: ${next}`,
  ];
}

function parallel(name: string, next: string): string[] {
  return [
    `  - Type: Parallel`,
    `    Name: ${name}`,
    `    Branches:`,
    `      - StartAt: ${name}a`,
    `        States:`,
    ...task(`${name}a`, '', '          '),
    `      - StartAt: ${name}b`,
    `        States:`,
    `          - Type: Pass`,
    `            Name: ${name}b`,
    `            OutputConstructor:`,
    `              at.$: $Context.Current.Name`,
    `            End: true`,
    `    OutputConstructor:`,
    `      left.$: $Output.Branch0`,
    `    Next: ${next}`,
  ];
}

function map(name: string, next: string): string[] {
  return [
    `  - Type: Map`,
    `    Name: ${name}`,
    `    ItemsPath: $Input.items`,
    `    MaxConcuccency: 10`,
    `    Processor:`,
    `      StartAt: ${name}p`,
    `      States:`,
    `        - Type: Pass`,
    `          Name: ${name}p`,
    `          InputConstructor:`,
    `            value.$: $Input.value`,
    `          End: true`,
    `    Next: ${next}`,
  ];
}

function pass(name: string, next: string): string[] {
  return [
    `  - Type: Pass`,
    `    Name: ${name}`,
    `    InputConstructor:`,
    `      id.$: $Input.id`,
    `      stamp.$: uuid()`,
    `    Next: ${next}`,
  ];
}

/** An Amazon States Language machine (YAML) with the same number and mix of states. */
export function generateAsl(states: number): string {
  const lines: string[] = ['Comment: generated for the benchmark', 'StartAt: S0', 'States:'];
  let made = 0;
  let block = 0;
  const budget = states - 2;
  while (made < budget) {
    const left = budget - made;
    const name = `S${block}`;
    const next = `S${block + 1}`;
    const kind = block % 5;
    if (kind === 1 && left >= 3) {
      lines.push(
        `  ${name}:`,
        `    Type: Choice`,
        `    Choices:`,
        `      - And:`,
        `          - Variable: $.result`,
        `            StringEquals: retry`,
        `          - Variable: $.id`,
        `            NumericGreaterThan: 10`,
        `        Next: ${next}`,
        `    Default: ${next}`,
      );
      made += 1;
    } else if (kind === 2 && left >= 3) {
      lines.push(
        `  ${name}:`,
        `    Type: Parallel`,
        `    Branches:`,
        `      - StartAt: ${name}a`,
        `        States:`,
        ...aslTask(`${name}a`, '', '          '),
        `      - StartAt: ${name}b`,
        `        States:`,
        `          ${name}b:`,
        `            Type: Pass`,
        `            Parameters:`,
        `              at.$: $$.State.Name`,
        `            End: true`,
        `    ResultSelector:`,
        `      left.$: $[0]`,
        `    Next: ${next}`,
      );
      made += 3;
    } else if (kind === 3 && left >= 2) {
      lines.push(
        `  ${name}:`,
        `    Type: Map`,
        `    ItemsPath: $.items`,
        `    MaxConcurrency: 10`,
        `    ItemProcessor:`,
        `      StartAt: ${name}p`,
        `      States:`,
        `        ${name}p:`,
        `          Type: Pass`,
        `          Parameters:`,
        `            value.$: $.value`,
        `          End: true`,
        `    Next: ${next}`,
      );
      made += 2;
    } else if (kind === 4) {
      lines.push(`  ${name}:`, `    Type: Pass`, `    Parameters:`, `      id.$: $.id`, `      stamp.$: States.UUID()`, `    Next: ${next}`);
      made += 1;
    } else {
      lines.push(...aslTask(name, next, '  '));
      made += 1;
    }
    block++;
  }
  lines.push(`  S${block}:`, `    Type: Succeed`, `  Failed:`, `    Type: Fail`, `    Error: BenchError`, `    Cause: a task failed`);
  return lines.join('\n') + '\n';
}

function aslTask(name: string, next: string, indent: string): string[] {
  const catchRules = next === '' ? [] : [`${indent}  Catch:`, `${indent}    - ErrorEquals:`, `${indent}        - States.ALL`, `${indent}      Next: Failed`];
  return [
    `${indent}${name}:`,
    `${indent}  Type: Task`,
    `${indent}  Resource: arn:aws:states:::lambda:invoke`,
    `${indent}  Parameters:`,
    `${indent}    FunctionName: arn:aws:lambda:us-east-1:123456789012:function:${name.toLowerCase()}`,
    `${indent}    Payload:`,
    `${indent}      id.$: $.id`,
    `${indent}      label.$: States.Format('item-{}', $.id)`,
    `${indent}  ResultSelector:`,
    `${indent}    result.$: $.Payload.result`,
    `${indent}  Retry:`,
    `${indent}    - ErrorEquals:`,
    `${indent}        - Lambda.TooManyRequestsException`,
    `${indent}      MaxAttempts: 3`,
    `${indent}      IntervalSeconds: 1`,
    `${indent}      BackoffRate: 2`,
    ...catchRules,
    ...(next === '' ? [`${indent}  End: true`] : [`${indent}  Next: ${next}`]),
  ];
}

/** Counts the states of a generated FDL flow (every `Name:` directly under a `- Type:` line). */
export function countFdlStates(text: string): number {
  return (text.match(/^\s*- Type: /gm) ?? []).length;
}
