// The graph of a current-spec flow: one node per state (Parallel branches and Map processors as
// children), one edge per Next, Choice branch, Default and Catch rule.
import type { AnalysedDocument } from '../../service/types';
import type { FlowGraph } from '../../graph/types';
import { graphFromFlowModel, holderOf, labelText, type EdgeOf, type FlowGraphParts } from '../../graph/fromFlowModel';
import { flowModel } from '../model/build';
import { lastProperty } from '../../parse/properties';

const edgeOf: EdgeOf = (ref) => {
  switch (ref.field) {
    case 'Next':
      return { kind: 'next' };
    case 'Default':
      return { kind: 'default' };
    case 'Branches[].Next':
      return { kind: 'choice', label: labelText(lastProperty(holderOf(ref), 'Condition')?.value) };
    case 'Catch[].Next':
      return { kind: 'catch', label: labelText(lastProperty(holderOf(ref), 'Errors')?.value) };
    default:
      return undefined;
  }
};

export function fdlGraphParts(doc: AnalysedDocument): FlowGraphParts {
  return graphFromFlowModel(doc.document, flowModel(doc), edgeOf);
}

export function fdlGraph(doc: AnalysedDocument): FlowGraph {
  return fdlGraphParts(doc).graph;
}
