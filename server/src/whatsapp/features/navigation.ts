// Go to the screen a navigate target, routing_model entry or `${screen.ID...}` names; find every
// use of a screen id; rename a screen id everywhere.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { FlowModel } from '../check/model';
import { SCREEN_ID_PATTERN_FROM_7 } from '../spec/document';
import { refAt, screenRefs } from './screenRefs';
import { RequestRefused } from '../../service/refusal';
import { rangeOf } from '../../parse/positions';


export function screenDefinition(model: FlowModel, document: TextDocument, offset: number): Location | null {
  const refs = screenRefs(model);
  const ref = refAt(refs, offset);
  if (!ref) return null;
  const decl = refs.find((r) => r.declaration && r.id === ref.id);
  return decl ? { uri: document.uri, range: rangeOf(document, decl.range) } : null;
}

export function screenReferences(model: FlowModel, document: TextDocument, offset: number, includeDeclaration: boolean): Location[] {
  const refs = screenRefs(model);
  const ref = refAt(refs, offset);
  if (!ref) return [];
  return refs
    .filter((r) => r.id === ref.id && (includeDeclaration || !r.declaration))
    .map((r) => ({ uri: document.uri, range: rangeOf(document, r.range) }));
}

export function prepareScreenRename(model: FlowModel, document: TextDocument, offset: number): { range: Range; placeholder: string } | null {
  const refs = screenRefs(model);
  const ref = refAt(refs, offset);
  if (!ref || !refs.some((r) => r.declaration && r.id === ref.id)) return null;
  return { range: rangeOf(document, ref.range), placeholder: ref.id };
}

export function renameScreen(model: FlowModel, document: TextDocument, offset: number, newName: string): WorkspaceEdit | null {
  const refs = screenRefs(model);
  const ref = refAt(refs, offset);
  if (!ref || !refs.some((r) => r.declaration && r.id === ref.id)) return null;
  if (!SCREEN_ID_PATTERN_FROM_7.test(newName)) {
    throw new RequestRefused(`'${newName}' is not a valid screen id: use letters and underscores only.`);
  }
  if (newName !== ref.id && refs.some((r) => r.declaration && r.id === newName)) {
    throw new RequestRefused(`A screen named '${newName}' already exists: pick another name.`);
  }
  const edits = refs.filter((r) => r.id === ref.id).map((r) => ({ range: rangeOf(document, r.range), newText: newName }));
  return { changes: { [document.uri]: edits } };
}
