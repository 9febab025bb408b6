// flowdeck preview FILE --out DIR [--screen ID]: renders a WhatsApp Flow JSON file's screens as
// standalone HTML pages (the phone preview the editor shows, with the screens' example data and
// the language service's errors and warnings outlined on their components), plus index.html
// listing them in routing order. Nothing in the pages loads from the network.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, DiagnosticCodes, fileDocument } from '../../../server/src';
import { positionIndex, toJsonValue } from '../../../server/src/parse';
import { issuesBySpan, readFlowText } from '../../../webview/preview/flowText';
import { flowScreens } from '../../../webview/preview/render';
import { toTextLines } from '../lint/report';
import { defineCommand } from '../command/define';
import type { CliIo } from '../command/io';
import { indexPage, screenFileName, screenPage } from '../../../webview/preview/render';
import { screenRouting } from '../../../webview/preview/render';

export default defineCommand({
  summary: 'WhatsApp Flow screens as standalone HTML pages',
  operands: ['FILE'],
  description: [
    'Writes one standalone HTML page per screen of a WhatsApp Flow JSON file, named <SCREEN_ID>.html,',
    'showing the screen as the phone does with its example data filled in and the problems `flowdeck lint`',
    'reports outlined on their components, and index.html linking the pages in routing order.',
  ].join('\n'),
  options: {
    out: { type: 'string', short: 'o', value: 'DIR', required: true, help: 'folder to write the pages to (created when missing)' },
    screen: { type: 'string', value: 'ID', help: "write only this screen's page" },
  },
  notes: 'Exit status: 0 when the pages are written, 1 if FILE cannot be read or is not a WhatsApp Flow JSON file, 2 on a usage error.',
  run: ({ options, operands: [file = ''] }, io) => preview({ file, out: options.out ?? '', screen: options.screen }, io),
});

interface PreviewArgs {
  readonly file: string;
  readonly out: string;
  readonly screen: string | undefined;
}

async function preview(parsed: PreviewArgs, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, parsed.file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    io.stderr(`flowdeck preview: cannot read ${parsed.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  // One analysis, as the editor makes it, gives the format, the problems the pages outline, the
  // screens' routing and the flow's value.
  const service = createLanguageService({ logger: (level, message) => { if (level === 'error') io.stderr(`flowdeck: ${message}\n`); } });
  const doc = fileDocument(path, text);
  const analysed = service.analyse(doc);
  if (analysed.dialect === 'fdl' || analysed.dialect === 'fdl-legacy') {
    io.stderr(`flowdeck preview: ${parsed.file} is a CloudFlow flow; preview shows the screens of a WhatsApp Flow JSON file. For a picture of the flow: flowdeck graph ${parsed.file} --format svg\n`);
    return 1;
  }
  if (analysed.dialect !== 'whatsapp-flow') {
    io.stderr(`flowdeck preview: ${parsed.file} is not a WhatsApp Flow JSON file (one with "version" and "screens"; named *.wa-flow.json)\n`);
    return 1;
  }
  const diagnostics = service.validate(doc); // in position order, as validate gives them
  const unreadable = diagnostics.filter((d) => d.code === DiagnosticCodes.syntaxError || d.code === DiagnosticCodes.nestingTooDeep);
  if (unreadable.length > 0) {
    for (const line of toTextLines([{ file: parsed.file, format: analysed.dialect, diagnostics: unreadable }])) io.stderr(`${line}\n`);
    io.stderr(`flowdeck preview: ${parsed.file} is not valid JSON; fix the error(s) above first\n`);
    return 1;
  }
  const flow: unknown = toJsonValue(analysed.parsed.root);
  const screens = flowScreens(flow);
  if (screens.length === 0) {
    io.stderr(`flowdeck preview: ${parsed.file} has no screens yet: add one to "screens"\n`);
    return 1;
  }
  if (parsed.screen !== undefined && !screens.some((s) => s.id === parsed.screen)) {
    io.stderr(`flowdeck preview: ${parsed.file} has no screen '${parsed.screen}'; its screens: ${screens.map((s) => s.id).join(', ')}\n`);
    return 1;
  }
  const issues = problemsByComponent(text, diagnostics);
  const routing = screenRouting(service.graph(doc));
  const outDir = resolve(io.cwd, parsed.out);
  mkdirSync(outDir, { recursive: true });
  const name = basename(path).replace(/(\.wa-flow)?\.json$/i, '');
  const chosen = parsed.screen === undefined ? screens : screens.filter((s) => s.id === parsed.screen);
  for (const s of chosen) {
    writeFileSync(join(outDir, screenFileName(s.id)), screenPage(flow, name, s.id, routing, { issues }));
    io.stdout(`${join(parsed.out, screenFileName(s.id))}\n`);
  }
  if (parsed.screen === undefined) {
    writeFileSync(join(outDir, 'index.html'), indexPage(flow, name, routing));
    io.stdout(`${join(parsed.out, 'index.html')}\n`);
  }
  const outlined = Object.values(issues).reduce((n, list) => n + list.length, 0);
  if (outlined > 0) io.stdout(`${outlined} problem(s) outlined on the pages: run \`flowdeck lint ${parsed.file}\` for the list\n`);
  return 0;
}

/** The editor's errors and warnings for the file, by the component (or screen) they fall in. */
function problemsByComponent(text: string, diagnostics: readonly Diagnostic[]): Record<string, string[]> {
  const positions = positionIndex(text);
  const found = diagnostics
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .map((d) => ({ offset: positions.offsetAt(d.range.start), message: d.message }));
  return issuesBySpan(readFlowText(text).spans, found);
}
