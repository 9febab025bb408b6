// The Flow JSON document around the components: root, screens, layout and actions.
// Facts: research/whatsapp-tencent.md A.1-A.3, A.6 and research/whatsapp-gaps.md §2, §3.4, §5.
import type { ActionName, ObjectSpec } from './types';

export const ROOT_SPEC: ObjectSpec = {
  name: 'Flow JSON',
  properties: {
    version: { kind: 'version', required: true, doc: 'The Flow JSON version, a string such as "7.3".' },
    screens: { kind: 'screens', required: true, minItems: 1, doc: 'The screens of the flow.' },
    routing_model: {
      kind: 'routingModel',
      doc: 'Screen id to the screen ids it can go to (forward routes only, at most 10 branches). Needed with a data endpoint.',
    },
    data_api_version: {
      kind: 'enum',
      values: [{ value: '3.0' }, { value: '4.0', since: '7.3' }],
      doc: 'The data endpoint API version: "3.0" ("4.0" from Flow JSON 7.3). Needed with a data endpoint.',
    },
    data_channel_uri: {
      kind: 'staticString',
      removedIn: '3.0',
      doc: 'The data endpoint URL (before 3.0 only; from 3.0 set the endpoint through the Flows API).',
    },
  },
};

export const SCREEN_SPEC: ObjectSpec = {
  name: 'screen',
  properties: {
    id: { kind: 'staticString', required: true, doc: 'Unique screen id: letters and underscores only ("SUCCESS" is reserved).' },
    terminal: { kind: 'boolean', static: true, doc: 'The flow can end on this screen (it then needs a Footer).' },
    success: { kind: 'boolean', static: true, doc: 'On a terminal screen: whether ending here counts as success (default true).' },
    title: { kind: 'text', doc: 'Title in the top bar.' },
    refresh_on_back: { kind: 'boolean', static: true, doc: 'Ask the endpoint for fresh data when the user goes back (endpoint flows only).' },
    data: { kind: 'dataModel', doc: 'The dynamic data the screen expects: `{ "field": { "type": ..., "__example__": ... } }`.' },
    layout: { kind: 'object', required: true, doc: 'The screen layout.', fields: undefined },
    sensitive: { kind: 'stringArray', since: '5.1', doc: 'Names of fields masked in the completion summary.' },
  },
};

export const LAYOUT_SPEC: ObjectSpec = {
  name: 'layout',
  properties: {
    type: { kind: 'enum', required: true, values: [{ value: 'SingleColumnLayout' }], doc: 'Only "SingleColumnLayout".' },
    children: { kind: 'components', required: true, doc: 'The components of the screen, top to bottom.' },
  },
};

export const ACTION_DOCS: Readonly<Record<ActionName, { since?: string; doc: string }>> = {
  navigate: { doc: 'Go to the screen in `next` with a static `payload` for its `data`.' },
  complete: { doc: 'End the flow; the `payload` goes to the business with the flow token. Only on terminal screens.' },
  data_exchange: { doc: 'Send the `payload` to the data endpoint, which answers with the next screen.' },
  update_data: { since: '6.0', doc: 'Update the current screen\'s data with the `payload`.' },
  open_url: { since: '6.0', doc: 'Open `url` (EmbeddedLink and OptIn only).' },
};

export const NEXT_SPEC: ObjectSpec = {
  name: 'next',
  properties: {
    type: { kind: 'enum', required: true, values: [{ value: 'screen' }], doc: 'Always "screen".' },
    name: { kind: 'staticString', required: true, doc: 'The id of the screen to go to.' },
  },
};

/** Screen ids: letters and underscores (from 7.0 not underscores only). */
export const SCREEN_ID_PATTERN_BEFORE_7 = /^[a-zA-Z,_]+$/;
export const SCREEN_ID_PATTERN_FROM_7 = /^(?!_+$)[a-zA-Z_]+$/;

export const MAX_COMPONENTS_PER_SCREEN = 50;
export const MAX_ROUTING_BRANCHES = 10;
export const MAX_IF_NESTING = 3;
export const MAX_IMAGE_CAROUSELS_PER_FLOW = 3;
export const MAX_SCREENS = 100;
