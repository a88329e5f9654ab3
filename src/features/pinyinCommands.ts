/**
 * Pinyin commands: Copy as Pinyin (selection or line), Annotate with Pinyin (`漢字(hànzì)`, one undo step) and
 * its exact inverse Remove Pinyin Annotations, and Toggle Pinyin Inlay Hints.
 */
import * as vscode from 'vscode';
import { annotatePinyin, removePinyinAnnotations, toPinyinText } from '../core/pinyin';
import type { DocumentAnalysisService } from '../analysis/service';
import { applyDocumentEdits, applyWorkerEdits, commandEditor, computeEdits, displayName, editsInWorker, ensureWritable, keptPlaces, LARGE_DOCUMENT_CHARS, lineGroups, NOTHING_KEPT, planPiece, rangePieces, reportUnapplied, targetRanges, yieldToEventLoop, type EditStep } from '../vscode/editing';
import type { TextEdit } from '../core/text';
import { ensureResources } from '../vscode/resources';
import { pinyinSettings, zhdocSettings } from '../vscode/settings';

/**
 * Characters per step of a long annotation (whole lines, so at least one line), between which the extension
 * host answers other requests and cancellation gets through. Reading with the polyphone model runs at about
 * 8 µs a character on the extension host (Annotate on 10 MB, quiet machine: 29 s for 3.5M characters, 32K
 * steps held it 270 ms each), so 8K characters are about 65 ms, under the 100 ms a command may hold it.
 */
const CHARS_PER_STEP = 8 * 1024;
/** Edits applied at once (as for conversion: see MAX_EDITS in conversionCommands.ts); more are joined. */
const MAX_EDITS = 4_000;

export function registerPinyinCommands(analysis?: DocumentAnalysisService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('zhdoc.copyAsPinyin', copyAsPinyin),
    vscode.commands.registerCommand('zhdoc.annotatePinyin', () => editWithPinyin('annotate', analysis)),
    vscode.commands.registerCommand('zhdoc.removePinyinAnnotations', () => editWithPinyin('remove', analysis)),
    vscode.commands.registerCommand('zhdoc.toggleInlayHints', async () => {
      const settings = zhdocSettings();
      const on = !settings.get<boolean>('pinyin.inlayHints', false);
      await settings.update('pinyin.inlayHints', on, vscode.ConfigurationTarget.Global);
      vscode.window.setStatusBarMessage(on ? vscode.l10n.t('zhdoc: pinyin inlay hints on') : vscode.l10n.t('zhdoc: pinyin inlay hints off'), 3000);
      return on;
    }),
  );
}

/** Copies the selections (or the current line) as pinyin in the chosen style; resolves to the copied text. */
async function copyAsPinyin(): Promise<string | undefined> {
  const editor = commandEditor();
  if (!editor) return undefined;
  const document = editor.document;
  const { style, sandhi } = pinyinSettings(document);
  await ensureResources('pinyin', 'opencc');
  const selections = editor.selections.filter((s) => !s.isEmpty).sort((a, b) => a.start.compareTo(b.start));
  const ranges = selections.length > 0 ? selections : [document.lineAt(editor.selection.active.line).range];
  const total = ranges.reduce((n, r) => n + document.offsetAt(r.end) - document.offsetAt(r.start), 0);
  // Each range read in whole lines around it (so its first and last words are segmented right), a few lines
  // at a time: a word never spans a line break, so the steps read as one pass and the host stays responsive.
  const readRange = async (range: vscode.Range, cancelled: () => boolean, advance: (chars: number) => void): Promise<string | undefined> => {
    let out = '';
    const rangeStart = document.offsetAt(range.start);
    const rangeEnd = document.offsetAt(range.end);
    for (const [line, last] of lineGroups(document, range, CHARS_PER_STEP)) {
      const groupStart = document.offsetAt(new vscode.Position(line, 0));
      const groupEnd = last < range.end.line ? document.offsetAt(new vscode.Position(last + 1, 0)) : document.offsetAt(document.lineAt(last).range.end);
      const text = document.getText(new vscode.Range(document.positionAt(groupStart), document.positionAt(groupEnd)));
      const from = Math.max(groupStart, rangeStart) - groupStart;
      const to = Math.min(groupEnd, rangeEnd) - groupStart;
      out += toPinyinText(text, style, from, to, { sandhi });
      advance(to - from);
      if (last < range.end.line && total > LARGE_DOCUMENT_CHARS) {
        await yieldToEventLoop();
        if (cancelled()) return undefined;
      }
    }
    return out;
  };
  const readAll = async (cancelled: () => boolean, advance: (chars: number) => void): Promise<string[] | undefined> => {
    const pieces: string[] = [];
    for (const range of ranges) {
      const piece = await readRange(range, cancelled, advance);
      if (piece === undefined) return undefined;
      pieces.push(piece);
    }
    return pieces;
  };
  const pieces = total > LARGE_DOCUMENT_CHARS
    ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('zhdoc: reading {0} as pinyin', displayName(document)), cancellable: true }, (progress, token) =>
        readAll(() => token.isCancellationRequested, (chars) => progress.report({ increment: (100 * chars) / total })),
      )
    : await readAll(() => false, () => undefined);
  if (!pieces) return undefined;
  const copied = pieces.join(document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
  await vscode.env.clipboard.writeText(copied);
  vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: pinyin copied ({0} characters)', [...copied].length), 3000);
  return copied;
}

