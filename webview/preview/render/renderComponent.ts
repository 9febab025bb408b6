// One component to HTML by its `type`, honouring `visible`. Unknown types render as a labelled
// placeholder so a typo shows on the phone instead of vanishing.
import { renderFooter, renderEmbeddedLink, renderNavigationList, renderOptIn } from './components/actions';
import { renderForm, renderIf, renderSwitch } from './components/containers';
import { renderCalendarPicker, renderDatePicker } from './components/dates';
import { renderImage, renderImageCarousel, renderMediaPicker } from './components/media';
import { renderChips, renderChoiceGroup, renderDropdown } from './components/selection';
import { renderBody, renderHeading, renderRichText } from './components/text';
import { renderTextEntry } from './components/textEntry';
import type { ComponentRenderer, RenderContext } from './context';
import { escapeHtml } from './escape';
import { resolveFlag } from './expressions';
import { isObject, pointerChild } from './json';
import { wrap } from './wrap';

const RENDERERS: Readonly<Record<string, ComponentRenderer>> = {
  TextHeading: renderHeading,
  TextSubheading: renderHeading,
  TextBody: renderBody,
  TextCaption: renderBody,
  RichText: renderRichText,
  TextInput: renderTextEntry,
  TextArea: renderTextEntry,
  Dropdown: renderDropdown,
  RadioButtonsGroup: renderChoiceGroup,
  CheckboxGroup: renderChoiceGroup,
  ChipsSelector: renderChips,
  DatePicker: renderDatePicker,
  CalendarPicker: renderCalendarPicker,
  OptIn: renderOptIn,
  EmbeddedLink: renderEmbeddedLink,
  NavigationList: renderNavigationList,
  Image: renderImage,
  ImageCarousel: renderImageCarousel,
  PhotoPicker: renderMediaPicker,
  DocumentPicker: renderMediaPicker,
  Footer: (c, path, ctx) => {
    ctx.footers.push(renderFooter(c, path, ctx, ctx.missingRequired));
    return '';
  },
  Form: (c, path, ctx) => renderForm(c, path, ctx, renderComponents),
  If: (c, path, ctx) => renderIf(c, path, ctx, renderComponents),
  Switch: (c, path, ctx) => renderSwitch(c, path, ctx, renderComponents),
};

/** The types the preview draws (every component of every supported Flow JSON version). */
export const RENDERED_TYPES: readonly string[] = Object.keys(RENDERERS);

export function renderComponents(list: unknown, path: string, ctx: RenderContext): string {
  if (!Array.isArray(list)) return '';
  return list.map((c, i) => renderComponent(c, pointerChild(path, i), ctx)).join('');
}

export function renderComponent(c: unknown, path: string, ctx: RenderContext): string {
  if (!isObject(c)) return '';
  if (!resolveFlag(c['visible'], ctx.scope, true)) return '';
  const type = typeof c['type'] === 'string' ? c['type'] : '';
  const render = RENDERERS[type];
  if (!render) return wrap('Unknown', path, ctx, `<div class="fd-unknown">${escapeHtml(type || '?')}</div>`);
  return render(c, path, ctx);
}
