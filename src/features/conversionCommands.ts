/**
 * Script conversion commands: Convert to Simplified/Traditional/Taiwan/Hong Kong, from Taiwan, and "Convert
 * Script…" with every OpenCC config. Each converts the non-empty selections, or the whole document, as minimal
 * edits in one undo step.
 */
import * as vscode from 'vscode';
import { CONVERSION_CONFIGS, conversionChunks, getConverter, isConversionConfigName, type ConversionConfigName } from '../core/convert';
import { planEdits, type KeptPlaces } from '../core/editPlan';
import { applyDocumentEdits, commandEditor, computeEdits, displayName, ensureWritable, reportUnapplied, targetRanges, type EditStep } from '../vscode/editing';
import { ensureResources } from '../vscode/resources';
import { conversionOptionsFor, zhdocSettings } from '../vscode/settings';

const CHUNK_CHARS = 128 * 1024;
/**
 * Edits applied at once: VS Code applies a few thousand in well under a second, hundreds of thousands take
 * many seconds; beyond this, neighbouring edits are joined (see planEdits), away from folds and cursors.
 */
const MAX_EDITS = 4_000;
const LAST_CONFIG_KEY = 'zhdoc.convert.lastConfig';

export function registerConversionCommands(context: vscode.ExtensionContext): vscode.Disposable {
  const fromSetting = (key: 'toSimplified' | 'toTraditional', fallback: ConversionConfigName) => (): Promise<boolean> => {
    const configured = zhdocSettings(vscode.window.activeTextEditor?.document).get<string>(`convert.${key}`, fallback);
    return convertActiveEditor(isConversionConfigName(configured) ? configured : fallback);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('zhdoc.convertToSimplified', fromSetting('toSimplified', 't2s')),
    vscode.commands.registerCommand('zhdoc.convertToTraditional', fromSetting('toTraditional', 's2t')),
    vscode.commands.registerCommand('zhdoc.convertToTaiwan', () => convertActiveEditor('s2twp')),
    vscode.commands.registerCommand('zhdoc.convertToHongKong', () => convertActiveEditor('s2hk')),
    vscode.commands.registerCommand('zhdoc.convertFromTaiwan', () => convertActiveEditor('tw2sp')),
    vscode.commands.registerCommand('zhdoc.convertScript', async (config?: unknown) => {
      const chosen = typeof config === 'string' && isConversionConfigName(config) ? config : await pickConfig(context);
      if (!chosen) return false;
      await context.globalState.update(LAST_CONFIG_KEY, chosen);
      return convertActiveEditor(chosen);
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

/** Converts the active editor's selections (or document) with `config`. Resolves to true when text changed. */
export async function convertActiveEditor(config: ConversionConfigName): Promise<boolean> {
  const editor = commandEditor();
  if (!editor) return false;
  const document = editor.document;
  if (!(await ensureWritable(document))) return false;
  await ensureResources('opencc');
  const version = document.version;
  const ranges = targetRanges(editor);
  const converter = getConverter(config, conversionOptionsFor(config, document));
  const total = ranges.reduce((n, r) => n + document.offsetAt(r.end) - document.offsetAt(r.start), 0);
  function* steps(): Generator<EditStep> {
    for (const range of ranges) {
      const base = document.offsetAt(range.start);
      const text = document.getText(range);
      for (const [a, b] of conversionChunks(text, CHUNK_CHARS)) {
        yield { size: b - a, run: () => converter.edits(text, a, b).map((e) => ({ offset: base + e.offset, length: e.length, text: e.text })) };
      }
    }
  }
  const title = vscode.l10n.t('zhdoc: converting {0} ({1})', displayName(document), config);
  const result = await computeEdits(document, version, total, title, steps());

  if (result === 'cancelled') {
    vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: conversion cancelled; nothing was changed.'), 5000);
    return false;
  }
  if (result === 'stale') return reportUnapplied(document, 'stale');
  const planned = result.length > MAX_EDITS ? planEdits(document.getText(), result, MAX_EDITS, await keptPlaces(editor)) : result;
  const applied = await applyDocumentEdits(editor, version, planned);
  switch (applied) {
    case 'unchanged':
      vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: nothing to convert ({0}).', config), 4000);
      return false;
    case 'stale':
    case 'failed':
      return reportUnapplied(document, applied);
    case 'applied': {
      const changed = result.reduce((n, e) => n + [...e.text].length, 0);
      vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: {0} characters converted ({1}).', changed, config), 4000);
      return true;
    }
  }
}

/** What a large conversion must not move: every foldable range's first and last line, the cursors. */
async function keptPlaces(editor: vscode.TextEditor): Promise<KeptPlaces> {
  const document = editor.document;
  const lines = new Set<number>();
  const offsets: number[] = [];
  for (const s of editor.selections) {
    for (const p of [s.anchor, s.active]) {
      lines.add(p.line);
      offsets.push(document.offsetAt(p));
    }
  }
  try {
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', document.uri);
    for (const f of folds ?? []) {
      lines.add(f.start);
      lines.add(f.end);
    }
  } catch {
    // No folding provider answered: the cursors are still kept.
  }
  // The editor's own indentation folds are not reported by providers: keep the edges of what is folded now.
  const visible = editor.visibleRanges;
  for (let i = 0; i + 1 < visible.length; i++) {
    lines.add(visible[i]!.end.line);
    lines.add(visible[i]!.end.line + 1);
    lines.add(visible[i + 1]!.start.line - 1);
  }
  return { lines, offsets };
}
