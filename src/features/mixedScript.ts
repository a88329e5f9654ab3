/**
 * The document's script mix in the status bar (繁 96% · 简 4%), the minority-script characters decorated on
 * request (号 in a Traditional text, with its counterpart in the hover), and Unify Script, which converts only
 * those characters.
 */
import * as vscode from 'vscode';
import type { MinorityFacetItem, ScriptFacet } from '../analysis/protocol';
import type { DocumentAnalysisService } from '../analysis/service';
import type { ScriptCounts } from '../core/script';
import { applyDocumentEdits, commandEditor, displayName, ensureWritable, reportUnapplied } from '../vscode/editing';
import { settingsFor } from '../vscode/settings';

export interface MixedScriptDecoration {
  readonly offset: number;
  readonly length: number;
  readonly char: string;
  readonly counterpart: string;
}

export interface MixedScriptSupport extends vscode.Disposable {
  /** What the status bar shows now, or undefined when it is hidden (exposed for tests). */
  statusText(): string | undefined;
  /** The minority characters decorated in a document (exposed for tests: VS Code has no API to read decorations). */
  decorations(uri: vscode.Uri): readonly MixedScriptDecoration[];
}

export function registerMixedScriptSupport(analysis: DocumentAnalysisService): MixedScriptSupport {
  const disposables: vscode.Disposable[] = [];
  const status = vscode.window.createStatusBarItem('zhdoc.scriptMix', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('zhdoc: Script Mix');
  status.command = 'zhdoc.showMixedScript';
  disposables.push(status);

  const decorationType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('zhdoc.mixedScript.background'),
    border: '1px dotted',
    borderColor: new vscode.ThemeColor('zhdoc.mixedScript.border'),
    overviewRulerColor: new vscode.ThemeColor('zhdoc.mixedScript.border'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  disposables.push(decorationType);

  /** Documents whose minority characters the user asked to see, with what is decorated now. */
  const shown = new Map<string, MixedScriptDecoration[]>();

  let statusShown = false;
  const statusWanted = (document: vscode.TextDocument): boolean => document === vscode.window.activeTextEditor?.document && settingsFor(document)['script.statusBar'];
  /** The last mix known per document: kept while a newer version is analysed, so the item does not flicker. */
  const mixes = new Map<string, ScriptFacet>();
  const updateStatus = (): void => {
    const editor = vscode.window.activeTextEditor;
    const document = editor && statusWanted(editor.document) ? editor.document : undefined;
    const fresh = document && analysis.current(document, 'scripts');
    if (document && fresh) mixes.set(document.uri.toString(), fresh);
    const mix = document && mixes.get(document.uri.toString());
    statusShown = !!mix && (mix.counts.traditional + mix.counts.simplified > 0 || mix.hasHan);
    if (!statusShown || !mix) {
      status.hide();
      return;
    }
    status.text = statusLabel(mix.counts);
    status.tooltip = statusTooltip(mix.counts);
    status.show();
  };

  /** Decorates the minority characters of a shown document, as the analysis found them for this version. */
  const paint = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    if (!shown.has(key)) return;
    const found = analysis.current(document, 'minority');
    if (!found) return;
    const list = found.characters.map((m) => ({ offset: m.offset, length: m.char.length, char: m.char, counterpart: m.counterpart }));
    shown.set(key, list);
    const options = found.characters.map((m) => decorationFor(document, m));
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) editor.setDecorations(decorationType, options);
    }
  };
  const clearPaint = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    if (!shown.has(key)) return;
    // Until the new analysis is in, decorations would sit on shifted text: clear them at once.
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) editor.setDecorations(decorationType, []);
    shown.set(key, []);
  };

  disposables.push(
    analysis.subscribe('scripts', statusWanted),
    analysis.subscribe('minority', (document) => shown.has(document.uri.toString())),
    analysis.onDidUpdate(({ document, facet }) => {
      if (facet === 'scripts' && document === vscode.window.activeTextEditor?.document) updateStatus();
      if (facet === 'minority') paint(document);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      updateStatus();
      if (editor && statusWanted(editor.document)) void analysis.request(editor.document, 'scripts');
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) clearPaint(e.document);
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => {
      for (const editor of vscode.window.visibleTextEditors) if (shown.has(editor.document.uri.toString())) paint(editor.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      shown.delete(d.uri.toString());
      mixes.delete(d.uri.toString());
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('zhdoc.script')) return;
      updateStatus();
      const editor = vscode.window.activeTextEditor;
      if (editor && statusWanted(editor.document)) void analysis.request(editor.document, 'scripts');
    }),
    vscode.commands.registerCommand('zhdoc.showMixedScript', async () => {
      const editor = commandEditor();
      if (!editor) return 0;
      shown.set(editor.document.uri.toString(), []);
      const found = await analysis.request(editor.document, 'minority', { now: true });
      if (!found) return 0;
      paint(editor.document);
      const { dominant } = found.counts;
      const count = found.characters.length;
      if (dominant === 'neutral') {
        void vscode.window.showInformationMessage(vscode.l10n.t('zhdoc: {0} has no dominant script, so no character stands out.', displayName(editor.document)));
      } else if (count === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('zhdoc: every script-specific character in {0} is {1}.', displayName(editor.document), scriptName(dominant)));
      } else {
        const unify = vscode.l10n.t('Unify Script');
        void vscode.window
          .showInformationMessage(vscode.l10n.t('zhdoc: {0} {1} characters in this {2} document are highlighted.', count, scriptName(dominant === 'traditional' ? 'simplified' : 'traditional'), scriptName(dominant)), unify)
          .then((choice) => (choice === unify ? vscode.commands.executeCommand('zhdoc.unifyScript') : undefined));
      }
      return count;
    }),
    vscode.commands.registerCommand('zhdoc.hideMixedScript', () => {
      const editor = commandEditor();
      if (!editor) return;
      shown.delete(editor.document.uri.toString());
      editor.setDecorations(decorationType, []);
    }),
    vscode.commands.registerCommand('zhdoc.unifyScript', () => unifyScript(analysis)),
  );
  updateStatus();

  return {
    statusText: () => (statusShown ? status.text : undefined),
    decorations: (uri) => shown.get(uri.toString()) ?? [],
    dispose: () => {
      disposables.forEach((d) => d.dispose());
    },
  };
}

