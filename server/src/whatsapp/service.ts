// WhatsApp Flow JSON language service (being built): answers nothing yet.
import type { DialectService } from '../service/types';

export const whatsappService: DialectService = {
  validate: () => [],
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
