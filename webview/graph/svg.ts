// Draws a laid-out flow graph as one standalone SVG string: every state's name and type,
// containers as frames, Choice edges labelled, Catch edges dashed, broken references red.
// Pure (no DOM): `flowdeck graph --format svg` prints it, the view shows and exports it. Every
// element has a class, so the view's stylesheet can recolour it with the editor's theme; the
// colours written as attributes make the file look right on its own.
import type { GraphLayout } from './layout';
import { NODE_HEIGHT, shortLabel } from './layout';
import { edgeText, nodeDetail, type ViewGraph } from './viewGraph';

export interface SvgTheme {
  readonly background: string;
  readonly nodeFill: string;
  readonly nodeStroke: string;
  readonly containerFill: string;
  readonly text: string;
  readonly muted: string;
  readonly edge: string;
  readonly choice: string;
  readonly catch: string;
  readonly broken: string;
  readonly labelFill: string;
  readonly fontFamily: string;
}

export const LIGHT_SVG_THEME: SvgTheme = {
  background: '#ffffff',
  nodeFill: '#f3f3f3',
  nodeStroke: '#8a8a8a',
  containerFill: '#fafafa',
  text: '#1f1f1f',
  muted: '#6b6b6b',
  edge: '#5a5a5a',
  choice: '#1a73c8',
  catch: '#c26a00',
  broken: '#d0312d',
  labelFill: '#ffffff',
  fontFamily: 'Segoe UI, Helvetica, Arial, sans-serif',
};

export interface SvgOptions {
  readonly theme: SvgTheme;
  /** The word under a ghost node's name. */
  readonly missingText: string;
  /** The label of a Parallel branch's frame: `branch 1`. */
  readonly branchText?: (n: string) => string;
  /** A title for the picture (the file name). */
  readonly title?: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const n2 = (v: number): string => (Math.round(v * 10) / 10).toString();

export function graphSvg(view: ViewGraph, layout: GraphLayout, options: SvgOptions): string {
  const t = options.theme;
  const out: string[] = [];
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="flow-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(t.fontFamily)}" font-size="12">`);
  if (options.title) out.push(`<title>${escapeXml(options.title)}</title>`);
  out.push('<defs>');
  for (const [kind, colour] of [['edge', t.edge], ['choice', t.choice], ['catch', t.catch], ['broken', t.broken]] as const) {
    out.push(`<marker id="arrow-${kind}" class="arrow arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`);
  }
  out.push('</defs>');
  out.push(`<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="${t.background}"/>`);
  // containers first (outer before inner), then leaves, then edges on top
  const byDepth = [...view.nodes].filter((n) => layout.nodes.get(n.id)?.container).sort((a, b) => layout.nodes.get(a.id)!.depth - layout.nodes.get(b.id)!.depth);
  for (const n of byDepth) {
    const p = layout.nodes.get(n.id)!;
    if (n.branchFrame) {
      const label = options.branchText ? options.branchText(n.name) : `branch ${n.name}`;
      out.push(`<g class="branch" data-id="${escapeXml(n.id)}">`);
      out.push(`<rect class="branch-frame" x="${n2(p.x)}" y="${n2(p.y)}" width="${n2(p.width)}" height="${n2(p.height)}" rx="4" fill="none" stroke="${t.muted}" stroke-dasharray="3 3"/>`);
      out.push(`<text class="branch-label" x="${n2(p.x + 8)}" y="${n2(p.y + 16)}" fill="${t.muted}" font-size="10.5">${escapeXml(label)}</text>`);
      out.push('</g>');
      continue;
    }
    out.push(`<g class="node container" data-id="${escapeXml(n.id)}" tabindex="-1">`);
    out.push(`<rect class="frame" x="${n2(p.x)}" y="${n2(p.y)}" width="${n2(p.width)}" height="${n2(p.height)}" rx="6" fill="${t.containerFill}" stroke="${t.nodeStroke}"/>`);
    out.push(`<text class="name" x="${n2(p.x + 10)}" y="${n2(p.y + 17)}" fill="${t.text}" font-weight="600">${escapeXml(n.name || n.id)}<tspan class="type" fill="${t.muted}" font-weight="400" dx="8">${escapeXml(n.type)}</tspan></text>`);
    out.push('</g>');
  }
  for (const n of view.nodes) {
    const p = layout.nodes.get(n.id);
    if (!p || p.container) continue;
    const cls = `node${n.missing ? ' missing' : ''} type-${escapeXml(n.type.replace(/[^A-Za-z0-9]/g, '-').toLowerCase())}`;
    out.push(`<g class="${cls}" data-id="${escapeXml(n.id)}" tabindex="-1">`);
    out.push(`<rect class="box" x="${n2(p.x)}" y="${n2(p.y)}" width="${n2(p.width)}" height="${NODE_HEIGHT}" rx="6" fill="${t.nodeFill}" stroke="${n.missing ? t.broken : t.nodeStroke}"${n.missing ? ' stroke-dasharray="4 3"' : ''}/>`);
    const cx = p.x + p.width / 2;
    out.push(`<text class="name" x="${n2(cx)}" y="${n2(p.y + 19)}" text-anchor="middle" fill="${n.missing ? t.broken : t.text}" font-weight="600">${escapeXml(fit(n.name || n.id, p.width))}</text>`);
    out.push(`<text class="type" x="${n2(cx)}" y="${n2(p.y + 34)}" text-anchor="middle" fill="${t.muted}" font-size="10.5">${escapeXml(nodeDetail(n, options.missingText))}</text>`);
    out.push('</g>');
  }
  for (const e of layout.edges) {
    const edge = view.edges[e.index]!;
    if (e.points.length < 2) continue;
    const kind = edge.broken ? 'broken' : edge.kind === 'choice' || edge.kind === 'default' ? 'choice' : edge.kind === 'catch' ? 'catch' : 'edge';
    const colour = { edge: t.edge, choice: t.choice, catch: t.catch, broken: t.broken }[kind];
    const d = `M${e.points.map((p) => `${n2(p.x)},${n2(p.y)}`).join('L')}`;
    const dash = edge.kind === 'catch' ? ' stroke-dasharray="6 4"' : edge.broken ? ' stroke-dasharray="2 3"' : '';
    out.push(`<g class="edge kind-${edge.kind}${edge.broken ? ' broken' : ''}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}" data-index="${e.index}">`);
    out.push(`<path class="line" d="${d}" fill="none" stroke="${colour}" stroke-width="1.4"${dash} marker-end="url(#arrow-${kind})"/>`);
    const text = edgeText(edge);
    if (text && e.labelAt) {
      const label = shortLabel(text);
      const w = label.length * 6.2 + 8;
      out.push(`<title>${escapeXml(text)}</title>`);
      out.push(`<rect class="label-bg" x="${n2(e.labelAt.x - w / 2)}" y="${n2(e.labelAt.y - 8)}" width="${n2(w)}" height="15" rx="3" fill="${t.labelFill}" opacity="0.9"/>`);
      out.push(`<text class="label" x="${n2(e.labelAt.x)}" y="${n2(e.labelAt.y + 3.5)}" text-anchor="middle" fill="${colour}" font-size="10.5">${escapeXml(label)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** A name shortened to fit its box (the layout caps box widths). */
function fit(text: string, width: number): string {
  const max = Math.max(4, Math.floor((width - 16) / 7));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
