/**
 * Web boilerplate folded away: a folding range per boilerplate block (beside the language's own ranges), the
 * blocks folded when a file opens, the lines dimmed while unfolded, a status bar hint that unfolds on click,
 * and Fold/Unfold Boilerplate, Extract Main Text and Remove Boilerplate.
 */
import * as vscode from 'vscode';
import type { BoilerplateFacet } from '../analysis/protocol';
import { documentLength, MAX_ANALYSED_CHARS, type DocumentAnalysisService } from '../analysis/service';
import { analyzeBoilerplate, boilerplateFoldingRanges, mainText, removeBoilerplateEdits } from '../core/boilerplate';
import { toCoreOptions } from '../core/settings';
import { applyDocumentEdits, commandEditor, displayName, ensureWritable, reportUnapplied } from '../vscode/editing';
import type { Log } from '../vscode/log';
import { settingsFor } from '../vscode/settings';

export const BOILERPLATE_SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }];

export interface BoilerplateSupport extends vscode.Disposable {
  /**
   * The boilerplate blocks found in a document (0-based inclusive lines), for tests: the analysis service's
   * result when it is in, else computed here at once with the same settings (tests ask right after opening).
   */
  blocks(document: vscode.TextDocument): ReadonlyArray<{ start: number; end: number; reason: string }>;
  /** What the status bar hint shows now, or undefined when hidden (for tests). */
  statusText(): string | undefined;
}

