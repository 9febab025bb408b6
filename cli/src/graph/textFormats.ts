// A flow graph as Mermaid and Graphviz DOT text, for READMEs and docs. Containers (Parallel, Map,
// foreach) become subgraphs; Choice edges carry their condition, Catch edges are dashed, and a
// broken reference points at a node marked missing.
import type { FlowGraph } from '../../../server/src';
import { viewGraph, type ViewNode } from '../../../webview/graph';

/** Short ids the formats accept (`n0`, `n1`...), in node order. */
function shortIds(nodes: readonly ViewNode[]): Map<string, string> {
  return new Map(nodes.map((n, i) => [n.id, `n${i}`]));
}

function childrenOf(nodes: readonly ViewNode[]): Map<string | null, ViewNode[]> {
  const out = new Map<string | null, ViewNode[]>();
  for (const n of nodes) {
    const list = out.get(n.parent);
    if (list) list.push(n);
    else out.set(n.parent, [n]);
  }
  return out;
}

const mermaidText = (text: string): string => text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));

export function toMermaid(graph: FlowGraph, missingText = 'missing'): string {
  const view = viewGraph(graph);
  const ids = shortIds(view.nodes);
  const kids = childrenOf(view.nodes);
  const lines = ['flowchart TD'];
  const title = (n: ViewNode): string => mermaidText(`${n.name || n.id}${n.missing ? ` (${missingText})` : n.type ? ` · ${n.type}` : ''}`);
  const emit = (parent: string | null, indent: string): void => {
    for (const n of kids.get(parent) ?? []) {
      if (kids.has(n.id)) {
        lines.push(`${indent}subgraph ${ids.get(n.id)!}["${title(n)}"]`);
        emit(n.id, `${indent}  `);
        lines.push(`${indent}end`);
      } else {
        lines.push(`${indent}${ids.get(n.id)!}["${title(n)}"]`);
      }
    }
  };
  emit(null, '  ');
  for (const e of view.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (from === undefined || to === undefined) continue;
    const label = e.label ? `|"${mermaidText(e.label)}"|` : e.kind === 'default' ? '|Default|' : '';
    lines.push(`  ${from} ${e.kind === 'catch' ? '-.->' : '-->'}${label} ${to}`);
  }
  const missing = view.nodes.filter((n) => n.missing).map((n) => ids.get(n.id)!);
  if (missing.length > 0) {
    lines.push('  classDef missing stroke:#d0312d,stroke-dasharray:4 3,color:#d0312d');
    lines.push(`  class ${missing.join(',')} missing`);
  }
  return lines.join('\n') + '\n';
}

const dotText = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

export function toDot(graph: FlowGraph, name = 'flow', missingText = 'missing'): string {
  const view = viewGraph(graph);
  const ids = shortIds(view.nodes);
  const kids = childrenOf(view.nodes);
  const lines = [`digraph ${dotText(name)} {`, '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=10];'];
  const label = (n: ViewNode): string => dotText(`${n.name || n.id}\n${n.missing ? missingText : n.type}`);
  const emit = (parent: string | null, indent: string): void => {
    for (const n of kids.get(parent) ?? []) {
      const id = ids.get(n.id)!;
      if (kids.has(n.id)) {
        // the container's own node sits inside its cluster, so edges to and from it have an end
        lines.push(`${indent}subgraph cluster_${id} {`, `${indent}  label=${dotText(`${n.name || n.id} (${n.type})`)};`, `${indent}  style="rounded,dashed";`);
        lines.push(`${indent}  ${id} [label=${label(n)}, shape=plaintext];`);
        emit(n.id, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}${id} [label=${label(n)}${n.missing ? ', color="#d0312d", fontcolor="#d0312d", style="rounded,dashed"' : ''}];`);
      }
    }
  };
  emit(null, '  ');
  for (const e of view.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (from === undefined || to === undefined) continue;
    const attrs: string[] = [];
    if (e.label) attrs.push(`label=${dotText(e.label)}`);
    else if (e.kind === 'default') attrs.push('label="Default"');
    if (e.kind === 'catch') attrs.push('style=dashed');
    if (e.broken) attrs.push('color="#d0312d"');
    lines.push(`  ${from} -> ${to}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
