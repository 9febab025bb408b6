// Every Flow JSON component with its properties, limits and the version that introduced each.
// Facts: Meta's Components and Flow JSON references, with the later client findings
// (research/whatsapp-tencent.md A.4, research/whatsapp-gaps.md §3).
import type { ComponentSpec, ObjectSpec, PropertySpec } from './types';

const visible: PropertySpec = { kind: 'boolean', doc: 'Whether the component is shown (default true).' };
const enabled: PropertySpec = { kind: 'boolean', doc: 'Whether the user can interact with it (default true).' };
const requiredInput: PropertySpec = { kind: 'boolean', doc: 'Whether the user must fill it in before continuing.' };
const inputName: PropertySpec = {
  kind: 'name',
  required: true,
  doc: 'The field name: its value is `${form.<name>}` on this screen and `${screen.<id>.form.<name>}` elsewhere.',
};
const helperText: PropertySpec = { kind: 'text', maxLength: 80, doc: 'Hint shown under the field.' };
const initValueText: PropertySpec = {
  kind: 'text',
  since: '4.0',
  outsideFormOnly: true,
  doc: 'Initial value (only outside a Form; inside one use the Form\'s `init-values`).',
};
const errorMessage = (maxLength?: number): PropertySpec => ({
  kind: 'text',
  since: '4.0',
  outsideFormOnly: true,
  ...(maxLength ? { maxLength } : {}),
  doc: 'Error shown on the field (only outside a Form; inside one use the Form\'s `error-messages`).',
});
const labelVariant: PropertySpec = {
  kind: 'enum',
  since: '7.0',
  values: [{ value: 'large' }],
  doc: '`large` puts the label above the field.',
};

const navigatePayloadActions = [
  { name: 'navigate' as const },
  { name: 'complete' as const },
  { name: 'data_exchange' as const },
];

const updateDataAction = (since: string, doc: string): PropertySpec => ({
  kind: 'action',
  since,
  actions: [{ name: 'update_data' }],
  doc,
});

const mainContent: ObjectSpec = {
  name: 'main-content',
  properties: {
    title: { kind: 'text', required: true, maxLength: 30, doc: 'Item title.' },
    description: { kind: 'text', maxLength: 20, doc: 'Item description.' },
    metadata: { kind: 'text', maxLength: 80, doc: 'Item metadata.' },
  },
};

const navigationEnd: ObjectSpec = {
  name: 'end',
  properties: {
    title: { kind: 'text', maxLength: 10, doc: 'Title at the end of the item.' },
    description: { kind: 'text', maxLength: 10, doc: 'Description at the end of the item.' },
    metadata: { kind: 'text', maxLength: 10, doc: 'Metadata at the end of the item.' },
  },
};

const navigationStart: ObjectSpec = {
  name: 'start',
  properties: {
    image: { kind: 'text', required: true, doc: 'Base64 image (at most 100 KB) or a binding.' },
    'alt-text': { kind: 'text', doc: 'Image description for accessibility.' },
  },
};

const navigationItem: ObjectSpec = {
  name: 'list item',
  properties: {
    id: { kind: 'staticString', required: true, doc: 'Unique id of the item.' },
    'main-content': { kind: 'object', required: true, fields: mainContent, doc: 'Title, description and metadata.' },
    end: { kind: 'object', fields: navigationEnd, doc: 'Add-on at the end of the item (1 or 2 of title, description, metadata).' },
    start: { kind: 'object', fields: navigationStart, doc: 'Image at the start of the item.' },
    badge: { kind: 'text', maxLength: 15, doc: 'Badge text (only one item may have a badge).' },
    tags: { kind: 'stringArray', maxItems: 3, itemMaxLength: 15, doc: 'Up to 3 tags of 15 characters.' },
    enabled,
    'on-click-action': {
      kind: 'action',
      actions: [{ name: 'data_exchange' }, { name: 'navigate' }],
      doc: 'Action when the item is tapped (on the component or on the items, not both).',
    },
  },
};

