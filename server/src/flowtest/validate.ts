// Diagnostics of a flow test file: its shape against the schema, then what a schema cannot say
// (two cases with one name would be indistinguishable in reports and the Testing view).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticCodes } from '../diagnostics/codes';
import { lastProperty } from '../parse/properties';
import { validatorFor } from '../schema/compile';
import { schemaDiagnostics } from '../schema/diagnostics';
import { flowtestSchema } from '../schema/flowtest';
import type { AnalysedDocument } from '../service/types';
import { rangeOf } from '../parse/positions';

export function validateFlowtest(doc: AnalysedDocument): Diagnostic[] {
  const root = doc.parsed.root;
  if (!root) return [];
  const out = schemaDiagnostics(root, validatorFor(flowtestSchema), doc.document);
  const cases = root.kind === 'object' ? lastProperty(root, 'cases')?.value : undefined;
  if (cases?.kind !== 'array') return out;
  const seen = new Set<string>();
  for (const item of cases.items) {
    const name = item.kind === 'object' ? lastProperty(item, 'name')?.value : undefined;
    if (name?.kind !== 'scalar' || typeof name.value !== 'string') continue;
    if (seen.has(name.value)) {
      out.push({
        range: rangeOf(doc.document, name.range),
        severity: DiagnosticSeverity.Error,
        code: DiagnosticCodes.duplicateCaseName,
        source: 'flowdeck',
        message: `Another case is already named "${name.value}"; give each case its own name so reports can tell them apart.`,
      });
    }
    seen.add(name.value);
  }
  return out;
}
