// flowdeck graph FILE [--format json|svg|mermaid|dot]: the flow's graph, from the editor's language
// service. json is exactly {"nodes": [...], "edges": [...]}; svg is a standalone picture.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileDocument } from '../../../server/src';
import type { FlowGraph } from '../../../server/src';
import { createLanguageService } from '../../../server/src';
import { isEmptyDocument } from '../../../server/src/parse';
import { graphSvg, LIGHT_SVG_THEME } from '../../../webview/graph';
import { layoutView, viewGraph } from '../../../webview/graph';
import { defineCommand } from '../command/define';
import { toDot, toMermaid } from '../graph/textFormats';

type GraphFormat = 'json' | 'svg' | 'mermaid' | 'dot';

export default defineCommand({
  summary: 'print the flow as a graph',
  operands: ['FILE'],
  description: 'Prints the graph of a CloudFlow FDL flow (current or legacy spec) or a WhatsApp Flow JSON.',
  options: {
    format: {
      type: 'string',
      short: 'f',
      choices: ['json', 'svg', 'mermaid', 'dot'],
      help: [
        'json: {"nodes": [...], "edges": [...]} (default; 0-based ranges)',
        "svg: a standalone picture with every state's name",
        'mermaid: a Mermaid flowchart for Markdown',
        'dot: Graphviz DOT',
      ].join('\n'),
    },
    output: { type: 'string', short: 'o', value: 'FILE', help: 'write there instead of standard output' },
  },
  notes: 'Exit status: 1 if the file is not a flow or is empty, 2 on a usage error, 0 otherwise (a flow with syntax errors is drawn as far as it can be read, with a note on standard error).',
  async run({ options, operands: [file = ''] }, io) {
    const path = resolve(io.cwd, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      io.stderr(`flowdeck graph: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
    const service = createLanguageService({ logger: (level, message) => { if (level === 'error') io.stderr(`flowdeck: ${message}\n`); } });
    const doc = fileDocument(path, text);
    const analysed = service.analyse(doc);
    if (analysed.dialect === null) {
      io.stderr(`flowdeck graph: ${file} is not a CloudFlow flow or a WhatsApp Flow JSON\n`);
      return 1;
    }
    if (isEmptyDocument(analysed.parsed)) {
      io.stderr(`flowdeck graph: ${file} is empty: there is nothing to draw yet\n`);
      return 1;
    }
    const syntaxErrors = analysed.parsed.syntaxProblems.length;
    // A half-written flow still has a graph (the editor draws it as you type); say it is partial.
    if (syntaxErrors > 0) io.stderr(`flowdeck graph: ${file} has ${syntaxErrors} syntax error(s); the graph shows what could be read (\`flowdeck lint ${file}\` lists them)\n`);
    const rendered = render(service.graph(doc), options.format ?? 'json', basename(path));
    if (options.output) writeFileSync(resolve(io.cwd, options.output), rendered);
    else io.stdout(rendered);
    return 0;
  },
});

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
