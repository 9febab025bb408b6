// Builds analysed Flow JSON documents for the language-service tests.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseText } from '../../../server/src/parse';
import { analysedDocument, type AnalysedDocument } from '../../../server/src/service/types';
import { whatsappService } from '../../../server/src/whatsapp/service';

export function flowDoc(text: string): AnalysedDocument {
  return analysedDocument(TextDocument.create('file:///flow.wa-flow.json', 'whatsapp-flow', 1, text), parseText(text, 'json'), 'whatsapp-flow');
}

export function errors(text: string): Diagnostic[] {
  return whatsappService.validate(flowDoc(text), {}).filter((d) => d.severity === 1);
}

export function diagnostics(text: string): Diagnostic[] {
  return whatsappService.validate(flowDoc(text), {});
}

/** A minimal valid flow of the given version whose single terminal screen holds `children`. */
export function oneScreen(version: string, children: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      version,
      screens: [
        {
          id: 'START',
          title: 'Start',
          terminal: true,
          ...extra,
          layout: {
            type: 'SingleColumnLayout',
            children: [...children, { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }],
          },
        },
      ],
    },
    null,
    2,
  );
}

/** The 0-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`'${needle}' not in text`);
  return text.slice(0, i).split('\n').length - 1;
}
