// The legacy FDL spec (`type: flow`, `steps`): every editor feature, one module per feature.
import type { DialectService } from '../../service/types';
import { validateLegacy } from './validate';

export const fdlLegacyService: DialectService = {
  validate: validateLegacy,
  complete: () => ({ isIncomplete: false, items: [] }),
  hover: () => null,
  documentSymbols: () => [],
  definition: () => null,
  references: () => [],
  prepareRename: () => null,
  rename: () => null,
  codeActions: () => [],
  foldingRanges: () => [],
};
