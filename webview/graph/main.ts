// The graph view: draws the flow, follows the text as it changes (keeping the viewport), shows
// problems and the latest run on the nodes, and turns clicks, keys and drags into messages the
// extension applies to the text.
import './graph.css';
import { vscodeApi } from '../shared/vscodeApi';
import { svgToPngDataUrl } from './exportImage';
import { LayoutMemo, type GraphLayout, type PlacedNode } from './layout';
import { Minimap } from './minimap';
import type { FromView, GraphStrings, NodeProblem, RunOnGraph, ToView } from './protocol';
import { graphSvg, LIGHT_SVG_THEME } from './svg';
import { resolvedTheme } from './theme';
import { Viewport } from './viewport';
import { layoutView, viewGraph, type ViewGraph } from './viewGraph';

interface SavedState {
  transform?: { x: number; y: number; k: number };
}

const api = vscodeApi<FromView, SavedState>();
const post = (m: FromView): void => api.postMessage(m);
const SVG_NS = 'http://www.w3.org/2000/svg';

let strings: GraphStrings | undefined;
let fileName = 'flow';
let view: ViewGraph | undefined;
let layout: GraphLayout | undefined;
let version = -1;
let editable = false;
let problems: Readonly<Record<string, readonly NodeProblem[]>> = {};
let run: RunOnGraph | null = null;
let selected: string | null = null;
let highlighted: string | null = null;
let fitted = false;
/** What the current layout was computed from (see structureKey). */
let layoutKey = '';
/** The bands and containers of the last layout: an edit lays out again only those it changed. */
const layoutMemo = new LayoutMemo();

const root = document.getElementById('root')!;
root.innerHTML = '';
const toolbar = el('div', 'toolbar');
const stage = el('div', 'stage');
const details = el('div', 'details');
details.setAttribute('aria-live', 'polite');
root.append(toolbar, stage, details);
const viewport = new Viewport(stage, () => stage.querySelector<SVGGElement>('g.viewport'));
const minimap = new Minimap(root, viewport, stage);
viewport.onChange(() => api.setState({ transform: { ...viewport.transform } }));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(label: string, title: string, action: () => void): HTMLButtonElement {
  const b = el('button', 'tool', label);
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', action);
  return b;
}

function buildToolbar(s: GraphStrings): void {
  toolbar.innerHTML = '';
  toolbar.append(
    button('−', s.zoomOut, () => viewport.zoomBy(1 / 1.25)),
    button('+', s.zoomIn, () => viewport.zoomBy(1.25)),
    button('⤢', s.fit, () => layout && viewport.fit(layout.width, layout.height)),
    button('SVG', s.exportSvg, () => void exportAs('svg')),
    button('PNG', s.exportPng, () => void exportAs('png')),
  );
  toolbar.append(el('span', 'help', editable ? s.help : s.helpReadOnly));
}

function render(): void {
  if (!view || !layout || !strings) return;
  if (view.nodes.length === 0) {
    stage.innerHTML = '';
    stage.append(el('p', 'empty', strings.empty));
    details.textContent = '';
    return;
  }
  const markup = graphSvg(view, layout, { theme: LIGHT_SVG_THEME, missingText: strings.missing, branchText: branchText(strings) });
  stage.innerHTML = markup;
  const svg = stage.querySelector('svg')!;
  // the drawing moves inside a stage-sized SVG: its content goes into one transformed group
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', 'viewport');
  for (const child of [...svg.childNodes]) if (!(child instanceof SVGDefsElement)) group.appendChild(child);
  svg.appendChild(group);
  svg.removeAttribute('viewBox');
  svg.setAttribute('width', '100%');
  svg.setAttribute('height', '100%');
  svg.setAttribute('role', 'application');
  svg.setAttribute('aria-label', fileName);
  group.querySelector('.background')?.remove();
  decorate(group);
  if (!fitted) {
    const saved = api.getState()?.transform;
    if (saved) viewport.set(saved.x, saved.y, saved.k);
    else viewport.initial(layout.width, layout.height);
    fitted = true;
  } else {
    viewport.apply();
  }
  minimap.show(layout);
  showDetails();
  const runNodes = run ? Object.keys(run.nodes).filter((id) => run!.nodes[id]!.status !== 'notReached').length : 0;
  post({ type: 'rendered', version, nodes: view.nodes.filter((n) => !n.branchFrame).length, badges: group.querySelectorAll('.badge').length, runNodes, scale: viewport.transform.k });
}

