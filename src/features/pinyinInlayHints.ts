/**
 * Pinyin as inlay hints after each word, when toggled on (zhdoc.pinyin.inlayHints). VS Code asks only for the
 * visible range, and each line is read on its own, so the cost is that of a screenful even in a 10 MB document.
 */
import * as vscode from 'vscode';
import { pinyinHints } from '../core/pinyin';
import { ensureResources } from '../vscode/resources';
import { pinyinSettings } from '../vscode/settings';

/** Longest stretch of one line read for hints: a 5 MB single-line file must not be read whole per request. */
const MAX_LINE_SPAN = 4000;

export function registerPinyinInlayHints(): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    async provideInlayHints(document, range, token) {
      const settings = pinyinSettings(document);
      if (!settings.inlayHints) return [];
      await ensureResources('pinyin', 'opencc');
      const hints: vscode.InlayHint[] = [];
      for (let line = range.start.line; line <= range.end.line && !token.isCancellationRequested; line++) {
        const text = document.lineAt(line).text;
        const from = line === range.start.line ? Math.max(0, range.start.character - 200) : 0;
        const to = Math.min(text.length, line === range.end.line ? range.end.character + 200 : text.length, from + MAX_LINE_SPAN);
        for (const { offset, label, word } of pinyinHints(text, settings.style, from, to)) {
          const hint = new vscode.InlayHint(new vscode.Position(line, offset), label);
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
      if (e.affectsConfiguration('zhdoc.pinyin')) changed.fire();
    }),
  );
}
