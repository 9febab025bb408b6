// flowdeck graph FILE [--format json|svg|mermaid|dot]: the flow's graph, from the editor's language
// service. json is exactly {"nodes": [...], "edges": [...]}; svg is a standalone picture.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatForFile, type FlowGraph, createLanguageService } from '../../../server/src';
import { graphSvg, LIGHT_SVG_THEME, layoutView, viewGraph } from '../../../webview/graph';
import { usageError } from '../command';
import { toDot, toMermaid } from '../graph/textFormats';

const FORMATS = ['json', 'svg', 'mermaid', 'dot'] as const;
type GraphFormat = (typeof FORMATS)[number];

const HELP = [
  'usage: flowdeck graph FILE [--format json|svg|mermaid|dot] [--output FILE]',
  '',
  'Prints the graph of a CloudFlow FDL flow (current or legacy spec) or a WhatsApp Flow JSON:',
  '  --format json     {"nodes": [...], "edges": [...]} (default; 0-based ranges)',
  '  --format svg      a standalone picture with every state\'s name',
  '  --format mermaid  a Mermaid flowchart for Markdown',
  '  --format dot      Graphviz DOT',
  '  --output FILE     write there instead of standard output',
  '',
  'Exit status: 1 if the file is not a flow, 2 on a usage error, 0 otherwise.',
].join('\n');

export interface GraphIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly writeFile: (path: string, text: string) => void;
}

const defaultIo = (): GraphIo => ({
  cwd: process.cwd(),
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  writeFile: (path, text) => writeFileSync(path, text),
});

export async function run(args: string[], io: GraphIo = defaultIo()): Promise<number> {
  let format: GraphFormat = 'json';
  let output: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--help' || flag === '-h') {
      io.stdout(HELP + '\n');
      return 0;
    } else if (flag === '--format' || flag === '-f') {
      const v = inline ?? args[++i];
      if (!(FORMATS as readonly string[]).includes(v ?? '')) return usageError(`graph: --format takes ${FORMATS.join(', ')}${v === undefined ? '' : `, not '${v}'`}`);
      format = v as GraphFormat;
    } else if (flag === '--output' || flag === '-o') {
      output = inline ?? args[++i];
      if (!output) return usageError('graph: --output needs a file name');
    } else if (flag.startsWith('-') && flag !== '-') {
      return usageError(`graph: unknown option '${flag}'\n\n${HELP}`);
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) return usageError(`graph: give exactly one flow file\n\n${HELP}`);
  const path = resolve(io.cwd, files[0]!);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    io.stderr(`flowdeck: graph: cannot read ${files[0]!}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const service = createLanguageService({ logger: (level, message) => { if (level === 'error') io.stderr(`flowdeck: ${message}\n`); } });
  const doc = TextDocument.create(pathToFileURL(path).href, formatForFile(path) === 'json' ? 'json' : 'yaml', 1, text);
  if (service.analyse(doc).dialect === null) {
    io.stderr(`flowdeck: graph: ${files[0]!} is not a CloudFlow flow or a WhatsApp Flow JSON\n`);
    return 1;
  }
  const graph = service.graph(doc);
  const rendered = render(graph, format, basename(path));
  if (output) io.writeFile(resolve(io.cwd, output), rendered);
  else io.stdout(rendered);
  return 0;
}

function render(graph: FlowGraph, format: GraphFormat, name: string): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ nodes: graph.nodes, edges: graph.edges }, null, 2) + '\n';
    case 'mermaid':
      return toMermaid(graph);
    case 'dot':
      return toDot(graph, name);
    case 'svg': {
      const view = viewGraph(graph, { branchFrames: true });
      return graphSvg(view, layoutView(view, 'missing'), { theme: LIGHT_SVG_THEME, missingText: 'missing', title: name }) + '\n';
    }
  }
}