function nodeGroup(id: string): SVGGElement | null {
  return stage.querySelector<SVGGElement>(`g.node[data-id="${CSS.escape(id)}"]`);
}

function decorate(group: SVGGElement): void {
  for (const g of group.querySelectorAll<SVGGElement>('g.node')) {
    const id = g.dataset.id!;
    const box = layout!.nodes.get(id)!;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    const node = view!.nodes.find((n) => n.id === id);
    g.setAttribute('aria-label', `${node?.name ?? id} ${node?.type ?? ''}`);
    const list = problems[id];
    if (list && list.length > 0) {
      const severity = list.some((p) => p.severity === 'error') ? 'error' : 'warning';
      g.classList.add(`has-${severity}`);
      const badge = document.createElementNS(SVG_NS, 'g');
      badge.setAttribute('class', `badge badge-${severity}`);
      const cx = box.x + box.width - 4;
      const cy = box.y + 4;
      badge.innerHTML = `<circle cx="${cx}" cy="${cy}" r="8"></circle><text x="${cx}" y="${cy + 4}" text-anchor="middle">${severity === 'error' ? '!' : '?'}</text>`;
      const title = document.createElementNS(SVG_NS, 'title');
      title.textContent = list.map((p) => p.message).join('\n');
      badge.appendChild(title);
      g.appendChild(badge);
    }
    const r = run?.nodes[id];
    if (r) {
      g.classList.add(`run-${r.status}`);
      if (r.note) {
        const tip = document.createElementNS(SVG_NS, 'title');
        tip.textContent = `${node?.type ?? ''} ${r.note}`;
        g.appendChild(tip);
        if (box.container) {
          // a container's note sits in its bottom margin, right-aligned (its header keeps the type)
          const note = document.createElementNS(SVG_NS, 'text');
          note.setAttribute('class', 'run-note');
          note.setAttribute('x', String(box.x + box.width - 8));
          note.setAttribute('y', String(box.y + box.height - 4));
          note.setAttribute('text-anchor', 'end');
          note.textContent = r.note;
          g.appendChild(note);
        } else {
          // a state's note takes the place of its type (the type stays in the tooltip and the details)
          const typeText = g.querySelector(':scope > .type');
          if (typeText) {
            typeText.textContent = r.note;
            typeText.classList.add('run-note');
          }
        }
      }
    }
    if (id === selected) g.classList.add('selected');
    if (id === highlighted) g.classList.add('highlighted');
  }
  const taken = new Set(run?.taken ?? []);
  for (const e of group.querySelectorAll<SVGGElement>('g.edge')) {
    const index = Number(e.dataset.index);
    if (taken.has(index)) e.classList.add('taken');
    const edge = view!.edges[index];
    if (editable && edge && !edge.broken && edge.kind !== 'navigate' && edge.kind !== 'route') addHandle(e, index);
  }
}

