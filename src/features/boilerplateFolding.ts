/**
 * Web boilerplate folded away: a folding range per boilerplate block (beside the language's own ranges), the
 * blocks folded when a file opens, the lines dimmed while unfolded, a status bar hint that unfolds on click,
 * and Fold/Unfold Boilerplate, Extract Main Text and Remove Boilerplate.
 */
import * as vscode from 'vscode';
import { analyzeBoilerplate, boilerplateFoldingRanges, mainText, removeBoilerplateEdits, type BoilerplateAnalysis, type BoilerplateSensitivity } from '../core/boilerplate';
import { applyDocumentEdits, commandEditor, displayName, ensureWritable, reportUnapplied } from '../vscode/editing';
import { zhdocSettings } from '../vscode/settings';

export const BOILERPLATE_SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }];
/** Above this size (about 60 MB of Chinese UTF-8) detection is skipped: VS Code itself turns features off there. */
const MAX_CHARS = 20_000_000;

export interface BoilerplateSupport extends vscode.Disposable {
  /** The boilerplate analysis of a plain-text or markdown document (cached per version), for other features. */
  analysis(document: vscode.TextDocument): BoilerplateAnalysis | undefined;
  /** The boilerplate blocks found in a document (0-based inclusive lines), for tests. */
  blocks(document: vscode.TextDocument): ReadonlyArray<{ start: number; end: number; reason: string }>;
  /** What the status bar hint shows now, or undefined when hidden (for tests). */
  statusText(): string | undefined;
}

interface Cached {
  readonly version: number;
  readonly settingsKey: string;
  readonly analysis: BoilerplateAnalysis;
}

