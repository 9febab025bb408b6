// Pan and zoom of the drawing: one transform on the SVG's root group, a drag on the background
// pans, the wheel zooms around the pointer, `fit` shows everything.
export interface Transform {
  x: number;
  y: number;
  k: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 3;
/** Below this, names can no longer be read. */
const READABLE_SCALE = 0.5;

export class Viewport {
  readonly transform: Transform = { x: 0, y: 0, k: 1 };
  private listeners: (() => void)[] = [];

  constructor(private readonly host: HTMLElement, private readonly target: () => SVGGElement | null) {
    let drag: { x: number; y: number; tx: number; ty: number } | undefined;
    host.addEventListener('pointerdown', (e) => {
      const el = e.target as Element;
      if (e.button !== 0 || el.closest('.node') || el.closest('.edge-handle')) return;
      drag = { x: e.clientX, y: e.clientY, tx: this.transform.x, ty: this.transform.y };
      host.setPointerCapture(e.pointerId);
      host.classList.add('panning');
    });
    host.addEventListener('pointermove', (e) => {
      if (!drag) return;
      this.set(drag.tx + e.clientX - drag.x, drag.ty + e.clientY - drag.y, this.transform.k);
    });
    const end = (): void => {
      drag = undefined;
      host.classList.remove('panning');
    };
    host.addEventListener('pointerup', end);
    host.addEventListener('pointercancel', end);
    host.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = host.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey || !e.shiftKey) this.zoomAt(e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * 0.0015));
      else this.set(this.transform.x - e.deltaY, this.transform.y, this.transform.k);
    }, { passive: false });
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  set(x: number, y: number, k: number): void {
    this.transform.x = x;
    this.transform.y = y;
    this.transform.k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));
    this.apply();
  }

  apply(): void {
    const t = this.transform;
    this.target()?.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
    for (const l of this.listeners) l();
  }

  zoomAt(px: number, py: number, factor: number): void {
    const t = this.transform;
    const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, t.k * factor));
    // keep the point under the pointer where it is
    this.set(px - ((px - t.x) * k) / t.k, py - ((py - t.y) * k) / t.k, k);
  }

  zoomBy(factor: number): void {
    this.zoomAt(this.host.clientWidth / 2, this.host.clientHeight / 2, factor);
  }

  /** Shows the whole drawing (never magnified past 1). */
  fit(width: number, height: number): void {
    const w = this.host.clientWidth || 800;
    const h = this.host.clientHeight || 600;
    const k = Math.min(1, (w - 24) / Math.max(1, width), (h - 24) / Math.max(1, height));
    const kk = Math.max(MIN_SCALE, k);
    this.set((w - width * kk) / 2, Math.max(12, (h - height * kk) / 2), kk);
  }

  /** The first view of a drawing: all of it when that stays readable, else its top at a readable size. */
  initial(width: number, height: number): void {
    const w = this.host.clientWidth || 800;
    const h = this.host.clientHeight || 600;
    const k = Math.min(1, (w - 24) / Math.max(1, width), (h - 24) / Math.max(1, height));
    if (k >= READABLE_SCALE) {
      this.fit(width, height);
      return;
    }
    const kk = Math.min(0.9, (w - 24) / Math.max(1, width));
    this.set((w - width * kk) / 2, 12, Math.max(READABLE_SCALE, kk));
  }

  /** Brings a box (drawing coordinates) into view if it is not. */
  reveal(x: number, y: number, width: number, height: number): void {
    const t = this.transform;
    const w = this.host.clientWidth;
    const h = this.host.clientHeight;
    const sx = x * t.k + t.x;
    const sy = y * t.k + t.y;
    if (sx >= 0 && sy >= 0 && sx + width * t.k <= w && sy + height * t.k <= h) return;
    this.set(w / 2 - (x + width / 2) * t.k, h / 2 - (y + height / 2) * t.k, t.k);
  }
}