/** A grip on an edge's arrow head: drag it onto another state to point the edge there. */
function addHandle(edgeGroup: SVGGElement, index: number): void {
  const placed = layout!.edges.find((p) => p.index === index);
  const end = placed?.points[placed.points.length - 1];
  if (!end) return;
  const handle = document.createElementNS(SVG_NS, 'circle');
  handle.setAttribute('class', 'edge-handle');
  handle.setAttribute('cx', String(end.x));
  handle.setAttribute('cy', String(end.y - 3));
  handle.setAttribute('r', '6');
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = strings?.dragHint ?? '';
  handle.appendChild(title);
  edgeGroup.appendChild(handle);
  handle.addEventListener('pointerdown', (e) => {
    e.stopPropagation();
    e.preventDefault();
    const line = document.createElementNS(SVG_NS, 'line');
    line.setAttribute('class', 'drag-line');
    line.setAttribute('x1', String(end.x));
    line.setAttribute('y1', String(end.y));
    line.setAttribute('x2', String(end.x));
    line.setAttribute('y2', String(end.y));
    stage.querySelector('g.viewport')!.appendChild(line);
    const toDrawing = (ev: PointerEvent) => {
      const r = stage.getBoundingClientRect();
      const t = viewport.transform;
      return { x: (ev.clientX - r.left - t.x) / t.k, y: (ev.clientY - r.top - t.y) / t.k };
    };
    const move = (ev: PointerEvent): void => {
      const p = toDrawing(ev);
      line.setAttribute('x2', String(p.x));
      line.setAttribute('y2', String(p.y));
    };
    const up = (ev: PointerEvent): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      line.remove();
      const p = toDrawing(ev);
      const target = leafAt(p.x, p.y);
      if (target) post({ type: 'reconnect', version, edge: index, to: target });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  });
}

const branchText = (s: GraphStrings) => (n: string): string => s.branch.replace('{0}', n);

/** Everything the layout depends on: the boxes, their containers and texts, and the edges. */
function structureKey(v: ViewGraph): string {
  return JSON.stringify([v.nodes.map((n) => [n.id, n.parent, n.name, n.type, n.missing]), v.edges.map((e) => [e.from, e.to, e.kind, e.label ?? ''])]);
}

/** A Parallel branch's frame: drawn, but not a state to select. */
function isFrame(id: string): boolean {
  return view?.nodes.find((n) => n.id === id)?.branchFrame === true;
}

/** The innermost box under a point of the drawing. */
function leafAt(x: number, y: number): string | undefined {
  let best: PlacedNode | undefined;
  for (const n of layout?.nodes.values() ?? []) {
    if (isFrame(n.id)) continue;
    if (x >= n.x && x <= n.x + n.width && y >= n.y && y <= n.y + n.height && (!best || n.depth >= best.depth)) best = n;
  }
  return best?.id;
}

function select(id: string | null, focus: boolean): void {
  if (selected) nodeGroup(selected)?.classList.remove('selected');
  selected = id;
  const g = id ? nodeGroup(id) : null;
  g?.classList.add('selected');
  if (g && focus) g.focus({ preventScroll: true });
  // the details take room from the drawing: show them first, then bring the node into view
  showDetails();
  const box = id ? layout?.nodes.get(id) : undefined;
  if (box) viewport.reveal(box.x, box.y, box.width, box.height);
  post({ type: 'selected', id });
}

function showDetails(): void {
  details.innerHTML = '';
  if (!selected || !view || !strings) return;
  const node = view.nodes.find((n) => n.id === selected);
  if (!node) return;
  const head = el('div', 'details-head');
  head.append(el('strong', '', node.name || node.id), el('span', 'muted', ` ${node.missing ? strings.missing : node.type}`));
  details.append(head);
  if (editable && !node.missing) {
    const s = strings;
    const actions = el('div', 'actions');
    actions.append(
      button(s.addAfter, s.addAfter, () => post({ type: 'addAfter', id: node.id })),
      button(s.rename, s.rename, () => post({ type: 'rename', id: node.id })),
      button(s.delete, s.delete, () => post({ type: 'delete', id: node.id })),
    );
    details.append(actions);
  }
  for (const p of problems[node.id] ?? []) details.append(el('div', `problem ${p.severity}`, p.message));
  const r = run?.nodes[node.id];
  if (r) {
    details.append(el('div', `run-line run-${r.status}`, r.note));
    if (r.input !== undefined) details.append(el('div', 'io-title', strings.input), el('pre', 'io', r.input));
    if (r.output !== undefined) details.append(el('div', 'io-title', strings.output), el('pre', 'io', r.output));
  }
}

