// One interpreter of the chain benchmark in a Node process of its own (bench/emulator.ts forks one
// for Flowdeck and one for aws-local-stepfunctions and alternates their repeats): in one shared
// process, aws-local's schema validator (asl-validator) leaves a heap of compiled schemas behind,
// and V8's allocation-site pretenuring then moved the short-lived objects of every run into the
// old generation: both interpreters lost speed, Flowdeck's about threefold (the CLI now turns
// pretenuring off, see heapTuning.ts). Each tool is loaded only in its own process. Asked over
// IPC for a repeat of `ms`, it answers transitions per second.
import { keepShortLivedObjectsYoung } from '../../server/src/lsp/heapTuning';
import { aslChain, cloudflowChain } from './chainFlows';

export type ChainTool = 'flowdeck' | 'aws-local';
export interface RepeatRequest {
  readonly ms: number;
}
export interface RepeatResult {
  readonly transitionsPerSec: number;
}

type Runner = () => Promise<void>;

async function flowdeckRunner(n: number): Promise<Runner> {
  // As the `flowdeck` command runs the interpreter (aws-local measured the same either way).
  keepShortLivedObjectsYoung();
  const { startRun } = await import('../../emulator/src/engine');
  const definition = cloudflowChain(n);
  const tasks = { invoke: () => null };
  return async () => {
    const events: unknown[] = [];
    const result = await startRun({ definition, input: { v: 1 }, flowName: 'bench', executionName: 'run', tasks, onEvent: (e) => events.push(e) }).done;
    if (result.status !== 'Succeeded') throw new Error(`flowdeck run failed: ${JSON.stringify(result)}`);
  };
}

async function awsLocalRunner(n: number): Promise<Runner> {
  const { StateMachine } = await import('aws-local-stepfunctions');
  const machine = new StateMachine(aslChain(n) as unknown as ConstructorParameters<typeof StateMachine>[0]);
  return async () => {
    await machine.run({ v: 1 }).result;
  };
}

/** Transitions per second over one repeat of about `ms`. */
async function measure(run: Runner, states: number, ms: number): Promise<number> {
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < ms) {
    await run();
    runs++;
  }
  return (runs * states) / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const tool = process.argv[2] as ChainTool;
  const n = Number(process.argv[3]);
  const run = await (tool === 'flowdeck' ? flowdeckRunner(n) : awsLocalRunner(n));
  process.on('message', (m: RepeatRequest) => {
    measure(run, n, m.ms).then(
      (transitionsPerSec) => process.send!({ transitionsPerSec } satisfies RepeatResult),
      (err: unknown) => {
        process.stderr.write(`${String(err)}\n`);
        process.exit(1);
      },
    );
  });
  process.send!('ready');
}

void main();
