// Which flow format a document is: by the editor's language id, then by file name, then by
// what its root says. The CLI and the editor share this so they never disagree.
import type { Dialect } from './service/types';
import type { ObjectNode, ParsedText, SourceFormat } from './parse/tree';
import { lastProperty, propertyValue } from './parse/properties';

const FDL_NAME_RE = /\.(?:flow|fdl)\.(?:ya?ml|json)$/i;
const WHATSAPP_NAME_RE = /\.(?:wa-flow|whatsapp-flow)\.json$/i;
const FLOWTEST_NAME_RE = /\.flowtest\.(?:ya?ml|json)$/i;

/** The text format implied by a file name: JSON for `.json`, YAML for everything else. */
export function formatForFile(fileName: string): SourceFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/** The dialect a file name alone implies, or undefined when only the content can tell. */
export function dialectForFileName(fileName: string): 'fdl' | 'whatsapp-flow' | 'flowtest' | undefined {
  const base = fileName.replace(/^.*[\\/]/, '');
  if (FLOWTEST_NAME_RE.test(base)) return 'flowtest';
  if (WHATSAPP_NAME_RE.test(base)) return 'whatsapp-flow';
  if (FDL_NAME_RE.test(base)) return 'fdl';
  return undefined;
}

export function detectDialect(parsed: ParsedText, hint?: { fileName?: string; languageId?: string }): Dialect | null {
  const root = parsed.root?.kind === 'object' ? parsed.root : undefined;
  const languageId = hint?.languageId;
  if (languageId === 'fdl' || languageId === 'fdl-json') return fdlVersion(root);
  if (languageId === 'whatsapp-flow') return 'whatsapp-flow';
  if (languageId === 'flowtest') return 'flowtest';
  if (hint?.fileName) {
    const byName = dialectForFileName(hint.fileName);
    if (byName === 'fdl') return fdlVersion(root);
    if (byName === 'whatsapp-flow') return 'whatsapp-flow';
    if (byName === 'flowtest') return 'flowtest';
  }
  return root ? dialectByContent(root) : null;
}

/** A file already known to be FDL: legacy when its root says so, the current spec otherwise. */
function fdlVersion(root: ObjectNode | undefined): 'fdl' | 'fdl-legacy' {
  return root && looksLegacy(root) ? 'fdl-legacy' : 'fdl';
}

function dialectByContent(root: ObjectNode): Dialect | null {
  const type = scalarOf(root, 'Type');
  if (type === 'StateMachine' && (has(root, 'SpecVersion') || has(root, 'StartAt') || has(root, 'States'))) return 'fdl';
  if (looksLegacy(root)) return 'fdl-legacy';
  if (has(root, 'screens') && has(root, 'version')) return 'whatsapp-flow';
  return null;
}

function looksLegacy(root: ObjectNode): boolean {
  if (scalarOf(root, 'Type') === 'StateMachine') return false;
  return scalarOf(root, 'type') === 'flow' && (has(root, 'version') || has(root, 'steps'));
}

function has(obj: ObjectNode, key: string): boolean {
  return lastProperty(obj, key) !== undefined;
}

/** A repeated key reads as its last value, as the schema step sees the document. */
function scalarOf(obj: ObjectNode, key: string): unknown {
  const v = propertyValue(obj, key);
  return v?.kind === 'scalar' ? v.value : undefined;
}