/** The nearest node from the selected one in an arrow key's direction. */
function nearest(direction: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'): string | undefined {
  if (!layout) return undefined;
  const from = selected ? layout.nodes.get(selected) : undefined;
  if (!from) return [...layout.nodes.keys()].find((id) => !isFrame(id));
  const c = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  let best: string | undefined;
  let bestScore = Infinity;
  for (const n of layout.nodes.values()) {
    if (n.id === from.id || isFrame(n.id)) continue;
    const dx = n.x + n.width / 2 - c.x;
    const dy = n.y + n.height / 2 - c.y;
    const along = direction === 'ArrowDown' ? dy : direction === 'ArrowUp' ? -dy : direction === 'ArrowRight' ? dx : -dx;
    const across = direction === 'ArrowDown' || direction === 'ArrowUp' ? Math.abs(dx) : Math.abs(dy);
    if (along <= 1) continue;
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = n.id;
    }
  }
  return best;
}

stage.addEventListener('click', (e) => {
  const g = (e.target as Element).closest<SVGGElement>('g.node');
  if (!g) return;
  select(g.dataset.id!, false);
  post({ type: 'reveal', id: g.dataset.id! });
});
stage.addEventListener('focusin', (e) => {
  const g = (e.target as Element).closest<SVGGElement>('g.node');
  if (g && g.dataset.id !== selected) select(g.dataset.id!, false);
});
stage.addEventListener('keydown', (e) => {
  const key = e.key;
  if (key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight') {
    const next = nearest(key);
    if (next) select(next, true);
    e.preventDefault();
  } else if (key === 'Enter' && selected) {
    post({ type: 'reveal', id: selected });
    e.preventDefault();
  } else if (editable && selected && key === 'F2') {
    post({ type: 'rename', id: selected });
  } else if (editable && selected && key === 'Delete') {
    post({ type: 'delete', id: selected });
  } else if (editable && selected && key === 'Insert') {
    post({ type: 'addAfter', id: selected });
  } else if (key === '+' || key === '=') {
    viewport.zoomBy(1.25);
  } else if (key === '-') {
    viewport.zoomBy(1 / 1.25);
  } else if (key === '0' && layout) {
    viewport.fit(layout.width, layout.height);
  }
});
stage.tabIndex = 0;

async function exportAs(format: 'svg' | 'png'): Promise<void> {
  if (!view || !layout || !strings) return;
  const svg = graphSvg(view, layout, { theme: resolvedTheme(), missingText: strings.missing, branchText: branchText(strings), title: fileName });
  const data = format === 'svg' ? svg : await svgToPngDataUrl(svg, layout.width, layout.height);
  post({ type: 'exported', format, data });
}

window.addEventListener('message', (event: MessageEvent<ToView>) => {
  const m = event.data;
  switch (m.type) {
    case 'init':
      strings = m.strings;
      fileName = m.fileName;
      buildToolbar(m.strings);
      render();
      break;
    case 'graph':
      version = m.version;
      if (strings && editable !== m.editable) {
        editable = m.editable;
        buildToolbar(strings);
      }
      editable = m.editable;
      problems = m.problems;
      view = viewGraph(m.graph, { branchFrames: true });
      // typing inside a state's fields changes ranges, not the drawing: keep the layout then
      {
        const key = structureKey(view);
        if (key !== layoutKey || !layout) layout = layoutView(view, strings?.missing ?? 'missing', layoutMemo);
        layoutKey = key;
      }
      if (selected && !layout.nodes.has(selected)) selected = null;
      render();
      break;
    case 'highlight': {
      if (highlighted) nodeGroup(highlighted)?.classList.remove('highlighted');
      highlighted = m.id;
      const g = m.id ? nodeGroup(m.id) : null;
      g?.classList.add('highlighted');
      const box = m.id ? layout?.nodes.get(m.id) : undefined;
      if (box) viewport.reveal(box.x, box.y, box.width, box.height);
      break;
    }
    case 'run':
      run = m.run;
      render();
      break;
    case 'exportImage':
      void exportAs(m.format);
      break;
    case 'select':
      select(m.id, true);
      break;
  }
});

post({ type: 'ready' });
