// Docs that have no place in the JSON Schema: the `Action` values people use, the expression
// variables and the `$Context` fields. The keys of each object, their docs and values come
// from the schema (fields.ts). Facts: research fnf.md §2.3 and fnf-gaps.md §1-5.
import type { FieldDoc } from './schemaFields';

const f = (name: string, description: string): FieldDoc => ({ name, description });

/** `Action` values seen in the vendor's docs and published flows (`<Service>:<Operation>`; any OpenAPI operation works). */
export const KNOWN_ACTIONS: readonly FieldDoc[] = [
  f('FC:InvokeFunction', 'Invoke a Function Compute function. Parameters: `resourceArn`, `invocationType` (`Sync`/`Async`), `body`.'),
  f('HTTP:Request', 'Call an HTTP(S) endpoint. Parameters: `url`, `method`, `headers`, `body`. Output: `{Header, Code, Body}`.'),
  f('FNF:StartExecution', 'Start a child flow execution.'),
  f('MNS:SendMessage', 'Send a message to a Message Service queue.'),
  f('OSS:GetObject', 'Read an object from Object Storage Service.'),
  f('DashScope:QwenTextGeneration', 'Generate text with a Qwen model through DashScope (Model Studio).'),
  f('ECS:DescribeInstances', 'Any Alibaba Cloud OpenAPI operation can be called as `<Service>:<Operation>`, e.g. this one.'),
];

/** `$Context` fields (research fnf.md §2.3.3). */
export const CONTEXT_FIELDS: Record<string, readonly FieldDoc[]> = {
  $Context: [f('Execution', 'The execution: `Name`, `Input`, `RoleArn`.'), f('Current', 'The current state: `Name`, `Input`, `Output`, `Error`, `RetryCount`, `TaskToken`.')],
  'Execution': [f('Name', 'The execution name.'), f('Input', 'The execution input.'), f('RoleArn', 'The execution role.')],
  'Current': [
    f('Name', 'The current state name.'), f('Input', 'The current state input (= `$Input`).'),
    f('Output', 'The current state output (= `$Output`).'), f('Error', 'The caught error: `Code`, `Detail`.'),
    f('RetryCount', 'How many retries have run.'), f('TaskToken', 'The callback token of `WaitForCustomCallback` tasks.'),
  ],
  'Error': [f('Code', 'The error code.'), f('Detail', 'The error description.')],
};

export const VARIABLES: readonly FieldDoc[] = [
  f('$Input', 'The current state input.'),
  f('$Output', 'The raw result of the state; only in `OutputConstructor` and `GlobalConstructor`.'),
  f('$Context', 'The execution context: `$Context.Execution.Input`, `$Context.Current.TaskToken`, …'),
  f('$Global', 'Execution-wide variables written by `GlobalConstructor`.'),
  f('$Item', 'The current item; only in a distributed Map\'s `ItemConstructor`.'),
];
