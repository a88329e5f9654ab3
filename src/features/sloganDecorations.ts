/**
 * Slogans marked in the editor: known and discovered phrases in theme colours (zhdoc.slogan.*), marks in the
 * overview ruler, and the slogan count in the status bar. How often a phrase recurs is told by its hover, the
 * Slogans view and the report, never by text put into the line: VS Code wraps lines without counting `after`
 * decoration text, so a badge such as ×5 pushed characters out of view under word wrap.
 */
import * as vscode from 'vscode';
import { lowerBound, spansOf } from '../analysis/packing';
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

  /** Documents drawn only near their visible lines, redrawn when the editor scrolls. */
  const windowed = new Set<string>();
  const scrollTimers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();

  const paint = (editor: vscode.TextEditor): void => {
    const slogans = model.current(editor.document);
    const doc = editor.document;
    const result = { known: [] as vscode.Range[], discovered: [] as vscode.Range[] };
    if (slogans) {
      const window = paintWindow(editor, slogans);
      if (window) windowed.add(doc.uri.toString());
      else windowed.delete(doc.uri.toString());
      for (const s of slogans) {
        // From the packed offsets: no occurrence object is made for what is not drawn.
        const { offsets, lengths } = spansOf(s);
        const from = window ? lowerBound(offsets, window[0]) : 0;
        const to = window ? lowerBound(offsets, window[1]) : offsets.length;
        const ranges = s.kind === 'known' ? result.known : result.discovered;
        for (let j = from; j < to; j++) ranges.push(new vscode.Range(doc.positionAt(offsets[j]!), doc.positionAt(offsets[j]! + lengths[j]!)));
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
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (!windowed.has(e.textEditor.document.uri.toString())) return;
      clearTimeout(scrollTimers.get(e.textEditor));
      scrollTimers.set(e.textEditor, setTimeout(() => {
        scrollTimers.delete(e.textEditor);
        if (model.current(e.textEditor.document)) paint(e.textEditor);
      }, SCROLL_REPAINT_MS));
    }),
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
    dispose: () => {
      scrollTimers.forEach((t) => clearTimeout(t));
      disposables.forEach((d) => d.dispose());
    },
  };
}

/**
 * Above this many occurrences only those near the visible lines are drawn: drawing every one of the quarter
 * million occurrences of a 10 MB page blocks the extension host for about a second (positions, ranges and
 * their transfer to the window), while a reader sees a screenful at a time.
 */
const MAX_PAINTED_OCCURRENCES = 20_000;
/** Lines drawn above and below the visible ones, so scrolling a page or two shows marks at once. */
const WINDOW_LINES = 600;
/** Scrolling fires many events: redraw when it rests. */
const SCROLL_REPAINT_MS = 60;

/** The offsets [from, to) whose occurrences are drawn, or undefined to draw all of them. */
function paintWindow(editor: vscode.TextEditor, slogans: readonly Slogan[]): [number, number] | undefined {
  let total = 0;
  for (const s of slogans) total += spansOf(s).offsets.length;
  if (total <= MAX_PAINTED_OCCURRENCES || editor.visibleRanges.length === 0) return undefined;
  const doc = editor.document;
  const first = Math.max(0, Math.min(...editor.visibleRanges.map((r) => r.start.line)) - WINDOW_LINES);
  const last = Math.min(doc.lineCount - 1, Math.max(...editor.visibleRanges.map((r) => r.end.line)) + WINDOW_LINES);
  return [doc.offsetAt(new vscode.Position(first, 0)), doc.offsetAt(doc.lineAt(last).range.end) + 1];
}

/** Longest slogan occurrence looked for before a range's start when asking which marks overlap it (code units). */
const LONGEST_MARK = 512;

/**
 * The marked slogan occurrences overlapping document offsets [from, to), as [start, end) offsets: what the pinyin
 * inlay hints keep out of, so a hint never splits a mark. Read from the packed offsets: no occurrence objects.
 */
export function sloganRangesBetween(slogans: readonly Slogan[] | undefined, from: number, to: number): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (const s of slogans ?? []) {
    const { offsets, lengths } = spansOf(s);
    for (let j = lowerBound(offsets, from - LONGEST_MARK); j < offsets.length && offsets[j]! < to; j++) {
      if (offsets[j]! + lengths[j]! > from) out.push([offsets[j]!, offsets[j]! + lengths[j]!]);
    }
  }
  return out;
}

function statusTooltip(slogans: readonly Slogan[]): string {
  const known = slogans.filter((s) => s.kind === 'known').length;
  const occurrences = slogans.reduce((n, s) => n + s.count, 0);
  return vscode.l10n.t('{0} slogans (提法) in this document: {1} known, {2} discovered, {3} occurrences. Click to open the Slogans view.', slogans.length, known, slogans.length - known, occurrences);
}
