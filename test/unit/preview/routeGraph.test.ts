// The routing graph beside the phone, from the language service's own screen graph: which screen
// is the entry, which arrows are drawn, what each box says, and that the drawing holds them; and
// the routing the session and `flowdeck preview` read from the same graph.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FlowGraph } from '../../../server/src/graph/types';
import { screenRouting } from '../../../webview/preview/render/routing';
import { drawnEdges, entryScreen, routeGraph, routeView, terminalNodes } from '../../../webview/preview/routeGraph';
import { docOf, service } from '../fdl/helpers';

const ls = service();
const WORDS = { entry: 'entry', terminal: 'terminal', missing: 'missing' };
const graphOf = (flow: unknown): FlowGraph => ls.graph(docOf(JSON.stringify(flow, null, 2), 'x.json', 'whatsapp-flow'));

const footer = (label: string, next: string) => ({ type: 'Footer', label, 'on-click-action': { name: 'navigate', next: { type: 'screen', name: next }, payload: {} } });
const done = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
const screen = (id: string, child: object, terminal = false) => ({ id, title: id, ...(terminal ? { terminal } : {}), layout: { type: 'SingleColumnLayout', children: [child] } });

describe('routing graph of the preview', () => {
  test('book-a-table: both screens, one labelled arrow, entry and terminal marked', () => {
    const text = readFileSync('examples/whatsapp/book-a-table.wa-flow.json', 'utf8');
    const graph = ls.graph(docOf(text, 'book-a-table.wa-flow.json', 'whatsapp-flow'));
    assert.equal(entryScreen(graph), 'BOOKING');
    const view = routeView(graph, WORDS);
    assert.deepEqual(view.nodes.map((n) => [n.name, n.type]), [['BOOKING', 'entry'], ['CONFIRM', 'terminal']]);
    assert.deepEqual(view.edges.map((e) => [e.from, e.to, e.label]), [['BOOKING', 'CONFIRM', 'Continue']]);
    assert.deepEqual([...terminalNodes(graph)], ['CONFIRM']);
    const drawing = routeGraph(graph, WORDS);
    assert.deepEqual([...drawing.screens.values()], ['BOOKING', 'CONFIRM']);
    assert.match(drawing.svg, /<g class="node[^"]*" data-id="BOOKING"/);
    assert.match(drawing.svg, /<g class="node[^"]*" data-id="CONFIRM"/);
    assert.match(drawing.svg, /<g class="edge kind-navigate" data-from="BOOKING" data-to="CONFIRM"/);
    assert.match(drawing.svg, />Continue</);
  });

  test('a routing_model entry beside the same navigate is drawn once, with the label', () => {
    const graph = graphOf({
      version: '6.0',
      routing_model: { ONE: ['TWO', 'THREE'], TWO: [], THREE: [] },
      screens: [screen('ONE', footer('Go on', 'TWO')), screen('TWO', done, true), screen('THREE', done, true)],
    });
    assert.equal(graph.edges.length, 3, 'the model has the navigate and both routes');
    assert.deepEqual(drawnEdges(graph.edges).map((e) => [e.from, e.to, e.kind, e.label]), [
      ['ONE', 'TWO', 'navigate', 'Go on'],
      ['ONE', 'THREE', 'route', undefined],
    ]);
    assert.match(routeGraph(graph, WORDS).svg, /class="edge kind-route" data-from="ONE" data-to="THREE"/);
  });

  test('the entry is the first screen nothing leads to, even when it is not first in the file', () => {
    const graph = graphOf({ version: '7.3', screens: [screen('END', done, true), screen('START', footer('Next', 'END'))] });
    assert.equal(entryScreen(graph), 'START');
    assert.deepEqual(routeView(graph, WORDS).nodes.map((n) => n.type), ['terminal', 'entry']);
  });

  test('a screen that only loops back still gives an entry: the first screen', () => {
    const graph = graphOf({ version: '7.3', screens: [screen('A', footer('To B', 'B')), screen('B', footer('To A', 'A'))] });
    assert.equal(entryScreen(graph), 'A');
  });

  test('a navigate to a missing screen draws a ghost box that is no screen to show', () => {
    const graph = graphOf({ version: '7.3', screens: [screen('A', footer('Lost', 'NOWHERE'))] });
    const view = routeView(graph, WORDS);
    assert.deepEqual(view.nodes.map((n) => [n.name, n.missing, n.type]), [['A', false, 'entry'], ['NOWHERE', true, '']]);
    const drawing = routeGraph(graph, WORDS);
    assert.deepEqual([...drawing.screens.keys()], ['A'], 'only real screens are clickable');
    assert.match(drawing.svg, /class="node missing[^"]*" data-id="NOWHERE"/);
    assert.match(drawing.svg, />missing</);
  });

  test('no screens: nothing drawn, no entry', () => {
    const graph = graphOf({ version: '7.3', screens: [] });
    assert.equal(entryScreen(graph), undefined);
    assert.equal(routeGraph(graph, WORDS).screens.size, 0);
  });
});

describe('screen routing from the screen graph', () => {
  test('entry, breadth-first order, each move once, no move to a missing screen, terminal screens', () => {
    const graph = graphOf({
      version: '6.0',
      routing_model: { A: ['C', 'B'], B: ['C'], C: [], D: [] },
      screens: [screen('A', footer('To B', 'B')), screen('B', footer('Lost', 'GONE')), screen('C', done, true), screen('D', done, true)],
    });
    const routing = screenRouting(graph);
    assert.equal(routing.entry, 'A');
    assert.deepEqual(routing.edges, [{ from: 'A', to: 'B' }, { from: 'A', to: 'C' }, { from: 'B', to: 'C' }]);
    assert.deepEqual(routing.order, ['A', 'B', 'C', 'D']);
    assert.deepEqual([...routing.terminal], ['C', 'D']);
  });
});
