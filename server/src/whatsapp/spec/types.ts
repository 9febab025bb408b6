// The shape of the Flow JSON reference table: every object, property and component with the
// version that introduced it. Validation, completion, hover and the generated JSON Schemas all
// read this one table.
import type { FlowJsonVersion } from './versions';

/** How a property's value is written. */
export type ValueKind =
  /** A string: literal, `${...}` binding or (6.0+) a backtick expression. */
  | 'text'
  /** `text` or (5.1+) an array of static strings (TextBody, TextCaption, RichText). */
  | 'textOrLines'
  /** A boolean or a binding. */
  | 'boolean'
  /** A number or a binding. */
  | 'number'
  /** An integer or a binding (static only when `static` is set). */
  | 'integer'
  /** One of `values` (static unless `dynamic`). */
  | 'enum'
  /** A component name: a static, non-blank string. */
  | 'name'
  /** A static string (e.g. a regular expression). */
  | 'staticString'
  /** A binding only (Switch `value`). */
  | 'binding'
  /** An `If` condition. */
  | 'condition'
  /** An array of strings, or a binding. */
  | 'stringArray'
  /** An array of objects described by `item`, or a binding. */
  | 'objectArray'
  /** An object described by `fields`. */
  | 'object'
  /** A free-form object, or a binding (Form `init-values`, action payloads). */
  | 'map'
  /** An action object. */
  | 'action'
  /** An array of components. */
  | 'components'
  /** A map of case name to an array of components (Switch). */
  | 'cases'
  /** A screen's data model declaration. */
  | 'dataModel'
  /** A string, or (range mode) an object with `start-date` and `end-date` (CalendarPicker). */
  | 'textOrRange'
  /** A boolean, or (range mode) an object with `start-date` and `end-date` (CalendarPicker). */
  | 'booleanOrRange'
  /** A string, or an object of messages keyed by media id (pickers' `error-message`). */
  | 'textOrMap'
  /** The Flow JSON `version` string. */
  | 'version'
  /** An array of screens. */
  | 'screens'
  /** The routing model: screen id to the screen ids it may go to. */
  | 'routingModel';

export interface EnumValue {
  readonly value: string;
  readonly since?: FlowJsonVersion;
}

export type ActionName = 'navigate' | 'complete' | 'data_exchange' | 'update_data' | 'open_url';

export interface PropertySpec {
  readonly kind: ValueKind;
  readonly doc: string;
  /** First Flow JSON version that has the property. */
  readonly since?: FlowJsonVersion;
  /** First version where the property is no longer accepted. */
  readonly removedIn?: FlowJsonVersion;
  /** Required in every version where the property exists, or from the given version on. */
  readonly required?: boolean | FlowJsonVersion;
  /** Character limit of a string value. */
  readonly maxLength?: number;
  readonly values?: readonly EnumValue[];
  /** Enum may also be a binding. */
  readonly dynamic?: boolean;
  /** Number or integer: no binding allowed. */
  readonly static?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** Items of `objectArray`. */
  readonly item?: ObjectSpec;
  /** Fields of `object`. */
  readonly fields?: ObjectSpec;
  /** Allowed values of a `stringArray`'s items. */
  readonly itemValues?: readonly string[];
  /** Per-item character limit of a `stringArray`. */
  readonly itemMaxLength?: number;
  /** Actions an `action` property accepts. */
  readonly actions?: readonly { readonly name: ActionName; readonly since?: FlowJsonVersion }[];
  /** Only valid on a component that is not inside a Form. */
  readonly outsideFormOnly?: boolean;
}

export interface ObjectSpec {
  readonly name: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
}

/** The value a form input contributes to `${form.name}` (and to Form `init-values`). */
export type FormValueType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'media';

export interface ComponentSpec extends ObjectSpec {
  readonly since?: FlowJsonVersion;
  readonly doc: string;
  /** Collects user input under its `name`. */
  readonly input?: FormValueType;
  /** At most this many per screen. */
  readonly perScreenMax?: number;
  /** Allowed inside If/Switch branches from this version (absent: never). */
  readonly inBranchesSince?: FlowJsonVersion;
  /** Allowed inside a Form from this version (absent: always; `false`: never). */
  readonly inFormSince?: FlowJsonVersion | false;
}
