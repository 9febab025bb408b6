// A whole screen as the phone shows it: app bar with the title, the components, the Footer
// pinned to the bottom, and problems outlined where they belong.
import type { RenderContext } from './context';
import { escapeHtml } from './escape';
import { resolveText, type PreviewScope, type ScreenValues } from './expressions';
import { exampleData, exampleScreens, flowScreens, flowVersion, screenChildren, type FlowScreen } from './flow';
import { initialFormValues, missingRequired } from './formState';
import type { JsonObject } from './json';
import { renderComponents } from './renderComponent';
import { ENGLISH_STRINGS, type PreviewStrings } from './strings';
import { issueList } from './wrap';

export interface ScreenState {
  /** The screen's data (a navigation payload or a data_exchange response); default: its examples. */
  readonly data?: JsonObject;
  /** What the user entered; init values fill the rest. */
  readonly form?: JsonObject;
  /** Other screens' values for `${screen.ID...}`; default: their examples. */
  readonly screens?: Readonly<Record<string, ScreenValues>>;
}

export interface ScreenRenderOptions {
  readonly state?: ScreenState;
  /** Messages by JSON pointer of a component or screen; the empty pointer is the whole flow. */
  readonly issues?: Readonly<Record<string, readonly string[]>>;
  readonly strings?: PreviewStrings;
  /** Show a back arrow instead of the close cross. */
  readonly canGoBack?: boolean;
}

/** The scope a screen's bindings read, with init values under what was entered. */
export function screenScope(flow: unknown, screen: FlowScreen, state: ScreenState = {}): PreviewScope {
  const data = state.data ?? exampleData(screen.json);
  const screens = { ...exampleScreens(flow), ...state.screens };
  const bare: PreviewScope = { data, form: {}, screens };
  const form = { ...initialFormValues(screenChildren(screen.json), bare), ...state.form };
  return { data, form, screens: { ...screens, [screen.id]: { data, form } } };
}

export function renderScreen(flow: unknown, screenId: string, options: ScreenRenderOptions = {}): string {
  const strings = options.strings ?? ENGLISH_STRINGS;
  const screen = flowScreens(flow).find((s) => s.id === screenId);
  if (!screen) return phone('', `<div class="fd-empty">${escapeHtml(strings.noScreen)}</div>`, '', false);
  const scope = screenScope(flow, screen, options.state);
  const children = screenChildren(screen.json);
  const issues = options.issues ?? {};
  const ctx: RenderContext = {
    scope,
    version: flowVersion(flow),
    issues,
    formErrors: {},
    strings,
    missingRequired: missingRequired(children, scope),
    footers: [],
  };
  // problems of the screen itself, and of the flow outside any screen (they concern every screen)
  const screenIssues = [...(issues[''] ?? []), ...(issues[screen.pointer] ?? [])];
  const body =
    (screenIssues.length ? `<div class="fd-screen-issues fd-has-issue" data-path="${escapeHtml(screen.pointer)}">${issueList(screenIssues)}</div>` : '') +
    renderComponents(children, `${screen.pointer}/layout/children`, ctx);
  const title = resolveText(screen.json['title'], scope) || screen.id;
  return phone(title, body, ctx.footers.join(''), options.canGoBack ?? false, screen);
}

function phone(title: string, body: string, footer: string, canGoBack: boolean, screen?: FlowScreen): string {
  const id = screen ? ` data-screen="${escapeHtml(screen.id)}" data-path="${escapeHtml(screen.pointer)}"` : '';
  const nav = canGoBack
    ? '<button type="button" class="fd-appbar-button fd-back" data-back="1" aria-label="Back">←</button>'
    : '<span class="fd-appbar-button" aria-hidden="true">✕</span>';
  return (
    `<div class="fd-phone"${id}>` +
    `<div class="fd-statusbar" aria-hidden="true"><span>9:41</span><span>▴ ▮</span></div>` +
    `<div class="fd-appbar">${nav}<div class="fd-title" role="heading" aria-level="1">${escapeHtml(title)}</div><span class="fd-appbar-button" aria-hidden="true">⋮</span></div>` +
    `<div class="fd-screen-body">${body}</div>` +
    (footer ? `<div class="fd-screen-footer">${footer}</div>` : '') +
    `</div>`
  );
}
