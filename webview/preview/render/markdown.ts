// The Markdown subset WhatsApp renders: bold, italic, strikethrough, links, paragraphs and
// single-level lists everywhere markdown is on; headings, tables and base64 images only in
// RichText (research/whatsapp-tencent.md A.4.1). Text is escaped before any markup is added.
import { escapeHtml, imageDataUri } from './escape';

export interface MarkdownOptions {
  /** RichText: `#` headings, tables and images. */
  readonly rich: boolean;
}

export function renderMarkdown(source: string, options: MarkdownOptions): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p class="fd-md-p">${paragraph.map((l) => inline(l, options.rich)).join('<br>')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) {
      const tag = list.ordered ? 'ol' : 'ul';
      out.push(`<${tag} class="fd-md-list">${list.items.map((i) => `<li>${inline(i, options.rich)}</li>`).join('')}</${tag}>`);
    }
    list = undefined;
  };
  const flush = () => {
    flushParagraph();
    flushList();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    const heading = options.rich ? /^(#{1,6})\s+(.*)$/.exec(trimmed) : null;
    if (heading) {
      flush();
      const level = (heading[1] as string).length;
      // h1 looks like TextHeading, h2 like TextSubheading, h3-h6 like TextBody
      const cls = level === 1 ? 'fd-heading' : level === 2 ? 'fd-subheading' : 'fd-body fd-bold';
      out.push(`<div class="${cls}" role="heading" aria-level="${level}">${inline(heading[2] as string)}</div>`);
      continue;
    }
    if (options.rich && trimmed.startsWith('|') && isTableSeparator(lines[i + 1])) {
      flush();
      const header = cells(trimmed);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && (lines[i] as string).trim().startsWith('|')) rows.push(cells((lines[i++] as string).trim()));
      i--;
      const th = header.map((c) => `<th>${inline(c, true)}</th>`).join('');
      const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c, true)}</td>`).join('')}</tr>`).join('');
      out.push(`<table class="fd-md-table"><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`);
      continue;
    }
    const image = options.rich ? /^!\[([^\]]*)\]\(([^)]*)\)$/.exec(trimmed) : null;
    if (image) {
      flush();
      const src = imageDataUri(image[2] as string);
      out.push(
        src
          ? `<img class="fd-md-image" src="${escapeHtml(src)}" alt="${escapeHtml(image[1] as string)}">`
          : `<div class="fd-image-missing">${escapeHtml(image[1] || 'image')}</div>`,
      );
      continue;
    }
    const bullet = /^[-+*]\s+(.*)$/.exec(trimmed);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(trimmed);
    if (bullet || numbered) {
      flushParagraph();
      const ordered = Boolean(numbered);
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(((bullet ?? numbered) as RegExpExecArray)[1] as string);
      continue;
    }
    flushList();
    paragraph.push(trimmed);
  }
  flush();
  return out.join('');
}

function isTableSeparator(line: string | undefined): boolean {
  return line !== undefined && /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(line.trim());
}

function cells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/** Inline marks on escaped text: the markers themselves contain no escaped characters. */
export function inline(text: string, rich = false): string {
  let html = escapeHtml(text);
  if (rich) {
    html = html.replace(/!\[([^\]]*)\]\(([^)\s]*)\)/g, (whole: string, alt: string, src: string) => {
      const data = imageDataUri(src);
      return data ? `<img class="fd-md-image" src="${data}" alt="${alt}">` : whole;
    });
  }
  html = html.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => `<a class="fd-link" data-url="${url}" title="${url}" tabindex="0">${label}</a>`);
  html = html.replace(/\*\*\*(?=\S)([\s\S]*?\S)\*\*\*/g, '<strong><em>$1</em></strong>');
  html = html.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>');
  html = html.replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?!\*)/g, '$1<em>$2</em>');
  html = html.replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>');
  html = html.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<s>$1</s>');
  return html;
}
