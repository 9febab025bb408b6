// An overview of a large flow in a corner: every box as a dot of colour, the visible part as a
// frame; a click or drag there moves the view.
import type { GraphLayout } from './layout';
import type { Viewport } from './viewport';

const SIZE = 180;
/** Flows with at least this many states get a minimap. */
export const MINIMAP_FROM_NODES = 40;

export class Minimap {
  private readonly canvas: HTMLCanvasElement;
  private layout: GraphLayout | undefined;
  private scale = 1;

  constructor(parent: HTMLElement, private readonly viewport: Viewport, private readonly host: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'minimap';
    this.canvas.setAttribute('aria-hidden', 'true');
    parent.appendChild(this.canvas);
    let dragging = false;
    const move = (e: PointerEvent): void => {
      const r = this.canvas.getBoundingClientRect();
      const x = (e.clientX - r.left) / this.scale;
      const y = (e.clientY - r.top) / this.scale;
      const t = this.viewport.transform;
      this.viewport.set(this.host.clientWidth / 2 - x * t.k, this.host.clientHeight / 2 - y * t.k, t.k);
    };
    this.canvas.addEventListener('pointerdown', (e) => {
      dragging = true;
      this.canvas.setPointerCapture(e.pointerId);
      move(e);
      e.stopPropagation();
    });
    this.canvas.addEventListener('pointermove', (e) => dragging && move(e));
    this.canvas.addEventListener('pointerup', () => (dragging = false));
    viewport.onChange(() => this.draw());
  }

  show(layout: GraphLayout): void {
    this.layout = layout;
    const visible = layout.nodes.size >= MINIMAP_FROM_NODES;
    this.canvas.hidden = !visible;
    if (!visible) return;
    this.scale = Math.min(SIZE / layout.width, (SIZE * 1.6) / layout.height);
    this.canvas.width = Math.ceil(layout.width * this.scale);
    this.canvas.height = Math.ceil(layout.height * this.scale);
    this.draw();
  }

  private draw(): void {
    const layout = this.layout;
    if (!layout || this.canvas.hidden) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const style = getComputedStyle(this.canvas);
    const s = this.scale;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.fillStyle = style.getPropertyValue('--minimap-node').trim() || '#888';
    for (const n of layout.nodes.values()) if (!n.container) ctx.fillRect(n.x * s, n.y * s, Math.max(1, n.width * s), Math.max(1, n.height * s));
    const t = this.viewport.transform;
    ctx.strokeStyle = style.getPropertyValue('--minimap-frame').trim() || '#08f';
    ctx.lineWidth = 1.5;
    ctx.strokeRect((-t.x / t.k) * s, (-t.y / t.k) * s, (this.host.clientWidth / t.k) * s, (this.host.clientHeight / t.k) * s);
  }
}
