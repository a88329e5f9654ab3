/**
 * Script conversion commands: Convert to Simplified/Traditional/Taiwan/Hong Kong, from Taiwan, and "Convert
 * Script…" with every OpenCC config. Each converts the non-empty selections, or the whole document, as minimal
 * edits in one undo step.
 */
import * as vscode from 'vscode';
import { CONVERSION_CONFIGS, conversionChunks, getConverter, isConversionConfigName, type ConversionConfigName } from '../core/convert';
import type { TextEdit } from '../core/text';
import { applyDocumentEdits, applyWorkerEdits, codePointCount, commandEditor, computeEdits, displayName, editsInWorker, ensureWritable, keptPlaces, NOTHING_KEPT, planPiece, rangePieces, reportUnapplied, targetRanges, type EditStep } from '../vscode/editing';
import type { DocumentAnalysisService } from '../analysis/service';
import { ensureResources } from '../vscode/resources';
import { conversionOptionsFor, zhdocSettings } from '../vscode/settings';

/**
 * Characters converted (and planned) per step, between which the host answers others and cancellation gets
 * through: about 10 ms of conversion and planning on a quiet machine (60 ms seen at a load of 16 on 2 cores).
 */
const CHUNK_CHARS = 32 * 1024;
/**
 * Edits applied at once: VS Code applies a few thousand in well under a second, hundreds of thousands take
 * many seconds; beyond this, neighbouring edits are joined (see planEdits), away from folds and cursors.
 * Measured on 10 MB (bench:responsiveness): see the report of the change that set it.
 */
export const MAX_EDITS = 4_000;
const LAST_CONFIG_KEY = 'zhdoc.convert.lastConfig';

export function registerConversionCommands(context: vscode.ExtensionContext, analysis?: DocumentAnalysisService): vscode.Disposable {
  const fromSetting = (key: 'toSimplified' | 'toTraditional', fallback: ConversionConfigName) => (): Promise<boolean> => {
    const configured = zhdocSettings(vscode.window.activeTextEditor?.document).get<string>(`convert.${key}`, fallback);
    return convertActiveEditor(isConversionConfigName(configured) ? configured : fallback, MAX_EDITS, analysis);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('zhdoc.convertToSimplified', fromSetting('toSimplified', 't2s')),
    vscode.commands.registerCommand('zhdoc.convertToTraditional', fromSetting('toTraditional', 's2t')),
    vscode.commands.registerCommand('zhdoc.convertToTaiwan', () => convertActiveEditor('s2twp')),
    vscode.commands.registerCommand('zhdoc.convertToHongKong', () => convertActiveEditor('s2hk')),
    vscode.commands.registerCommand('zhdoc.convertFromTaiwan', () => convertActiveEditor('tw2sp')),
    vscode.commands.registerCommand('zhdoc.convertScript', async (config?: unknown, options?: { maxEdits?: unknown }) => {
      const chosen = typeof config === 'string' && isConversionConfigName(config) ? config : await pickConfig(context);
      if (!chosen) return false;
      await context.globalState.update(LAST_CONFIG_KEY, chosen);
      // maxEdits: for measuring how VS Code applies fewer, larger edits or more, smaller ones (the bench).
      const maxEdits = typeof options?.maxEdits === 'number' && options.maxEdits >= 1 ? Math.floor(options.maxEdits) : MAX_EDITS;
      return convertActiveEditor(chosen, maxEdits, analysis);
    }),
  );
}

async function pickConfig(context: vscode.ExtensionContext): Promise<ConversionConfigName | undefined> {
  const last = context.globalState.get<string>(LAST_CONFIG_KEY);
  const items = CONVERSION_CONFIGS.map((c) => ({
    label: c.name,
    description: vscode.l10n.t(c.label),
    detail: vscode.l10n.t(c.description),
    config: c.name,
  }));
  items.sort((a, b) => Number(b.config === last) - Number(a.config === last));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('zhdoc: Convert Script'),
    placeHolder: vscode.l10n.t('Choose an OpenCC conversion for the selection, or the whole document when nothing is selected'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.config;
}

/**
 * Converts the active editor's selections (or document) with `config`. Resolves to true when text changed. The
 * text is read, converted and its edits planned a piece at a time with the host free in between; a large
 * conversion becomes about `maxEdits` edits that keep the folds and cursors in place, applied in one undo step.
 */
export async function convertActiveEditor(config: ConversionConfigName, maxEdits = MAX_EDITS, analysis?: DocumentAnalysisService): Promise<boolean> {
  const editor = commandEditor();
  if (!editor) return false;
  const document = editor.document;
  if (!(await ensureWritable(document))) return false;
  // The text as the command found it: a change from here on (even while the folds are asked for) refuses the edit.
  const version = document.version;
  const ranges = targetRanges(editor);
  const total = ranges.reduce((n, r) => n + document.offsetAt(r.end) - document.offsetAt(r.start), 0);
  // Only an edit of more characters than the limit can need joining, and only then must folds be asked for.
  const kept = total > maxEdits ? await keptPlaces(editor) : NOTHING_KEPT;
  const options = conversionOptionsFor(config, document);
  const title = vscode.l10n.t('zhdoc: converting {0} ({1})', displayName(document), config);
  // In the analysis worker, on its copy of this version: the host neither converts nor loads the dictionaries.
  const inWorker = analysis && document.version === version ? await editsInWorker(analysis, document, { kind: 'convert', config, options }, ranges, total, maxEdits, kept, title) : undefined;
  if (inWorker === 'cancelled' || inWorker === 'stale') return finish(editor, version, config, inWorker, 0);
  if (inWorker !== undefined) return applyWorkerEdits(analysis!, document, inWorker, (r) => finish(editor, version, config, r.edits, r.count));
  await ensureResources('opencc');
  const converter = getConverter(config, options);
  let changed = 0;
  function* steps(): Generator<EditStep> {
    for (const range of ranges) {
      for (const piece of rangePieces(document, range, CHUNK_CHARS)) {
        // A line longer than a step is cut at conversion breaks (the result is the same as converting it whole).
        for (const [a, b] of conversionChunks(piece.text, CHUNK_CHARS, piece.from, piece.to)) {
          yield {
            size: b - a,
            run: () => {
              const edits = converter.edits(piece.text, a, b);
              for (const e of edits) changed += codePointCount(e.text);
              return planPiece(piece, edits, Math.max(1, Math.round((maxEdits * (b - a)) / Math.max(1, total))), kept);
            },
          };
        }
      }
    }
  }
  const result = await computeEdits(document, version, total, title, steps());
  return finish(editor, version, config, result, changed);
}

async function finish(editor: vscode.TextEditor, version: number, config: ConversionConfigName, result: readonly TextEdit[] | 'cancelled' | 'stale', changed: number): Promise<boolean> {
  const document = editor.document;
  if (result === 'cancelled') {
    vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: conversion cancelled; nothing was changed.'), 5000);
    return false;
  }
  if (result === 'stale') return reportUnapplied(document, 'stale');
  const applied = await applyDocumentEdits(editor, version, result);
  switch (applied) {
    case 'unchanged':
      vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: nothing to convert ({0}).', config), 4000);
      return false;
    case 'stale':
    case 'failed':
      return reportUnapplied(document, applied);
    case 'applied':
      vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: {0} characters converted ({1}).', changed, config), 4000);
      return true;
  }
}
