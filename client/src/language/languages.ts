// The language ids the extension contributes (see contributes.languages in package.json).
export const FLOW_LANGUAGES = ['fdl', 'fdl-json', 'whatsapp-flow', 'flowtest'] as const;

export type FlowLanguage = (typeof FLOW_LANGUAGES)[number];

export function isFlowLanguage(languageId: string): languageId is FlowLanguage {
  return (FLOW_LANGUAGES as readonly string[]).includes(languageId);
}
