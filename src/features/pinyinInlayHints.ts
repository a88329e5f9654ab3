/**
 * Pinyin as inlay hints, one per word, when toggled on (zhdoc.pinyin.inlayHints). VS Code asks only for the
 * visible range, and each line is read on its own, so the cost is that of a screenful even in a 10 MB document.
 *
 * One hint per word (several for a word whose pinyin is longer than editor.inlayHints.maximumLength), so no
 * label is cut with `…`. Inside a marked slogan no hint is put: a hint there would split the slogan's mark in
 * two and push half of the phrase away from the other; the pinyin of the slogan's words follows the mark.
 */
import * as vscode from 'vscode';
import { INLAY_LABEL_MAX, pinyinHints } from '../core/pinyin';
import { ensureResources } from '../vscode/resources';
import { pinyinSettings } from '../vscode/settings';

/** Longest stretch of one line read for hints: a 5 MB single-line file must not be read whole per request. */
const MAX_LINE_SPAN = 4000;
/** Code units read before and after the requested range on its first and last lines, for the words' context. */
const CONTEXT = 200;

/** The marked ranges [start, end) (document offsets) that overlap [from, to): the slogans drawn in the editor. */
export type MarkedRanges = (document: vscode.TextDocument, from: number, to: number) => ReadonlyArray<readonly [number, number]>;

export function registerPinyinInlayHints(marked: MarkedRanges = () => [], marksChanged?: vscode.Event<vscode.TextDocument>): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    async provideInlayHints(document, range, token) {
      const settings = pinyinSettings(document);
      if (!settings.inlayHints) return [];
      await ensureResources('pinyin'); // Traditional is read through the reading data's t2s table, not OpenCC
      const maxLabel = vscode.workspace.getConfiguration('editor.inlayHints', document).get<number>('maximumLength', INLAY_LABEL_MAX);
      const hints: vscode.InlayHint[] = [];
      for (let line = range.start.line; line <= range.end.line && !token.isCancellationRequested; line++) {
        const text = document.lineAt(line).text;
        const from = line === range.start.line ? Math.max(0, range.start.character - CONTEXT) : 0;
        const to = Math.min(text.length, line === range.end.line ? range.end.character + CONTEXT : text.length, from + MAX_LINE_SPAN);
        const lineStart = document.offsetAt(new vscode.Position(line, 0));
        const unsplit = marked(document, lineStart + from, lineStart + to).map(([a, b]) => [a - lineStart, b - lineStart] as const);
        for (const { offset, label, word } of pinyinHints(text, settings.style, from, to, { sandhi: settings.sandhi, unsplit, maxLabel })) {
          const hint = new vscode.InlayHint(new vscode.Position(line, Math.min(offset, text.length)), label);
          hint.paddingLeft = true;
          hint.tooltip = `${word.word} ${label}`;
          hints.push(hint);
        }
      }
      return hints;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerInlayHintsProvider({ scheme: '*' }, provider),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('zhdoc.pinyin') || e.affectsConfiguration('editor.inlayHints.maximumLength')) changed.fire();
    }),
    // Slogan marks arrive after the analysis: the hints move out of them when they do.
    ...(marksChanged ? [marksChanged(() => changed.fire())] : []),
  );
}