function statusLabel(counts: ScriptCounts): string {
  const total = counts.traditional + counts.simplified;
  if (total === 0) return vscode.l10n.t('繁简通用');
  const traditional = Math.round((100 * counts.traditional) / total);
  return `繁 ${traditional}% · 简 ${100 - traditional}%`;
}

function statusTooltip(counts: ScriptCounts): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(vscode.l10n.t('Script mix: {0} Traditional-only and {1} Simplified-only characters (characters written alike in both scripts are not counted).', counts.traditional, counts.simplified));
  md.appendMarkdown('\n\n');
  md.appendText(vscode.l10n.t('Click to highlight the characters of the minority script.'));
  return md;
}

function scriptName(script: 'traditional' | 'simplified'): string {
  return script === 'traditional' ? vscode.l10n.t('Traditional') : vscode.l10n.t('Simplified');
}

function decorationFor(document: vscode.TextDocument, m: MinorityFacetItem): vscode.DecorationOptions {
  const range = new vscode.Range(document.positionAt(m.offset), document.positionAt(m.offset + m.char.length));
  const hover = new vscode.MarkdownString(undefined, true);
  hover.isTrusted = { enabledCommands: ['zhdoc.unifyScript'] };
  const dominant = m.script === 'simplified' ? 'traditional' : 'simplified';
  hover.appendText(vscode.l10n.t('{0} form {1} in a {2} document; {3}: {4}', scriptName(m.script), m.char, scriptName(dominant), scriptName(dominant), m.counterpart));
  hover.appendMarkdown(`\n\n[${vscode.l10n.t('Unify Script')}](command:zhdoc.unifyScript)`);
  return { range, hoverMessage: hover };
}

async function unifyScript(analysis: DocumentAnalysisService): Promise<boolean> {
  const editor = commandEditor();
  if (!editor) return false;
  const document = editor.document;
  if (!(await ensureWritable(document))) return false;
  const version = document.version;
  const found = await analysis.request(document, 'minority', { now: true });
  if (!found || document.version !== version) {
    if (found) reportUnapplied(document, 'stale');
    return false;
  }
  let minority = found.characters;
  const selections = editor.selections.filter((s) => !s.isEmpty).map((s) => [document.offsetAt(s.start), document.offsetAt(s.end)] as const);
  if (selections.length > 0) minority = minority.filter((m) => selections.some(([a, b]) => m.offset >= a && m.offset < b));
  const edits = minority.map((m) => ({ offset: m.offset, length: m.char.length, text: m.counterpart }));
  const result = await applyDocumentEdits(editor, version, edits);
  if (result === 'unchanged') vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: nothing to unify; the script is consistent.'), 4000);
  else if (result === 'stale' || result === 'failed') reportUnapplied(document, result);
  else vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: {0} characters unified.', edits.length), 4000);
  return result === 'applied';
}
