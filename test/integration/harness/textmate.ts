// Tokenises text with the grammars exactly as the running VS Code does: its own vscode-textmate
// and oniguruma, its built-in YAML/JSON grammars, and the grammars this extension contributes
// (including the injections). Lets tests assert scopes without reading pixels.
import * as vscode from 'vscode';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EXTENSION_ID } from './index';

interface RawGrammar {
  readonly scopeName: string;
}
interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}
interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scope: string): Promise<RawGrammar | null>;
    getInjections(scope: string): string[] | undefined;
  }) => { loadGrammar(scope: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, path: string): RawGrammar;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (sources: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

/** One token of a line: its text and its scopes (outermost first, the root scope left out). */
export interface ScopedToken {
  text: string;
  scopes: string[];
}

let registry: Promise<{ loadGrammar(scope: string): Promise<Grammar | null> }> | undefined;

function grammarsOf(extensionPath: string): GrammarContribution[] {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: GrammarContribution[] };
  };
  return (manifest.contributes?.grammars ?? []).map((g) => ({ ...g, path: join(extensionPath, g.path) }));
}

async function createRegistry(): Promise<{ loadGrammar(scope: string): Promise<Grammar | null> }> {
  const appRoot = vscode.env.appRoot;
  const load = createRequire(join(appRoot, 'package.json'));
  const textmate = load('vscode-textmate') as TextMate;
  const onig = load('vscode-oniguruma') as Oniguruma;
  const wasm = readFileSync(join(dirname(load.resolve('vscode-oniguruma')), 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

  const ours = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ours) throw new Error(`${EXTENSION_ID} is not loaded`);
  const contributions = [
    ...['yaml', 'json']
      .map((ext) => join(appRoot, 'extensions', ext))
      .filter(existsSync)
      .flatMap(grammarsOf),
    ...grammarsOf(ours.extensionPath),
  ];
  const byScope = new Map(contributions.map((g) => [g.scopeName, g.path]));
  const injections = new Map<string, string[]>();
  for (const g of contributions)
    for (const target of g.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), g.scopeName]);

  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new onig.OnigScanner(sources),
      createOnigString: (text: string) => new onig.OnigString(text),
    }),
    loadGrammar: async (scope) => {
      const path = byScope.get(scope);
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scope) => injections.get(scope),
  });
}

/** Tokenises `text` (all lines, carrying state across them) with the grammar of `scopeName`. */
export async function tokenize(scopeName: string, text: string): Promise<ScopedToken[][]> {
  registry ??= createRegistry();
  const grammar = await (await registry).loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  const textmate = createRequire(join(vscode.env.appRoot, 'package.json'))('vscode-textmate') as TextMate;
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) }));
  });
}

/** The scopes of the first token with exactly this text on the given line (0-based). */
export function scopesOf(lines: ScopedToken[][], line: number, text: string): string[] {
  const token = lines[line]?.find((t) => t.text === text);
  if (!token) throw new Error(`no token "${text}" on line ${line}: ${JSON.stringify(lines[line]?.map((t) => t.text))}`);
  return token.scopes;
}
