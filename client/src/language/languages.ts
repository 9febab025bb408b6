// The language ids the extension contributes (see contributes.languages in package.json), and
// the subsets features act on.

/** Flow definitions (FDL, YAML or JSON): deployed, started, debugged. */
export const FDL_LANGUAGES = ['fdl', 'fdl-json'] as const;

/** Every language the extension contributes; the language server serves all of them. */
export const FLOW_LANGUAGES = [...FDL_LANGUAGES, 'whatsapp-flow', 'flowtest'] as const;

export type FlowLanguage = (typeof FLOW_LANGUAGES)[number];

export function isFlowLanguage(languageId: string): languageId is FlowLanguage {
  return (FLOW_LANGUAGES as readonly string[]).includes(languageId);
}

export function isFdlLanguage(languageId: string): boolean {
  return (FDL_LANGUAGES as readonly string[]).includes(languageId);
}
