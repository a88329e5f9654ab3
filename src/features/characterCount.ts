/**
 * 字数 in the status bar: the document's Han characters (the selection's too when there is one), the figure
 * Chinese writers count by. Click for the full statistics. Hidden for documents without Chinese.
 */
import * as vscode from 'vscode';
import { commandEditor } from '../vscode/editing';
import { documentStatistics } from '../core/statistics';
import { countHan } from '../core/text';

export interface CharacterCountSupport extends vscode.Disposable {
  /** What the status bar shows now, or undefined when hidden (exposed for tests). */
  statusText(): string | undefined;
}

const DEBOUNCE_MS = 250;

export function registerCharacterCount(): CharacterCountSupport {
  const item = vscode.window.createStatusBarItem('zhdoc.characterCount', vscode.StatusBarAlignment.Right, 99);
  item.name = vscode.l10n.t('zhdoc: Character Count');
  item.command = 'zhdoc.showDocumentStatistics';
  let shown = false;
  let documentCount = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const format = (n: number): string => n.toLocaleString(vscode.env.language);

  const render = (editor: vscode.TextEditor | undefined, recount: boolean): void => {
    if (!editor) {
      shown = false;
      item.hide();
      return;
    }
    if (recount) documentCount = countHan(editor.document.getText());
    shown = documentCount > 0;
    if (!shown) {
      item.hide();
      return;
    }
    const selected = editor.selections.reduce((n, s) => n + (s.isEmpty ? 0 : countHan(editor.document.getText(s))), 0);
    item.text = selected > 0 ? `字数 ${format(selected)}/${format(documentCount)}` : `字数 ${format(documentCount)}`;
    item.tooltip = selected > 0
      ? vscode.l10n.t('{0} Han characters selected, {1} in the document. Click for document statistics.', format(selected), format(documentCount))
      : vscode.l10n.t('{0} Han characters (字数) in the document. Click for document statistics.', format(documentCount));
    item.show();
  };
  let recountPending = false;
  const schedule = (recount: boolean): void => {
    // A selection change right after an edit must not cancel the recount the edit asked for.
    recountPending ||= recount;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const recountNow = recountPending;
      recountPending = false;
      render(vscode.window.activeTextEditor, recountNow);
    }, DEBOUNCE_MS);
  };

  const disposables: vscode.Disposable[] = [
    item,
    vscode.window.onDidChangeActiveTextEditor((e) => render(e, true)),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) schedule(false);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && e.document === vscode.window.activeTextEditor?.document) schedule(true);
    }),
    vscode.commands.registerCommand('zhdoc.showDocumentStatistics', () => {
      const editor = commandEditor();
      if (!editor) return undefined;
      const stats = documentStatistics(editor.document.getText());
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0}: {1} Han characters (字数), {2} distinct; {3} punctuation marks; {4} Latin words; {5} lines, {6} non-blank.',
          vscode.workspace.asRelativePath(editor.document.uri, false),
          format(stats.han), format(stats.distinctHan), format(stats.punctuation), format(stats.latinWords), format(stats.lines), format(stats.paragraphs),
        ),
      );
      return stats;
    }),
  ];
  render(vscode.window.activeTextEditor, true);

  return {
    statusText: () => (shown ? item.text : undefined),
    dispose: () => {
      if (timer) clearTimeout(timer);
      disposables.forEach((d) => d.dispose());
    },
  };
}