export function registerBoilerplateSupport(): BoilerplateSupport {
  const cache = new Map<string, Cached>();
  /** Documents whose blocks zhdoc folded and the user has not unfolded since. */
  const folded = new Set<string>();
  /** Documents already auto-folded once since they were opened. */
  const autoFolded = new Set<string>();
  const providerCalled = new vscode.EventEmitter<vscode.TextDocument>();
  const repaintTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const dim = vscode.window.createTextEditorDecorationType({ opacity: '0.55', isWholeLine: true });
  const status = vscode.window.createStatusBarItem('zhdoc.boilerplate', vscode.StatusBarAlignment.Right, 98);
  status.name = vscode.l10n.t('zhdoc: Boilerplate');
  let statusShown = false;
  /** The invalid user cues last reported, so the warning comes once per change of the setting. */
  let reportedCues = '';

  const analysisOf = (document: vscode.TextDocument): BoilerplateAnalysis | undefined => {
    if (!vscode.languages.match(BOILERPLATE_SELECTOR, document)) return undefined;
    const settings = zhdocSettings(document);
    const sensitivity = settings.get<BoilerplateSensitivity>('boilerplate.sensitivity', 'conservative');
    const extraCues = settings.get<string[]>('boilerplate.extraCues', []);
    const settingsKey = JSON.stringify([sensitivity, extraCues]);
    const key = document.uri.toString();
    const hit = cache.get(key);
    if (hit && hit.version === document.version && hit.settingsKey === settingsKey) return hit.analysis;
    const text = document.getText();
    if (text.length > MAX_CHARS) return undefined;
    const analysis = analyzeBoilerplate(text, { sensitivity, extraCues });
    cache.set(key, { version: document.version, settingsKey, analysis });
    const ignored = analysis.ignoredCues.join('\n');
    if (ignored && ignored !== reportedCues) {
      reportedCues = ignored;
      void vscode.window.showWarningMessage(vscode.l10n.t('zhdoc: these boilerplate cues were ignored (empty, invalid or matching everything): {0}', analysis.ignoredCues.join(', ')));
    }
    return analysis;
  };
  const hiddenLineCount = (analysis: BoilerplateAnalysis): number => boilerplateFoldingRanges(analysis).reduce((n, r) => n + r.end - r.start, 0);

  const paint = (editor: vscode.TextEditor): void => {
    const analysis = analysisOf(editor.document);
    const on = zhdocSettings(editor.document).get<boolean>('boilerplate.dim', true);
    const ranges = on && analysis ? analysis.blocks.map((b) => new vscode.Range(b.start, 0, b.end, 0)) : [];
    editor.setDecorations(dim, ranges);
  };
  const updateStatus = (): void => {
    const editor = vscode.window.activeTextEditor;
    const analysis = editor && analysisOf(editor.document);
    const lines = analysis ? analysis.blocks.reduce((n, b) => n + b.end - b.start + 1, 0) : 0;
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
    const analysis = analysisOf(editor.document);
    const ranges = analysis ? boilerplateFoldingRanges(analysis) : [];
    if (ranges.length === 0) return 0;
    await vscode.commands.executeCommand(fold ? 'editor.fold' : 'editor.unfold', { levels: 1, direction: 'down', selectionLines: ranges.map((r) => r.start) });
    const key = editor.document.uri.toString();
    if (fold) folded.add(key);
    else folded.delete(key);
    updateStatus();
    return hiddenLineCount(analysis!);
  };

  const autoFold = async (editor: vscode.TextEditor): Promise<void> => {
    const key = editor.document.uri.toString();
    if (autoFolded.has(key) || !zhdocSettings(editor.document).get<boolean>('boilerplate.autoFold', true)) return;
    const analysis = analysisOf(editor.document);
    if (!analysis || analysis.blocks.length === 0) return;
    autoFolded.add(key);
    await rangesReady(editor.document);
    if (vscode.window.activeTextEditor === editor) await foldBlocks(editor, true);
  };

  const onEditorsChanged = (): void => {
    for (const editor of vscode.window.visibleTextEditors) paint(editor);
    updateStatus();
    const active = vscode.window.activeTextEditor;
    if (active) void autoFold(active);
  };

  const disposables: vscode.Disposable[] = [
    dim,
    status,
    providerCalled,
    vscode.languages.registerFoldingRangeProvider(BOILERPLATE_SELECTOR, {
      provideFoldingRanges(document) {
        const analysis = analysisOf(document);
        const ranges = analysis ? boilerplateFoldingRanges(analysis).map((r) => new vscode.FoldingRange(r.start, r.end, vscode.FoldingRangeKind.Region)) : [];
        providerCalled.fire(document);
        // No ranges: undefined lets VS Code fall back to indentation folding for plain text.
        return ranges.length ? ranges : undefined;
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(onEditorsChanged),
    vscode.window.onDidChangeVisibleTextEditors(onEditorsChanged),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !vscode.languages.match(BOILERPLATE_SELECTOR, e.document)) return;
      // Re-detect after typing pauses: detection reads the whole document (about 30 ms a megabyte).
      const key = e.document.uri.toString();
      clearTimeout(repaintTimers.get(key));
      repaintTimers.set(key, setTimeout(() => {
        repaintTimers.delete(key);
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) paint(editor);
        if (e.document === vscode.window.activeTextEditor?.document) updateStatus();
      }, documentLength(e.document) > 1_000_000 ? 1500 : 300));
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      cache.delete(key);
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
      const analysis = analysisOf(editor.document);
      const text = editor.document.getText();
      const content = analysis ? mainText(text, analysis) : text;
      const document = await vscode.workspace.openTextDocument({ language: editor.document.languageId, content });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
      return document;
    }),
    vscode.commands.registerCommand('zhdoc.removeBoilerplate', async (options?: { confirmed?: boolean }) => {
      const editor = commandEditor();
      if (!editor) return false;
      const document = editor.document;
      const analysis = analysisOf(document);
      if (!analysis || analysis.blocks.length === 0) {
        vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: no web boilerplate found in {0}.', displayName(document)), 4000);
        return false;
      }
      if (!(await ensureWritable(document))) return false;
      // The blocks of the text the edits apply to: read after the await above, with the version they belong to
      // (an edit made meanwhile would otherwise get the old blocks applied to the new text).
      const version = document.version;
      const current = analysisOf(document);
      if (!current || current.blocks.length === 0) return false;
      const edits = removeBoilerplateEdits(document.getText(), current);
      const lines = current.blocks.reduce((n, b) => n + b.end - b.start + 1, 0);
      if (!options?.confirmed) {
        const remove = vscode.l10n.t('Remove');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove {0} boilerplate lines from {1}? Undo brings them back.', lines, displayName(document)),
          { modal: true },
          remove,
        );
        if (answer !== remove) return false;
      }
      const result = await applyDocumentEdits(editor, version, edits);
      if (result === 'stale' || result === 'failed') return reportUnapplied(document, result);
      return result === 'applied';
    }),
  ];
  onEditorsChanged();

  return {
    analysis: analysisOf,
    blocks: (document) => analysisOf(document)?.blocks ?? [],
    statusText: () => (statusShown ? status.text : undefined),
    dispose: () => {
      repaintTimers.forEach((t) => clearTimeout(t));
      disposables.forEach((d) => d.dispose());
    },
  };
}

/** Length in UTF-16 code units without joining the lines into one string. */
function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