const dataSourceItem: ObjectSpec = {
  name: 'data-source item',
  properties: {
    id: { kind: 'staticString', required: true, doc: 'The value the option contributes to the form.' },
    title: { kind: 'text', required: true, maxLength: 30, doc: 'Option title.' },
    description: { kind: 'text', maxLength: 300, doc: 'Option description.' },
    metadata: { kind: 'text', maxLength: 20, doc: 'Option metadata.' },
    enabled,
    image: { kind: 'text', since: '5.0', doc: 'Base64 image (at most 100 KB from 6.0, 300 KB before).' },
    'alt-text': { kind: 'text', since: '5.0', doc: 'Image description for accessibility.' },
    color: { kind: 'staticString', since: '5.0', doc: '6-digit hex colour such as `#FF0000`.' },
    'on-select-action': updateDataAction('6.0', '`update_data` run when this option is selected.'),
    'on-unselect-action': updateDataAction('6.0', '`update_data` run when this option is unselected.'),
  },
};

const chipsItem: ObjectSpec = {
  name: 'data-source item',
  properties: {
    id: { kind: 'staticString', required: true, doc: 'The value the chip contributes to the form.' },
    title: { kind: 'text', required: true, maxLength: 30, doc: 'Chip title.' },
    enabled,
    'on-select-action': updateDataAction('6.3', '`update_data` run when this chip is selected.'),
    'on-unselect-action': updateDataAction('6.3', '`update_data` run when this chip is unselected.'),
  },
};

const carouselImage: ObjectSpec = {
  name: 'image',
  properties: {
    src: { kind: 'text', required: true, doc: 'Base64 image or a binding.' },
    'alt-text': { kind: 'text', required: true, doc: 'Image description for accessibility.' },
  },
};

const dataSource = (doc: string, minItems: number, maxItems: number, item: ObjectSpec = dataSourceItem): PropertySpec => ({
  kind: 'objectArray',
  required: true,
  item,
  minItems,
  maxItems,
  doc,
});

const textComponent = (type: string, maxLength: number, doc: string): ComponentSpec => ({
  name: type,
  doc,
  inBranchesSince: '4.0',
  properties: {
    type: { kind: 'enum', required: true, values: [{ value: type }], doc: 'Component type.' },
    text: { kind: 'text', required: true, maxLength, doc: `The text (at most ${maxLength} characters).` },
    visible,
  },
});

const bodyComponent = (type: string, maxLength: number, doc: string): ComponentSpec => ({
  name: type,
  doc,
  inBranchesSince: '4.0',
  properties: {
    type: { kind: 'enum', required: true, values: [{ value: type }], doc: 'Component type.' },
    text: {
      kind: 'textOrLines',
      required: true,
      maxLength,
      doc: `The text (at most ${maxLength} characters); from 5.1 with \`markdown: true\` also an array of lines.`,
    },
    'font-weight': {
      kind: 'enum',
      dynamic: true,
      values: [{ value: 'bold' }, { value: 'italic' }, { value: 'bold_italic' }, { value: 'normal' }],
      doc: 'Font weight.',
    },
    strikethrough: { kind: 'boolean', doc: 'Strike the text through.' },
    markdown: { kind: 'boolean', static: true, since: '5.1', doc: 'Render a subset of Markdown (bold, italic, lists, links).' },
    visible,
  },
});

const typeProp = (type: string): PropertySpec => ({
  kind: 'enum',
  required: true,
  values: [{ value: type }],
  doc: 'Component type.',
});

const selectActions: PropertySpec = {
  kind: 'action',
  actions: [{ name: 'data_exchange' }, { name: 'update_data', since: '6.0' }],
  doc: 'Action run when an option is selected (`data_exchange`; `update_data` from 6.0).',
};
const unselectAction = updateDataAction('6.0', '`update_data` run when an option is unselected.');

