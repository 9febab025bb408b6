// Image, ImageCarousel (base64 images only: the preview never loads from the network), and the
// PhotoPicker/DocumentPicker placeholders (nothing can be uploaded in a preview).
import type { RenderContext } from '../context';
import { escapeHtml, imageDataUri } from '../escape';
import { resolveFlag, resolveText, resolveValue } from '../expressions';
import { isObject, type JsonObject } from '../json';
import { labelText, wrap } from '../wrap';

/** Width of the phone's content column in CSS pixels: Image `width` is capped to it. */
const CONTENT_WIDTH = 308;

export function renderImage(c: JsonObject, path: string, ctx: RenderContext): string {
  const src = imageDataUri(resolveText(c['src'], ctx.scope));
  const alt = resolveText(c['alt-text'], ctx.scope);
  if (!src) return wrap('Image', path, ctx, missing(alt, ctx));
  // sizes go in width/height attributes (the panel's CSP forbids style attributes); the image
  // fills that box as scale-type says (object-fit)
  const ratio = numeric(resolveValue(c['aspect-ratio'], ctx.scope)) ?? 1;
  const width = Math.min(numeric(c['width']) ?? CONTENT_WIDTH, CONTENT_WIDTH);
  const height = numeric(c['height']) ?? Math.round(width / (ratio > 0 ? ratio : 1));
  const fit = c['scale-type'] === 'cover' ? 'fd-cover' : 'fd-contain';
  return wrap('Image', path, ctx, `<img class="fd-image ${fit}" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" width="${width}" height="${height}">`);
}

export function renderImageCarousel(c: JsonObject, path: string, ctx: RenderContext): string {
  const images = resolveValue(c['images'], ctx.scope);
  const wide = c['aspect-ratio'] === '16:9';
  const fit = c['scale-type'] === 'cover' ? 'fd-cover' : 'fd-contain';
  const height = Math.round(CONTENT_WIDTH / (wide ? 16 / 9 : 4 / 3));
  const slides = (Array.isArray(images) ? images : []).filter(isObject).map((img) => {
    const src = imageDataUri(resolveText(img['src'], ctx.scope));
    const alt = resolveText(img['alt-text'], ctx.scope);
    return `<div class="fd-slide">${src ? `<img class="fd-image ${fit}" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" width="${CONTENT_WIDTH}" height="${height}">` : missing(alt, ctx)}</div>`;
  });
  const dots = slides.length > 1 ? `<div class="fd-dots" aria-hidden="true">${slides.map((_, i) => `<span class="fd-dot${i === 0 ? ' fd-dot-on' : ''}"></span>`).join('')}</div>` : '';
  return wrap('ImageCarousel', path, ctx, `<div class="fd-carousel" tabindex="0">${slides.join('')}</div>${dots}`);
}

function missing(alt: string, ctx: RenderContext): string {
  return `<div class="fd-image-missing" role="img" aria-label="${escapeHtml(alt)}">${escapeHtml(alt || ctx.strings.imageUnavailable)}</div>`;
}

function numeric(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

export function renderMediaPicker(c: JsonObject, path: string, ctx: RenderContext): string {
  const photo = c['type'] === 'PhotoPicker';
  const label = resolveText(c['label'], ctx.scope);
  const description = resolveText(c['description'], ctx.scope);
  const enabled = resolveFlag(c['enabled'], ctx.scope, true);
  const min = photo ? c['min-uploaded-photos'] : c['min-uploaded-documents'];
  const required = typeof min === 'number' && min > 0;
  const source = typeof c['photo-source'] === 'string' ? c['photo-source'] : 'camera_gallery';
  const buttons = photo
    ? [source !== 'gallery' ? ctx.strings.takePhoto : '', source !== 'camera' ? ctx.strings.chooseFromGallery : ''].filter(Boolean)
    : [ctx.strings.chooseDocument];
  const error = resolveValue(c['error-message'], ctx.scope);
  const inner =
    `<div class="fd-group-label">${labelText(label, required, ctx)}</div>` +
    (description ? `<div class="fd-group-description">${escapeHtml(description)}</div>` : '') +
    `<div class="fd-picker">${buttons.map((b) => `<button type="button" class="fd-picker-button" disabled${enabled ? '' : ' aria-disabled="true"'}>${photo ? '📷' : '📄'} ${escapeHtml(b)}</button>`).join('')}</div>` +
    (typeof error === 'string' && error ? `<div class="fd-error-text" role="alert">${escapeHtml(error)}</div>` : '');
  return wrap(photo ? 'PhotoPicker' : 'DocumentPicker', path, ctx, inner, enabled ? '' : 'fd-disabled');
}