export function registerBoilerplateSupport(analysis: DocumentAnalysisService, log: Log): BoilerplateSupport {
  /** Documents whose blocks zhdoc folded and the user has not unfolded since. */
  const folded = new Set<string>();
  /** Documents already auto-folded once since they were opened. */
  const autoFolded = new Set<string>();
  const providerCalled = new vscode.EventEmitter<vscode.TextDocument>();
  const dim = vscode.window.createTextEditorDecorationType({ opacity: '0.55', isWholeLine: true });
  const status = vscode.window.createStatusBarItem('zhdoc.boilerplate', vscode.StatusBarAlignment.Right, 98);
  status.name = vscode.l10n.t('zhdoc: Boilerplate');
  let statusShown = false;
  /** The invalid user cues last reported, so the warning comes once per change of the setting. */
  let reportedCues = '';

  const applies = (document: vscode.TextDocument): boolean => vscode.languages.match(BOILERPLATE_SELECTOR, document) > 0;
  const analysisOf = (document: vscode.TextDocument): BoilerplateFacet | undefined => (applies(document) ? analysis.current(document, 'boilerplate') : undefined);
  /** The analysis of the document's current version, waiting for it (commands: without waiting for a typing pause). */
  const analysisNow = async (document: vscode.TextDocument): Promise<BoilerplateFacet | undefined> =>
    applies(document) ? analysis.request(document, 'boilerplate', { now: true }) : undefined;
  const reportIgnoredCues = (result: BoilerplateFacet): void => {
    const ignored = result.ignoredCues.join('\n');
    if (ignored && ignored !== reportedCues) {
      reportedCues = ignored;
      void vscode.window.showWarningMessage(vscode.l10n.t('zhdoc: these boilerplate cues were ignored (empty, invalid or matching everything): {0}', result.ignoredCues.join(', ')));
    }
  };
  const hiddenLineCount = (result: BoilerplateFacet): number => boilerplateFoldingRanges(result).reduce((n, r) => n + r.end - r.start, 0);

  const paint = (editor: vscode.TextEditor): void => {
    const result = analysisOf(editor.document);
    const on = settingsFor(editor.document)['boilerplate.dim'];
    const ranges = on && result ? result.blocks.map((b) => new vscode.Range(b.start, 0, b.end, 0)) : [];
    editor.setDecorations(dim, ranges);
  };
  const updateStatus = (): void => {
    const editor = vscode.window.activeTextEditor;
    const result = editor && analysisOf(editor.document);
    const lines = result ? result.blocks.reduce((n, b) => n + b.end - b.start + 1, 0) : 0;
    statusShown = lines > 0;
    if (!statusShown || !editor) {
      status.hide();
      return;
    }
    const isFolded = folded.has(editor.document.uri.toString());
    status.text = isFolded ? `$(fold) ${vscode.l10n.t('{0} boilerplate lines folded', lines)}` : `$(unfold) ${vscode.l10n.t('{0} boilerplate lines', lines)}`;
    status.tooltip = isFolded ? vscode.l10n.t('zhdoc folded the web boilerplate of this page (headers, navigation, footers). Click to unfold.') : vscode.l10n.t('Web boilerplate found in this page. Click to fold it away.');
    status.command = isFolded ? 'zhdoc.unfoldBoilerplate' : 'zhdoc.foldBoilerplate';
    status.show();
  };

  /** Waits until VS Code has asked for this document's folding ranges, so fold commands find them. */
  const rangesReady = (document: vscode.TextDocument, timeoutMs = 3000): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => { listener.dispose(); resolve(); }, timeoutMs);
      const listener = providerCalled.event((d) => {
        if (d === document) {
          clearTimeout(timer);
          listener.dispose();
          setTimeout(resolve, 50);
        }
      });
    });

  const foldBlocks = async (editor: vscode.TextEditor, fold: boolean): Promise<number> => {
    const result = await analysisNow(editor.document);
    const ranges = result ? boilerplateFoldingRanges(result) : [];
    if (ranges.length === 0) return 0;
    await vscode.commands.executeCommand(fold ? 'editor.fold' : 'editor.unfold', { levels: 1, direction: 'down', selectionLines: ranges.map((r) => r.start) });
    const key = editor.document.uri.toString();
    if (fold) folded.add(key);
    else folded.delete(key);
    updateStatus();
    return hiddenLineCount(result!);
  };

  /** Folds a document's boilerplate the first time its analysis is in while it is the active editor. */
  const autoFold = async (editor: vscode.TextEditor): Promise<void> => {
    const key = editor.document.uri.toString();
    if (autoFolded.has(key) || !settingsFor(editor.document)['boilerplate.autoFold']) return;
    const result = analysisOf(editor.document);
    if (!result || result.blocks.length === 0) return;
    autoFolded.add(key);
    await rangesReady(editor.document);
    if (vscode.window.activeTextEditor === editor) await foldBlocks(editor, true);
  };

  const onEditorsChanged = (): void => {
    for (const editor of vscode.window.visibleTextEditors) paint(editor);
    updateStatus();
    const active = vscode.window.activeTextEditor;
    if (active) log.background('auto-folding boilerplate', autoFold(active));
  };

  const disposables: vscode.Disposable[] = [
    dim,
    status,
    providerCalled,
    analysis.subscribe('boilerplate', applies),
    analysis.onDidUpdate(({ document, facet }) => {
      if (facet !== 'boilerplate') return;
      const result = analysis.current(document, 'boilerplate');
      if (result) reportIgnoredCues(result);
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) paint(editor);
      if (document === vscode.window.activeTextEditor?.document) {
        updateStatus();
        log.background('auto-folding boilerplate', autoFold(vscode.window.activeTextEditor));
      }
    }),
    vscode.languages.registerFoldingRangeProvider(BOILERPLATE_SELECTOR, {
      async provideFoldingRanges(document) {
        // After an edit this waits for the analysis that the pause in typing starts: one debounce for all.
        const result = await analysis.request(document, 'boilerplate');
        const ranges = result ? boilerplateFoldingRanges(result).map((r) => new vscode.FoldingRange(r.start, r.end, vscode.FoldingRangeKind.Region)) : [];
        providerCalled.fire(document);
        // No ranges: undefined lets VS Code fall back to indentation folding for plain text.
        return ranges.length ? ranges : undefined;
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(onEditorsChanged),
    vscode.window.onDidChangeVisibleTextEditors(onEditorsChanged),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      folded.delete(key);
      autoFolded.delete(key);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('zhdoc.boilerplate')) onEditorsChanged();
    }),
    vscode.commands.registerCommand('zhdoc.foldBoilerplate', async () => {
      const editor = commandEditor();
      if (!editor) return 0;
      const hidden = await foldBlocks(editor, true);
      if (hidden === 0) vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: no web boilerplate found in {0}.', displayName(editor.document)), 4000);
      return hidden;
    }),
    vscode.commands.registerCommand('zhdoc.unfoldBoilerplate', async () => {
      const editor = commandEditor();
      return editor ? foldBlocks(editor, false) : 0;
    }),
    vscode.commands.registerCommand('zhdoc.extractMainText', async () => {
      const editor = commandEditor();
      if (!editor) return undefined;
      const result = await analysisNow(editor.document);
      const text = editor.document.getText();
      const content = result ? mainText(text, result) : text;
      const document = await vscode.workspace.openTextDocument({ language: editor.document.languageId, content });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
      return document;
    }),
    vscode.commands.registerCommand('zhdoc.removeBoilerplate', async (options?: { confirmed?: boolean }) => {
      const editor = commandEditor();
      if (!editor) return false;
      const document = editor.document;
      const version = document.version;
      const result = await analysisNow(document);
      if (!result || result.blocks.length === 0 || document.version !== version) {
        vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: no web boilerplate found in {0}.', displayName(document)), 4000);
        return false;
      }
      if (!(await ensureWritable(document))) return false;
      const edits = removeBoilerplateEdits(document.getText(), result);
      const lines = result.blocks.reduce((n, b) => n + b.end - b.start + 1, 0);
      if (!options?.confirmed) {
        const remove = vscode.l10n.t('Remove');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove {0} boilerplate lines from {1}? Undo brings them back.', lines, displayName(document)),
          { modal: true },
          remove,
        );
        if (answer !== remove) return false;
      }
      const applied = await applyDocumentEdits(editor, version, edits);
      if (applied === 'stale' || applied === 'failed') return reportUnapplied(document, applied);
      return applied === 'applied';
    }),
  ];
  onEditorsChanged();

  return {
    blocks: (document) => {
      if (!applies(document)) return [];
      const known = analysisOf(document);
      if (known) return known.blocks;
      if (documentLength(document) > MAX_ANALYSED_CHARS) return [];
      return analyzeBoilerplate(document.getText(), toCoreOptions(settingsFor(document)).boilerplate).blocks;
    },
    statusText: () => (statusShown ? status.text : undefined),
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}
