// The few words the phone shows that are not the flow's own. The CLI uses the English ones;
// the VS Code panel passes them translated by vscode.l10n.
export interface PreviewStrings {
  readonly optional: string;
  readonly select: string;
  readonly readMore: string;
  readonly managedBy: string;
  readonly takePhoto: string;
  readonly chooseFromGallery: string;
  readonly chooseDocument: string;
  readonly imageUnavailable: string;
  readonly noScreen: string;
  readonly startDate: string;
  readonly endDate: string;
}

export const ENGLISH_STRINGS: PreviewStrings = {
  optional: '(optional)',
  select: 'Select',
  readMore: 'Read more',
  managedBy: 'Managed by the business. Learn more',
  takePhoto: 'Take photo',
  chooseFromGallery: 'Choose from gallery',
  chooseDocument: 'Choose file',
  imageUnavailable: 'Image not shown: not base64 image data',
  noScreen: 'This flow has no screen to show yet.',
  startDate: 'Start date',
  endDate: 'End date',
};
