/**
 * Wrongly decoded documents: a GBK/GB18030 page opened as UTF-8 shows replacement characters (or, read as
 * Latin-1, letters like ÖÐÎÄ), and zhdoc would count, convert and read the garbage. One message per document
 * offers VS Code's Reopen with Encoding; zhdoc's edit commands refuse it meanwhile (see ensureWritable).
 */
import * as vscode from 'vscode';
import { misdecodingOf, offerReopenWithEncoding } from '../vscode/editing';

const LANGUAGES = new Set(['plaintext', 'markdown']);

export function registerEncodingCheck(): vscode.Disposable {
  const warned = new Set<string>();
  const check = (document: vscode.TextDocument): void => {
    if (!LANGUAGES.has(document.languageId) || document.uri.scheme === 'output') return;
    const key = document.uri.toString();
    if (!misdecodingOf(document)) {
      // Reopened in the right encoding: a later wrong decoding of the same file is worth saying again.
      warned.delete(key);
      return;
    }
    if (warned.has(key)) return;
    warned.add(key);
    offerReopenWithEncoding(document, false);
  };
  for (const editor of vscode.window.visibleTextEditors) check(editor.document);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.window.onDidChangeActiveTextEditor((editor) => editor && check(editor.document)),
    vscode.workspace.onDidCloseTextDocument((document) => warned.delete(document.uri.toString())),
  );
}
