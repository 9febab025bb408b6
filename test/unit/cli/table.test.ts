// The command table: `flowdeck --help` lists every command, each command's help is generated from
// its spec, and every kind of usage mistake is one message with the usage, exit status 2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS } from '../../../cli/src/commands';
import { flowdeck } from '../cli/flowdeck';

const cwd = process.cwd();

describe('flowdeck command table', () => {
  test('--help lists every command with its operands and summary, on stdout, exit 0', async () => {
    const r = await flowdeck(['--help'], { cwd });
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    for (const name of Object.keys(COMMANDS)) assert.match(r.out, new RegExp(`\\n  ${name}\\b.* {2,}\\S`), name);
    assert.match(r.out, /\n {2}tail FLOW EXECUTION {2}print an execution's events until it ends\n/);
  });

  test('no command or an unknown one: the list on stderr, exit 2', async () => {
    for (const argv of [[], ['nope'], ['toString']]) {
      const r = await flowdeck(argv, { cwd });
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, /^flowdeck: (no command given|unknown command '\w+')\n\nusage: flowdeck <command>/);
    }
  });

  test("every command's --help starts with its usage and lists -h, --help", async () => {
    for (const name of Object.keys(COMMANDS)) {
      const r = await flowdeck([name, '--help'], { cwd });
      assert.equal(r.code, 0, name);
      assert.match(r.out, new RegExp(`^usage: flowdeck ${name} .*\\[options\\]\\n`), name);
      assert.match(r.out, /\n {2}-h, --help {14}show this help\n/, name);
    }
  });

  test('the target options of deploy, start and tail are listed under their own heading', async () => {
    const r = await flowdeck(['tail', '--help'], { cwd });
    assert.match(r.out, /\n\nTarget \(printed on stderr before anything is sent\):\n {2}--local {17}use the local emulator/);
    assert.match(r.out, /\n {2}--interval MS {11}time between polls/);
  });

  test('usage mistakes: one line naming it, then the usage; exit 2, nothing run', async () => {
    const cases: [string[], string][] = [
      [['graph', 'a.yaml', '--bogus'], "unknown option '--bogus'"],
      [['graph', 'a.yaml', '--format'], '--format needs a value (json|svg|mermaid|dot)'],
      [['run', 'a.yaml', '--input', '-x'], "--input needs a value (JSON|@FILE); write --input=VALUE for a value that starts with '-'"],
      [['graph', 'a.yaml', '--format', 'png'], "--format takes json, svg, mermaid or dot, not 'png'"],
      [['graph', 'a.yaml', '--format='], '--format needs a value (json|svg|mermaid|dot)'],
      [['test', '--coverage=yes'], '--coverage takes no value'],
      [['tail', 'flow'], 'missing EXECUTION'],
      [['graph'], 'missing FILE'],
      [['graph', 'a.yaml', 'b.yaml', 'c.yaml'], "unexpected arguments 'b.yaml', 'c.yaml'"],
      [['preview', 'a.json'], 'missing --out DIR'],
      [['debug-adapter', 'x'], "unexpected argument 'x'"],
      [['tail', 'f', 'e', '--interval', '5'], '--interval must be a number of milliseconds from 100 to 60000'],
    ];
    for (const [argv, message] of cases) {
      const r = await flowdeck(argv, { cwd });
      const name = argv[0]!;
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '', argv.join(' '));
      assert.equal(r.err.split('\n')[0], `flowdeck ${name}: ${message}`, argv.join(' '));
      assert.match(r.err, new RegExp(`\\nusage: flowdeck ${name} .*\\[options\\]\\nRun \`flowdeck ${name} --help\` for its options\\.\\n$`));
    }
  });
});
