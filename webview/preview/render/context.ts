// What every component renderer is handed besides its own JSON.
import type { PreviewScope } from './expressions';
import type { JsonObject } from './json';
import type { PreviewStrings } from './strings';

export interface RenderContext {
  readonly scope: PreviewScope;
  /** The flow's `version` ("7.3"); decides how dates and images read. */
  readonly version: string;
  /** Problems to outline, by the JSON pointer of the component (or screen) they belong to. */
  readonly issues: Readonly<Record<string, readonly string[]>>;
  /** The enclosing Form's `error-messages`, resolved (inputs inside a Form take theirs from it). */
  readonly formErrors: JsonObject;
  readonly strings: PreviewStrings;
  /** Labels of the required inputs still empty on this screen (the Footer looks disabled until none). */
  readonly missingRequired: readonly string[];
  /** Where Footers go: the phone pins them to the bottom whatever branch they sit in. */
  readonly footers: string[];
}

export type ComponentRenderer = (component: JsonObject, path: string, ctx: RenderContext) => string;
