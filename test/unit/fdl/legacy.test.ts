import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticCodes as C } from '../../../server/src/diagnostics/codes';
import { at, docOf, rangeOf, service, summary, withCode, within } from './helpers';

const ls = service();
const OWN = new Set<string>([C.unknownState, C.duplicateState, C.catchAllNotLast, C.expressionSyntax, C.conditionSyntax,
  C.unknownVariable, C.expressionScope, C.invalidMappingSource]);
const own = (text: string) => ls.validate(docOf(text, 'legacy.flow.yaml')).filter((d) => OWN.has(String(d.code)));

describe('legacy semantic checks', () => {
  test('goto must name a sibling step of the choice; nested steps are their own scope', () => {
    const text = `version: v1
type: flow
steps:
  - type: choice
    name: check
    choices:
      - condition: $.status == "ready"
        goto: finsh
      - condition: $.status == "busy"
        steps:
          - type: pass
            name: inner
    default:
      goto: inner
  - type: pass
    name: finish
`;
    const ds = own(text);
    assert.deepEqual(summary(ds), [
      at(C.unknownState, rangeOf(text, 'finsh')),
      at(C.unknownState, within(text, 'goto: inner', 'inner')),
    ]);
    assert.match(ds[0]!.message, /no step named `finsh` in the top-level `steps`; did you mean `finish`\?/);
  });

  test('catch goto, duplicate names and FnF.ALL order', () => {
    const text = `version: v1
type: flow
steps:
  - type: task
    name: call
    resourceArn: acs:fc:::services/s/functions/f
    catch:
      - errors:
          - FnF.ALL
        goto: cleanup
      - errors:
          - MyError
        goto: nowhere
  - type: pass
    name: cleanup
  - type: pass
    name: cleanup
`;
    assert.deepEqual(summary(own(text)), [
      at(C.catchAllNotLast, rangeOf(text, 'FnF.ALL')),
      at(C.unknownState, rangeOf(text, 'nowhere')),
      at(C.duplicateState, within(text, 'name: cleanup', 'cleanup', 1)),
    ]);
  });

  test('mapping sources, conditions and foreach collections are parsed with the legacy roots', () => {
    const text = `version: v1
type: flow
steps:
  - type: foreach
    name: each
    iterationMapping:
      collection: $Input.names
      item: name
    steps:
      - type: pass
        name: p
    inputMappings:
      - target: a
        source: $local[*].name
      - target: b
        source: $input.x[
      - target: c
        source: plain text
    outputMappings:
      - target: d
        source: $local
  - type: task
    name: t
    resourceArn: acs:fc:::services/s/functions/f
    errorMappings:
      - target: e
        source: $local.message
`;
    const ds = own(text);
    assert.deepEqual(summary(ds), [
      at(C.unknownVariable, rangeOf(text, '$Input')),
      at(C.expressionSyntax, within(text, '$input.x[', '[')),
      at(C.invalidMappingSource, rangeOf(text, '$local.message')),
    ]);
    assert.match(withCode(ds, C.unknownVariable)[0]!.message, /did you mean `\$input`\?/);
    assert.equal(withCode(ds, C.invalidMappingSource)[0]!.severity, DiagnosticSeverity.Warning);
  });

  test('legacy conditions reject current-spec variables', () => {
    const text = `version: v1
type: flow
steps:
  - type: choice
    name: c
    choices:
      - condition: $Input.a == 1
        goto: c
`;
    assert.deepEqual(summary(own(text)), [at(C.unknownVariable, rangeOf(text, '$Input'))]);
  });
});
