// One Flow JSON analysis per document version: the version, the model of screens, components and
// actions, and every problem. Kept on the version's record so validation and editor features share it.
import { DiagnosticCodes as C } from '../diagnostics/codes';
import type { ParsedText } from '../parse/tree';
import { derivedKey } from '../service/derived';
import type { AnalysedDocument } from '../service/types';
import { checkExpressions } from './check/expressions';
import type { FlowModel } from './check/model';
import { Problems, type Problem } from './check/problems';
import { checkDataModels, checkReferences } from './check/references';
import { checkRouting } from './check/routing';
import { checkRules } from './check/rules';
import { checkScreens } from './check/screens';
import { StructureWalker } from './check/structure';
import { FLOW_JSON_VERSIONS, LATEST_DOCUMENTED_VERSION, isKnownVersion, versionState } from './spec/versions';
import { asObject, asScalar } from './tree';
import { lastProperty } from '../parse/properties';

export interface FlowAnalysis {
  readonly model: FlowModel;
  /** What the Flow JSON checks found; the text's syntax problems are not repeated here. */
  readonly problems: readonly Problem[];
}

const ANALYSIS = derivedKey<FlowAnalysis>('Flow JSON analysis');

/** The analysis of one document version, computed once for all its features. */
export function flowAnalysis(doc: AnalysedDocument): FlowAnalysis {
  return doc.derived.get(ANALYSIS, () => analyseFlowJson(doc.parsed));
}

export function analyseFlowJson(parsed: ParsedText): FlowAnalysis {
  const problems = new Problems();
  const version = checkVersion(parsed, problems);
  problems.lenient = versionState(version) === 'frozen';
  const model = new StructureWalker(version, problems).walk(parsed.root);
  checkScreens(model, problems);
  checkRouting(model, problems);
  checkDataModels(model, problems);
  checkReferences(model, problems);
  checkExpressions(model, problems);
  checkRules(model, problems);
  return { model, problems: problems.list };
}

/** The version the checks use: the declared one when Flowdeck knows it, else the latest documented. */
function checkVersion(parsed: ParsedText, problems: Problems): string {
  const root = asObject(parsed.root);
  const prop = lastProperty(root, 'version');
  if (!root) return LATEST_DOCUMENTED_VERSION;
  if (!prop) {
    problems.error({ start: root.range.start, end: root.range.start + 1 }, C.missingProperty, `Flow JSON version is not specified: add "version": "${LATEST_DOCUMENTED_VERSION}".`);
    return LATEST_DOCUMENTED_VERSION;
  }
  const s = asScalar(prop.value);
  const known = FLOW_JSON_VERSIONS.map((v) => v.version).join(', ');
  if (!s || typeof s.value !== 'string') {
    problems.error(prop.value?.range ?? prop.keyRange, C.waUnsupportedVersion, `"version" must be a string such as "${LATEST_DOCUMENTED_VERSION}" (quoted). Known versions: ${known}.`);
    return LATEST_DOCUMENTED_VERSION;
  }
  if (!isKnownVersion(s.value)) {
    problems.error(s.range, C.waUnsupportedVersion, `Flow JSON version "${s.value}" is not supported. Use one of: ${known} (recommended: ${LATEST_DOCUMENTED_VERSION}).`);
    return LATEST_DOCUMENTED_VERSION;
  }
  const state = versionState(s.value);
  if (state === 'frozen') {
    problems.info(s.range, C.waFrozenVersion, `Flow JSON ${s.value} is frozen: existing flows still work, but new flows on it cannot be published. Move to ${LATEST_DOCUMENTED_VERSION} to publish.`);
  } else if (state === 'undocumented') {
    problems.warning(s.range, C.waFrozenVersion, `Flow JSON ${s.value} is not in Meta's public documentation yet; ${LATEST_DOCUMENTED_VERSION} is the latest documented version.`);
  }
  return s.value;
}
