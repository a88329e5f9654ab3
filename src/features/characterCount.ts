/**
 * 字数 in the status bar: the document's Han characters (the selection's too when there is one), the figure
 * Chinese writers count by. Click for the full statistics. Hidden for documents without Chinese.
 */
import * as vscode from 'vscode';
import type { DocumentAnalysisService } from '../analysis/service';
import { countHan } from '../core/text';
import { commandEditor } from '../vscode/editing';

export interface CharacterCountSupport extends vscode.Disposable {
  /** What the status bar shows now, or undefined when hidden (exposed for tests). */
  statusText(): string | undefined;
}

/** Selection changes come in bursts while the mouse drags: count the selection once it rests. */
const SELECTION_DEBOUNCE_MS = 100;

/** The document's count comes from the analysis service (worker); only the selection is counted here. */
export function registerCharacterCount(analysis: DocumentAnalysisService): CharacterCountSupport {
  const item = vscode.window.createStatusBarItem('zhdoc.characterCount', vscode.StatusBarAlignment.Right, 99);
  item.name = vscode.l10n.t('zhdoc: Character Count');
  item.command = 'zhdoc.showDocumentStatistics';
  let shown = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const format = (n: number): string => n.toLocaleString(vscode.env.language);
  /** The last count known per document: kept while a newer version is analysed, so the item does not flicker. */
  const counts = new Map<string, number>();

  const render = (editor: vscode.TextEditor | undefined): void => {
    if (!editor) {
      shown = false;
      item.hide();
      return;
    }
    const key = editor.document.uri.toString();
    const fresh = analysis.current(editor.document, 'han');
    if (fresh !== undefined) counts.set(key, fresh);
    const documentCount = counts.get(key);
    // Undefined: a document not analysed yet (its count is on its way); hide rather than show another's.
    shown = documentCount !== undefined && documentCount > 0;
    if (!shown || documentCount === undefined) {
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
  const scheduleSelection = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => render(vscode.window.activeTextEditor), SELECTION_DEBOUNCE_MS);
  };
  const isActive = (document: vscode.TextDocument): boolean => document === vscode.window.activeTextEditor?.document;

  const disposables: vscode.Disposable[] = [
    item,
    analysis.subscribe('han', isActive),
    analysis.onDidUpdate(({ document, facet }) => {
      if (facet === 'han' && isActive(document)) render(vscode.window.activeTextEditor);
    }),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      render(e);
      if (e) void analysis.request(e.document, 'han');
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) scheduleSelection();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => counts.delete(d.uri.toString())),
    vscode.commands.registerCommand('zhdoc.showDocumentStatistics', async () => {
      const editor = commandEditor();
      if (!editor) return undefined;
      const stats = await analysis.request(editor.document, 'statistics', { now: true });
      if (!stats) return undefined;
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
  render(vscode.window.activeTextEditor);

  return {
    statusText: () => (shown ? item.text : undefined),
    dispose: () => {
      if (timer) clearTimeout(timer);
      disposables.forEach((d) => d.dispose());
    },
  };
}