/** Annotates, or removes annotations from, the selections or the whole document, as one undo step. */
async function editWithPinyin(mode: 'annotate' | 'remove', analysis?: DocumentAnalysisService): Promise<boolean> {
  const editor = commandEditor();
  if (!editor) return false;
  const document = editor.document;
  if (!(await ensureWritable(document))) return false;
  const { style, sandhi } = pinyinSettings(document);
  // The text as the command found it: a change from here on (even while the folds are asked for) refuses the edit.
  const version = document.version;
  const ranges = targetRanges(editor);
  const total = ranges.reduce((n, r) => n + document.offsetAt(r.end) - document.offsetAt(r.start), 0);
  // Only an edit of more characters than the limit can need joining, and only then must folds be asked for.
  const kept = total > MAX_EDITS ? await keptPlaces(editor) : NOTHING_KEPT;
  let count = 0;
  const title = mode === 'annotate' ? vscode.l10n.t('zhdoc: annotating {0} with pinyin', displayName(document)) : vscode.l10n.t('zhdoc: removing pinyin from {0}', displayName(document));
  // In the analysis worker, on its copy of this version: the host neither reads pinyin nor loads its data.
  const inWorker = analysis && document.version === version ? await editsInWorker(analysis, document, mode === 'annotate' ? { kind: 'annotate', style, sandhi } : { kind: 'remove' }, ranges, total, MAX_EDITS, kept, title) : undefined;
  if (inWorker !== undefined) {
    if (inWorker === 'cancelled' || inWorker === 'stale') return finish(editor, version, mode, inWorker, 0);
    return applyWorkerEdits(analysis!, document, inWorker, (r) => finish(editor, version, mode, r.edits, r.count));
  }
  await ensureResources('pinyin', 'opencc');

  function* steps(): Generator<EditStep> {
    for (const range of ranges) {
      // Whole lines, each group read on its own: a word never spans a line break, so each step reads exactly as
      // the whole text would, and the whole text is never read (or planned) at once.
      for (const piece of rangePieces(document, range, CHARS_PER_STEP)) {
        yield {
          size: piece.to - piece.from,
          run: () => {
            const edits = mode === 'annotate' ? annotatePinyin(piece.text, style, piece.from, piece.to, { sandhi }) : removePinyinAnnotations(piece.text, piece.from, piece.to);
            count += edits.length;
            return planPiece(piece, edits, Math.max(1, Math.round((MAX_EDITS * (piece.to - piece.from)) / Math.max(1, total))), kept);
          },
        };
      }
    }
  }
  const result = await computeEdits(document, version, total, title, steps());
  return finish(editor, version, mode, result, count);
}

async function finish(editor: vscode.TextEditor, version: number, mode: 'annotate' | 'remove', result: readonly TextEdit[] | 'cancelled' | 'stale', count: number): Promise<boolean> {
  const document = editor.document;
  if (result === 'cancelled') return false;
  const applied = result === 'stale' ? 'stale' : await applyDocumentEdits(editor, version, result);
  if (applied === 'stale' || applied === 'failed') {
    reportUnapplied(document, applied);
  } else if (applied === 'unchanged') {
    vscode.window.setStatusBarMessage(mode === 'annotate' ? vscode.l10n.t('zhdoc: no Chinese words to annotate.') : vscode.l10n.t('zhdoc: no pinyin annotations found.'), 3000);
  } else if (result !== 'stale') {
    vscode.window.setStatusBarMessage(mode === 'annotate' ? vscode.l10n.t('zhdoc: {0} words annotated.', count) : vscode.l10n.t('zhdoc: {0} annotations removed.', count), 3000);
  }
  return applied === 'applied';
}
