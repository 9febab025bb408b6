// An overview of a large flow in a corner: every box as a dot of colour, the visible part as a
// frame; a click or drag there moves the view.
import type { GraphLayout } from './layout';
import type { Viewport } from './viewport';

const SIZE = 180;
const MIN_WIDTH = 70;
/** Flows with at least this many states get a minimap. */
export const MINIMAP_FROM_NODES = 40;

export class Minimap {
  private readonly canvas: HTMLCanvasElement;
  private layout: GraphLayout | undefined;
  private sx = 1;
  private sy = 1;

  constructor(parent: HTMLElement, private readonly viewport: Viewport, private readonly host: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'minimap';
    this.canvas.setAttribute('aria-hidden', 'true');
    parent.appendChild(this.canvas);
    let dragging = false;
    const move = (e: PointerEvent): void => {
      const r = this.canvas.getBoundingClientRect();
      const x = (e.clientX - r.left) / this.sx;
      const y = (e.clientY - r.top) / this.sy;
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
    // a long flow gets a tall strip: as high as the view allows, never thinner than MIN_WIDTH
    const maxHeight = Math.max(SIZE, this.host.clientHeight - 40);
    const scale = Math.min(SIZE / layout.width, maxHeight / layout.height);
    this.sy = scale;
    this.sx = Math.max(scale, Math.min(SIZE, MIN_WIDTH) / layout.width);
    this.canvas.width = Math.ceil(layout.width * this.sx);
    this.canvas.height = Math.ceil(layout.height * this.sy);
    this.draw();
  }

  private draw(): void {
    const layout = this.layout;
    if (!layout || this.canvas.hidden) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const style = getComputedStyle(this.canvas);
    const { sx, sy } = this;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.fillStyle = style.getPropertyValue('--minimap-node').trim() || '#888';
    for (const n of layout.nodes.values()) if (!n.container) ctx.fillRect(n.x * sx, n.y * sy, Math.max(1, n.width * sx), Math.max(1, n.height * sy));
    const t = this.viewport.transform;
    ctx.strokeStyle = style.getPropertyValue('--minimap-frame').trim() || '#08f';
    ctx.lineWidth = 1.5;
    ctx.strokeRect((-t.x / t.k) * sx, (-t.y / t.k) * sy, (this.host.clientWidth / t.k) * sx, (this.host.clientHeight / t.k) * sy);
  }
}
