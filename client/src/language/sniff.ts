// Decides from the start of a YAML or JSON document whether it is a flow definition, by the
// markers at its root: FDL (`Type: StateMachine` + `SpecVersion`), legacy FDL (`type: flow` +
// `version`) and WhatsApp Flow JSON (`screens` + `version`). Cheap on purpose: it runs for every
// YAML/JSON file VS Code opens, so it reads at most the first few KB and never starts the server.
import { visit } from 'jsonc-parser';
import type { FlowLanguage } from './languages';

/** How much of a document is looked at; root markers sit at the top of real flows. */
export const SNIFF_LIMIT = 8 * 1024;

/** The flow language a YAML or JSON document should switch to, or undefined to leave it be. */
export function sniffFlowLanguage(text: string, languageId: string): FlowLanguage | undefined {
  const head = text.slice(0, SNIFF_LIMIT);
  if (languageId === 'yaml') return sniffYaml(head);
  if (languageId === 'json' || languageId === 'jsonc') return sniffJson(head);
  return undefined;
}

// A root key of a block mapping starts in column 0. Key and value may be quoted; the value may
// be followed by a comment.
const rootKey = (key: string): RegExp => new RegExp(`^(['"]?)${key}\\1[ \\t]*:(?:[ \\t\\r]|$)`, 'm');
const rootEntry = (key: string, value: string): RegExp =>
  new RegExp(`^(['"]?)${key}\\1[ \\t]*:[ \\t]*(['"]?)${value}\\2[ \\t]*(?:#[^\\r\\n]*)?\\r?$`, 'm');

function sniffYaml(head: string): FlowLanguage | undefined {
  if (rootEntry('Type', 'StateMachine').test(head) && rootKey('SpecVersion').test(head)) return 'fdl';
  if (rootEntry('type', 'flow').test(head) && rootKey('version').test(head)) return 'fdl';
  return undefined;
}

function sniffJson(head: string): FlowLanguage | undefined {
  const root = new Map<string, unknown>();
  let depth = 0;
  let key: string | undefined;
  visit(head, {
    onObjectBegin: () => void depth++,
    onObjectEnd: () => void depth--,
    onArrayBegin: () => void depth++,
    onArrayEnd: () => void depth--,
    onObjectProperty: (name) => {
      if (depth === 1) {
        key = name;
        root.set(name, undefined);
      }
    },
    onLiteralValue: (value) => {
      if (depth === 1 && key !== undefined) root.set(key, value);
    },
  });
  if (root.get('Type') === 'StateMachine' && root.has('SpecVersion')) return 'fdl-json';
  if (root.get('type') === 'flow' && root.has('version')) return 'fdl-json';
  if (root.has('screens') && root.has('version')) return 'whatsapp-flow';
  return undefined;
}
