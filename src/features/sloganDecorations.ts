/**
 * Slogans marked in the editor: known and discovered phrases in theme colours (zhdoc.slogan.*), marks in the
 * overview ruler, and the slogan count in the status bar. How often a phrase recurs is told by its hover, the
 * Slogans view and the report, never by text put into the line: VS Code wraps lines without counting `after`
 * decoration text, so a badge such as ×5 pushed characters out of view under word wrap.
 */
import * as vscode from 'vscode';
import type { Slogan } from '../core/slogans';
import type { SloganModel } from '../vscode/sloganModel';

export interface SloganDecorationSupport extends vscode.Disposable {
  /** The ranges decorated in a document, by kind (for tests: VS Code cannot read decorations back). */
  decorations(uri: vscode.Uri): { known: vscode.Range[]; discovered: vscode.Range[] };
  /** What the status bar item shows, or undefined when hidden (for tests). */
  statusText(): string | undefined;
}

export function registerSloganDecorations(model: SloganModel): SloganDecorationSupport {
  const known = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('zhdoc.slogan.knownBackground'),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('zhdoc.slogan.knownOverviewRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const discovered = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('zhdoc.slogan.discoveredBackground'),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('zhdoc.slogan.discoveredOverviewRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const status = vscode.window.createStatusBarItem('zhdoc.slogans', vscode.StatusBarAlignment.Right, 97);
  status.name = vscode.l10n.t('zhdoc: Slogans');
  status.command = 'zhdoc.slogans.focus';
  let statusShown = false;
  const painted = new Map<string, ReturnType<SloganDecorationSupport['decorations']>>();

  const paint = (editor: vscode.TextEditor): void => {
    const slogans = model.current(editor.document);
    const doc = editor.document;
    const result = { known: [] as vscode.Range[], discovered: [] as vscode.Range[] };
    if (slogans) {
      for (const s of slogans) {
        const ranges = s.occurrences.map((o) => new vscode.Range(doc.positionAt(o.offset), doc.positionAt(o.offset + o.length)));
        (s.kind === 'known' ? result.known : result.discovered).push(...ranges);
      }
    }
    editor.setDecorations(known, result.known);
    editor.setDecorations(discovered, result.discovered);
    painted.set(doc.uri.toString(), result);
  };
  const clear = (document: vscode.TextDocument): void => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) continue;
      for (const type of [known, discovered]) editor.setDecorations(type, []);
    }
    painted.delete(document.uri.toString());
  };
  const updateStatus = (): void => {
    const editor = vscode.window.activeTextEditor;
    const slogans = editor && model.applies(editor.document) ? model.current(editor.document) : undefined;
    statusShown = !!slogans && slogans.length > 0;
    if (!statusShown || !slogans) {
      status.hide();
      return;
    }
    status.text = `$(megaphone) 提法 ${slogans.length}`;
    status.tooltip = statusTooltip(slogans);
    status.show();
  };
  const refreshVisible = (): void => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!model.applies(editor.document)) continue;
      if (model.current(editor.document)) paint(editor);
      else void model.get(editor.document);
    }
    updateStatus();
  };

  const disposables: vscode.Disposable[] = [
    known, discovered, status,
    model.onDidChange((document) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) paint(editor);
      if (document === vscode.window.activeTextEditor?.document) updateStatus();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // Until the new analysis is in, old ranges would sit on shifted text: drop them at once.
      if (e.contentChanges.length > 0 && painted.has(e.document.uri.toString())) clear(e.document);
    }),
    vscode.window.onDidChangeVisibleTextEditors(refreshVisible),
    vscode.window.onDidChangeActiveTextEditor(refreshVisible),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('zhdoc.slogans.enabled')) {
        for (const editor of vscode.window.visibleTextEditors) if (!model.applies(editor.document)) clear(editor.document);
        refreshVisible();
      }
    }),
  ];
  refreshVisible();

  return {
    decorations: (uri) => painted.get(uri.toString()) ?? { known: [], discovered: [] },
    statusText: () => (statusShown ? status.text : undefined),
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}

function statusTooltip(slogans: readonly Slogan[]): string {
  const known = slogans.filter((s) => s.kind === 'known').length;
  const occurrences = slogans.reduce((n, s) => n + s.count, 0);
  return vscode.l10n.t('{0} slogans (提法) in this document: {1} known, {2} discovered, {3} occurrences. Click to open the Slogans view.', slogans.length, known, slogans.length - known, occurrences);
}