export const COMPONENTS: readonly ComponentSpec[] = [
  textComponent('TextHeading', 80, 'Top-level heading.'),
  textComponent('TextSubheading', 80, 'Subheading.'),
  bodyComponent('TextBody', 4096, 'Body text.'),
  bodyComponent('TextCaption', 409, 'Caption text.'),
  {
    name: 'RichText',
    since: '5.1',
    doc: 'Markdown text (headings, lists, tables, base64 images). Alone on its screen; from 6.3 it may share the screen with a Footer.',
    inFormSince: false,
    properties: {
      type: typeProp('RichText'),
      text: { kind: 'textOrLines', required: true, doc: 'Markdown: a string or an array of lines.' },
      visible,
    },
  },
  {
    name: 'TextInput',
    doc: 'A single-line text field.',
    input: 'string',
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('TextInput'),
      label: { kind: 'text', required: true, maxLength: 20, doc: 'Field label (at most 20 characters).' },
      'input-type': {
        kind: 'enum',
        values: [
          { value: 'text' }, { value: 'number' }, { value: 'email' },
          { value: 'password' }, { value: 'passcode' }, { value: 'phone' },
        ],
        doc: 'Keyboard and validation: text, number, email, password, passcode or phone.',
      },
      pattern: {
        kind: 'staticString',
        since: '6.2',
        doc: 'Regular expression the value must match (with input-type text, number, password or passcode; needs `helper-text`).',
      },
      required: requiredInput,
      'min-chars': { kind: 'integer', doc: 'Minimum number of characters.' },
      'max-chars': { kind: 'integer', doc: 'Maximum number of characters (default 80).' },
      'helper-text': helperText,
      name: inputName,
      enabled,
      visible,
      'init-value': initValueText,
      'error-message': errorMessage(30),
      'label-variant': labelVariant,
    },
  },
  {
    name: 'TextArea',
    doc: 'A multi-line text field.',
    input: 'string',
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('TextArea'),
      label: { kind: 'text', required: true, maxLength: 20, doc: 'Field label (at most 20 characters).' },
      required: requiredInput,
      'max-length': { kind: 'integer', doc: 'Maximum number of characters (default 600).' },
      name: inputName,
      'helper-text': helperText,
      enabled,
      visible,
      'init-value': initValueText,
      'error-message': errorMessage(),
      'label-variant': labelVariant,
    },
  },
  {
    name: 'CheckboxGroup',
    doc: 'Pick several options.',
    input: 'array',
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('CheckboxGroup'),
      'data-source': dataSource('Options: objects with `id` and `title` (1 to 20), or a binding.', 1, 20),
      name: inputName,
      'min-selected-items': { kind: 'integer', minimum: 0, doc: 'Minimum number of selected options.' },
      'max-selected-items': { kind: 'integer', minimum: 1, doc: 'Maximum number of selected options.' },
      enabled,
      label: { kind: 'text', required: '4.0', maxLength: 30, doc: 'Group label (required from 4.0).' },
      required: requiredInput,
      visible,
      'on-select-action': selectActions,
      'on-unselect-action': unselectAction,
      description: { kind: 'text', since: '4.0', maxLength: 300, doc: 'Text under the label.' },
      'init-value': { kind: 'stringArray', since: '4.0', outsideFormOnly: true, doc: 'Initially selected option ids.' },
      'error-message': errorMessage(),
      'media-size': { kind: 'enum', since: '5.0', values: [{ value: 'regular' }, { value: 'large' }], doc: 'Option image size.' },
    },
  },
  {
    name: 'RadioButtonsGroup',
    doc: 'Pick one option.',
    input: 'string',
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('RadioButtonsGroup'),
      'data-source': dataSource('Options: objects with `id` and `title` (1 to 20), or a binding.', 1, 20),
      name: inputName,
      enabled,
      label: { kind: 'text', required: '4.0', maxLength: 30, doc: 'Group label (required from 4.0).' },
      required: requiredInput,
      visible,
      'on-select-action': selectActions,
      'on-unselect-action': unselectAction,
      description: { kind: 'text', since: '4.0', maxLength: 300, doc: 'Text under the label.' },
      'init-value': initValueText,
      'error-message': errorMessage(),
      'media-size': { kind: 'enum', since: '5.0', values: [{ value: 'regular' }, { value: 'large' }], doc: 'Option image size.' },
    },
  },
  {
    name: 'Dropdown',
    doc: 'Pick one option from a list.',
    input: 'string',
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('Dropdown'),
      label: { kind: 'text', required: true, maxLength: 20, doc: 'Field label (at most 20 characters).' },
      'data-source': dataSource('Options (1 to 200; 100 with images), or a binding.', 1, 200),
      name: inputName,
      required: requiredInput,
      enabled,
      visible,
      'on-select-action': selectActions,
      'on-unselect-action': unselectAction,
      'init-value': initValueText,
      'error-message': errorMessage(),
    },
  },
  {
    name: 'ChipsSelector',
    since: '6.3',
    doc: 'Pick several options shown as chips.',
    input: 'array',
    inBranchesSince: '7.1',
    properties: {
      type: typeProp('ChipsSelector'),
      'data-source': dataSource('Chips: objects with `id` and `title` (2 to 20), or a binding.', 2, 20, chipsItem),
      name: inputName,
      'min-selected-items': { kind: 'integer', minimum: 0, doc: 'Minimum number of selected chips.' },
      'max-selected-items': { kind: 'integer', minimum: 1, doc: 'Maximum number of selected chips.' },
      enabled,
      label: { kind: 'text', required: true, maxLength: 80, doc: 'Label (at most 80 characters).' },
      required: requiredInput,
      visible,
      description: { kind: 'text', maxLength: 300, doc: 'Text under the label.' },
      'init-value': { kind: 'stringArray', outsideFormOnly: true, doc: 'Initially selected chip ids.' },
      'error-message': errorMessage(),
      'on-select-action': {
        kind: 'action',
        since: '7.1',
        actions: [{ name: 'data_exchange' }, { name: 'update_data' }],
        doc: 'Action run when a chip is selected.',
      },
      'on-unselect-action': updateDataAction('7.1', '`update_data` run when a chip is unselected.'),
    },
  },
  {
    name: 'DatePicker',
    doc: 'Pick a date (from 5.0 dates are "YYYY-MM-DD" strings; before, timestamps in milliseconds).',
    input: 'string',
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('DatePicker'),
      label: { kind: 'text', required: true, maxLength: 40, doc: 'Field label (at most 40 characters).' },
      'min-date': { kind: 'text', doc: 'Earliest selectable date.' },
      'max-date': { kind: 'text', doc: 'Latest selectable date.' },
      name: inputName,
      'unavailable-dates': { kind: 'stringArray', doc: 'Dates that cannot be selected.' },
      visible,
      'helper-text': helperText,
      enabled,
      required: requiredInput,
      'on-select-action': { kind: 'action', actions: [{ name: 'data_exchange' }], doc: '`data_exchange` run when a date is picked.' },
      'init-value': initValueText,
      'error-message': errorMessage(80),
    },
  },
  {
    name: 'CalendarPicker',
    since: '6.1',
    doc: 'Pick a date or (mode `range`) a date range from a calendar.',
    input: 'string',
    inBranchesSince: '6.1',
    properties: {
      type: typeProp('CalendarPicker'),
      name: inputName,
      title: { kind: 'text', maxLength: 80, doc: 'Title (range mode only).' },
      description: { kind: 'text', maxLength: 300, doc: 'Description (range mode only).' },
      label: { kind: 'textOrRange', required: true, maxLength: 40, doc: 'Label; in range mode `{ "start-date", "end-date" }`.' },
      'helper-text': { kind: 'textOrRange', maxLength: 80, doc: 'Hint; in range mode `{ "start-date", "end-date" }`.' },
      required: { kind: 'booleanOrRange', doc: 'Required; in range mode `{ "start-date", "end-date" }`.' },
      visible,
      enabled,
      mode: { kind: 'enum', dynamic: true, values: [{ value: 'single' }, { value: 'range' }], doc: '`single` (default) or `range`.' },
      'min-date': { kind: 'text', doc: 'Earliest selectable date, "YYYY-MM-DD".' },
      'max-date': { kind: 'text', doc: 'Latest selectable date, "YYYY-MM-DD".' },
      'unavailable-dates': { kind: 'stringArray', doc: 'Dates that cannot be selected, "YYYY-MM-DD".' },
      'include-days': {
        kind: 'stringArray',
        itemValues: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
        doc: 'Weekdays that can be selected.',
      },
      'min-days': { kind: 'integer', doc: 'Minimum range length in days (range mode only).' },
      'max-days': { kind: 'integer', doc: 'Maximum range length in days (range mode only).' },
      'on-select-action': { kind: 'action', actions: [{ name: 'data_exchange' }], doc: '`data_exchange` run when a date is picked.' },
      'init-value': { kind: 'textOrRange', outsideFormOnly: true, doc: 'Initial date or range.' },
      'error-message': { kind: 'textOrRange', outsideFormOnly: true, maxLength: 80, doc: 'Error shown on the field.' },
    },
  },
  {
    name: 'Footer',
    doc: 'The button at the bottom of the screen. Terminal screens need one; at most 1 per screen.',
    perScreenMax: 1,
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('Footer'),
      label: { kind: 'text', required: true, maxLength: 35, doc: 'Button label (at most 35 characters).' },
      'left-caption': { kind: 'text', maxLength: 15, doc: 'Caption on the left (with `right-caption`, never with `center-caption`).' },
      'center-caption': { kind: 'text', maxLength: 15, doc: 'Caption in the centre (never with left or right captions).' },
      'right-caption': { kind: 'text', maxLength: 15, doc: 'Caption on the right (with `left-caption`).' },
      enabled,
      'on-click-action': { kind: 'action', required: true, actions: navigatePayloadActions, doc: 'What the button does: navigate, complete or data_exchange.' },
    },
  },
  {
    name: 'OptIn',
    doc: 'A checkbox to accept terms, with an optional "Read more" action. At most 5 per screen.',
    input: 'boolean',
    perScreenMax: 5,
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('OptIn'),
      label: { kind: 'text', required: true, maxLength: 120, doc: 'Opt-in text (at most 120 characters).' },
      required: requiredInput,
      name: inputName,
      'on-click-action': {
        kind: 'action',
        actions: [{ name: 'data_exchange' }, { name: 'navigate' }, { name: 'open_url', since: '6.0' }],
        doc: 'The "Read more" action.',
      },
      visible,
      'init-value': { kind: 'boolean', since: '4.0', outsideFormOnly: true, doc: 'Initially checked.' },
      'on-select-action': updateDataAction('6.0', '`update_data` run when checked.'),
      'on-unselect-action': updateDataAction('6.0', '`update_data` run when unchecked.'),
    },
  },
  {
    name: 'EmbeddedLink',
    doc: 'A link in the screen. At most 2 per screen.',
    perScreenMax: 2,
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('EmbeddedLink'),
      text: { kind: 'text', required: true, maxLength: 25, doc: 'Link text (at most 25 characters).' },
      'on-click-action': {
        kind: 'action',
        required: true,
        actions: [{ name: 'data_exchange' }, { name: 'navigate' }, { name: 'open_url', since: '6.0' }],
        doc: 'What the link does.',
      },
      visible,
    },
  },
  {
    name: 'NavigationList',
    since: '6.2',
    doc: 'A list of items that each lead somewhere. Not on terminal screens; at most 2 per screen and nothing else on it.',
    input: 'string',
    perScreenMax: 2,
    properties: {
      type: typeProp('NavigationList'),
      name: inputName,
      'list-items': { kind: 'objectArray', required: true, item: navigationItem, minItems: 1, maxItems: 20, doc: 'Items (1 to 20), or a binding.' },
      label: { kind: 'text', maxLength: 80, doc: 'Label above the list.' },
      description: { kind: 'text', maxLength: 300, doc: 'Description above the list.' },
      'media-size': { kind: 'enum', values: [{ value: 'regular' }, { value: 'large' }], doc: 'Start image size.' },
      'on-click-action': {
        kind: 'action',
        actions: [{ name: 'data_exchange' }, { name: 'navigate' }],
        doc: 'Action when an item is tapped (on the component or on the items, not both).',
      },
    },
  },
  {
    name: 'Image',
    doc: 'A base64 image (JPEG or PNG). At most 3 per screen.',
    perScreenMax: 3,
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('Image'),
      src: { kind: 'text', required: true, doc: 'Base64 image or a binding.' },
      width: { kind: 'integer', doc: 'Width.' },
      height: { kind: 'integer', doc: 'Height.' },
      'scale-type': { kind: 'enum', values: [{ value: 'cover' }, { value: 'contain' }], doc: '`contain` (default) or `cover`.' },
      'aspect-ratio': { kind: 'number', doc: 'Width / height (default 1).' },
      'alt-text': { kind: 'text', doc: 'Image description for accessibility.' },
      visible,
    },
  },
  {
    name: 'ImageCarousel',
    since: '7.1',
    doc: 'Up to 3 swipeable images. At most 2 per screen and 3 per flow.',
    perScreenMax: 2,
    inFormSince: '7.1',
    properties: {
      type: typeProp('ImageCarousel'),
      images: { kind: 'objectArray', required: true, item: carouselImage, minItems: 1, maxItems: 3, doc: 'Images (1 to 3): `src` and `alt-text`.' },
      'aspect-ratio': { kind: 'enum', values: [{ value: '4:3' }, { value: '16:9' }], doc: '"4:3" (default) or "16:9".' },
      'scale-type': { kind: 'enum', values: [{ value: 'cover' }, { value: 'contain' }], doc: '`contain` (default) or `cover`.' },
      visible,
    },
  },
  {
    name: 'PhotoPicker',
    since: '4.0',
    doc: 'Upload photos. At most 1 per screen, and not with a DocumentPicker.',
    input: 'media',
    perScreenMax: 1,
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('PhotoPicker'),
      name: inputName,
      label: { kind: 'text', required: true, maxLength: 80, doc: 'Label (at most 80 characters).' },
      description: { kind: 'text', maxLength: 300, doc: 'Description (at most 300 characters).' },
      'photo-source': {
        kind: 'enum',
        values: [{ value: 'camera_gallery' }, { value: 'camera' }, { value: 'gallery' }],
        doc: 'Where photos come from (default camera_gallery).',
      },
      'max-file-size-kb': { kind: 'integer', static: true, minimum: 1, maximum: 25600, doc: 'Largest file in KB (1 to 25600).' },
      'min-uploaded-photos': { kind: 'integer', static: true, minimum: 0, maximum: 30, doc: 'Minimum photos (0 to 30).' },
      'max-uploaded-photos': { kind: 'integer', static: true, minimum: 1, maximum: 30, doc: 'Maximum photos (1 to 30).' },
      enabled,
      visible,
      'error-message': { kind: 'textOrMap', outsideFormOnly: true, doc: 'Error text, or messages by media id.' },
    },
  },
  {
    name: 'DocumentPicker',
    since: '4.0',
    doc: 'Upload documents. At most 1 per screen, and not with a PhotoPicker.',
    input: 'media',
    perScreenMax: 1,
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('DocumentPicker'),
      name: inputName,
      label: { kind: 'text', required: true, maxLength: 80, doc: 'Label (at most 80 characters).' },
      description: { kind: 'text', maxLength: 300, doc: 'Description (at most 300 characters).' },
      'max-file-size-kb': { kind: 'integer', static: true, minimum: 1, maximum: 25600, doc: 'Largest file in KB (1 to 25600).' },
      'min-uploaded-documents': { kind: 'integer', static: true, minimum: 0, maximum: 30, doc: 'Minimum documents (0 to 30).' },
      'max-uploaded-documents': { kind: 'integer', static: true, minimum: 1, maximum: 30, doc: 'Maximum documents (1 to 30).' },
      'allowed-mime-types': {
        kind: 'stringArray',
        itemValues: [
          'application/gzip', 'application/msword', 'application/pdf', 'application/vnd.ms-excel',
          'application/vnd.ms-powerpoint', 'application/vnd.oasis.opendocument.presentation',
          'application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.text',
          'application/vnd.openxmlformats-officedocument.presentationml.presentation',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/x-7z-compressed', 'application/xml', 'application/zip', 'image/avif', 'image/gif',
          'image/heic', 'image/heif', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp', 'text/plain',
          'video/mp4', 'video/mpeg',
        ],
        doc: 'MIME types the user may upload.',
      },
      enabled,
      visible,
      'error-message': { kind: 'textOrMap', outsideFormOnly: true, doc: 'Error text, or messages by media id.' },
    },
  },
  {
    name: 'Form',
    doc: 'Groups inputs (required around inputs before 4.0; at most 1 per screen from 7.0).',
    inFormSince: false,
    properties: {
      type: typeProp('Form'),
      name: { kind: 'staticString', required: true, doc: 'Form name.' },
      children: { kind: 'components', required: true, doc: 'The components in the form.' },
      'init-values': { kind: 'map', doc: 'Initial values by field name, or a binding.' },
      'error-messages': { kind: 'map', doc: 'Error messages by field name, or a binding.' },
    },
  },
  {
    name: 'If',
    since: '4.0',
    doc: 'Shows `then` or `else` depending on `condition` (nesting up to 3 levels).',
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('If'),
      condition: { kind: 'condition', required: true, doc: 'A boolean condition with at least one `${...}` value, e.g. `${form.age} > 18`.' },
      then: { kind: 'components', required: true, minItems: 1, doc: 'Components shown when the condition holds.' },
      else: { kind: 'components', doc: 'Components shown otherwise.' },
    },
  },
  {
    name: 'Switch',
    since: '4.0',
    doc: 'Shows the components of the case named by `value`.',
    inBranchesSince: '4.0',
    properties: {
      type: typeProp('Switch'),
      value: { kind: 'binding', required: true, doc: 'A binding such as `${form.choice}` whose value names a case.' },
      cases: { kind: 'cases', required: true, doc: 'Case name to the components it shows.' },
    },
  },
];

export const COMPONENTS_BY_TYPE: ReadonlyMap<string, ComponentSpec> = new Map(COMPONENTS.map((c) => [c.name, c]));
