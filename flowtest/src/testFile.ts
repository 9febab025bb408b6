// Reads a flow test file: parses it with the language server's parser, checks it with the same
// schema and diagnostics the editor shows, and turns it into the runner's model. Any error is a
// TestFileError at the first problem's position (the CLI's exit status 2).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../../server/src';
import { lastProperty, toJsonValue, type Node, type ObjectNode } from '../../server/src/parse';
import type { JsonValue } from '../../emulator/src/engine';
import { languageService as service } from './language';
import {
  TestFileError, type Expectation, type ExpectedStatus, type MockAnswer, type MockAnswers, type StateMock, type TestCase, type TestFile,
} from './model';

let version = 0;

/** Reads and checks the test file at `path` (absolute); throws TestFileError when it is broken. */
export function readTestFile(path: string): TestFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TestFileError(path, { line: 0, character: 0 }, `cannot read the file: ${(e as Error).message}`);
  }
  return parseTestFile(path, text);
}

/** Checks and converts the text of a test file (path: absolute, for the flow's relative path). */
export function parseTestFile(path: string, text: string): TestFile {
  const doc = TextDocument.create(pathToFileURL(path).href, 'flowtest', ++version, text);
  const first = service
    .validate(doc)
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    // a syntax error first: the shape errors after it are often only its consequences
    .sort((a, b) => Number(b.code === DiagnosticCodes.syntaxError) - Number(a.code === DiagnosticCodes.syntaxError)
      || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
  if (first) throw new TestFileError(path, first.range.start, first.message);
  const root = service.analyse(doc).parsed.root;
  service.forget(doc.uri);
  if (root?.kind !== 'object') throw new TestFileError(path, { line: 0, character: 0 }, 'the file is empty; it needs `flow:` and `cases:`');
  const file = toJsonValue(root) as Record<string, JsonValue>;
  const casesNode = lastProperty(root, 'cases')?.value;
  const items = casesNode?.kind === 'array' ? casesNode.items : [];
  const fileStrict = file['mocks'] === 'strict';
  const fileClock = file['clock'] === 'real' ? 'real' : 'virtual';
  const span = (n: Node): TestCase['span'] => ({ start: doc.positionAt(n.range.start), end: doc.positionAt(n.range.end) });
  const cases = items.map((item, index): TestCase => {
    const c = toJsonValue(item) as Record<string, JsonValue>;
    const mocks = c['mocks'];
    return {
      name: c['name'] as string,
      index,
      input: c['input'] ?? {},
      mocks: typeof mocks === 'object' && mocks !== null ? stateMocks(mocks as Record<string, JsonValue>) : new Map(),
      strict: mocks === 'strict' || (typeof c['strict'] === 'boolean' ? c['strict'] : fileStrict),
      clock: c['clock'] === 'real' ? 'real' : c['clock'] === 'virtual' ? 'virtual' : fileClock,
      expect: expectation(c['expect'] as Record<string, JsonValue>),
      span: span(item as ObjectNode),
    };
  });
  const flowPath = resolve(dirname(path), file['flow'] as string);
  if (!existsSync(flowPath)) {
    const at = lastProperty(root, 'flow')?.value ?? root;
    throw new TestFileError(path, doc.positionAt(at.range.start), `the flow ${String(file['flow'])} does not exist (paths are relative to this file)`);
  }
  return { path, flowPath, cases };
}

function answer(raw: JsonValue): MockAnswer {
  const o = raw as Record<string, JsonValue>;
  if (typeof o['error'] === 'string') return { error: o['error'], cause: typeof o['cause'] === 'string' ? o['cause'] : '' };
  return { output: o['output'] ?? null };
}

const answers = (raw: JsonValue): MockAnswers =>
  Array.isArray(raw) ? { answers: raw.map(answer), repeat: false } : { answers: [answer(raw)], repeat: true };

function stateMocks(raw: Record<string, JsonValue>): Map<string, StateMock> {
  const out = new Map<string, StateMock>();
  for (const [state, mock] of Object.entries(raw)) {
    const iterations = !Array.isArray(mock) && typeof mock === 'object' && mock !== null ? mock['iterations'] : undefined;
    out.set(
      state,
      Array.isArray(iterations) ? { kind: 'iterations', perIteration: iterations.map(answers) } : { kind: 'each', ...answers(mock) },
    );
  }
  return out;
}

function expectation(raw: Record<string, JsonValue>): Expectation {
  return {
    ...(typeof raw['status'] === 'string' ? { status: raw['status'] as ExpectedStatus } : {}),
    ...('output' in raw ? { output: { value: raw['output'] ?? null } } : {}),
    match: raw['match'] === 'subset' ? 'subset' : 'exact',
    ...(typeof raw['error'] === 'string' ? { error: raw['error'] } : {}),
    ...(typeof raw['cause'] === 'string' ? { cause: raw['cause'] } : {}),
    ...(Array.isArray(raw['states']) ? { states: raw['states'].map(String) } : {}),
  };
}
