// Everything from the flow reaches the page through these: no text of the author's becomes markup.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** An image source the preview will show: only base64 data of an image type (no network). */
export function imageDataUri(src: string): string | undefined {
  const trimmed = src.trim();
  if (/^data:image\/(png|jpe?g|webp|gif);base64,[A-Za-z0-9+/=\s]+$/i.test(trimmed)) return trimmed.replace(/\s/g, '');
  // Flow JSON carries bare base64: sniff the format from its first bytes
  if (!/^[A-Za-z0-9+/=\s]+$/.test(trimmed) || trimmed.length < 8) return undefined;
  const bare = trimmed.replace(/\s/g, '');
  const kind = bare.startsWith('iVBOR') ? 'png' : bare.startsWith('/9j/') ? 'jpeg' : bare.startsWith('UklGR') ? 'webp' : bare.startsWith('R0lGOD') ? 'gif' : undefined;
  return kind ? `data:image/${kind};base64,${bare}` : undefined;
}
