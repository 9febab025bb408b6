// The one language service the runner checks test files and flows with: the editor's own, so a
// file the editor underlines is one the runner refuses, with the same message.
import { createLanguageService } from '../../server/src';

export const languageService = createLanguageService();
