// A file on disk as the document the language service reads: its file URL, and the language its
// name implies (JSON for *.json, YAML otherwise), so every command that reads a flow from disk
// sees it as the editor does.
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatForFile } from './detect';

export function fileDocument(path: string, text: string): TextDocument {
  return TextDocument.create(pathToFileURL(path).href, formatForFile(path) === 'json' ? 'json' : 'yaml', 1, text);
}
