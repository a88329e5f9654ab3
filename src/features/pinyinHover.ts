/**
 * Pinyin hover: the word under the cursor, segmented in context, with its reading (tone marks, numbers or
 * zhuyin, tone-coloured), its other-script form, the other readings of its polyphonic characters and an
 * English gloss from CC-CEDICT. Over a selection, the reading of the whole selection.
 */
import * as vscode from 'vscode';
import { describeWord, formatReading, glossesOf, selectionReading, TONE_COLOURS, warmUpWordSegmenter, wordAt, type PinyinStyle, type ToneSandhi, type WordView } from '../core/pinyin';
import { isLowSurrogate } from '../core/text';
import type { Log } from '../vscode/log';
import { escapeMarkdownText } from '../vscode/markdown';
import { ensureResources, type VendorName } from '../vscode/resources';
import { perDocumentSettings, pinyinSettings } from '../vscode/settings';
import { recordDuration } from '../vscode/timings';

/** Code units read on either side of the hovered position: the core needs one clause, and lines can be megabytes long. */
const HOVER_WINDOW = 256;
/** Longest selection whose reading the hover shows. */
const MAX_SELECTION = 2000;

/**
 * How long after activation the word segmenter is warmed up (ICU loads its Chinese dictionary on first use, about
 * 20 ms): after activation's own work, and before most first hovers, which then do not pay for it.
 */
const WARM_UP_DELAY_MS = 1500;

export function registerPinyinHover(log: Log): vscode.Disposable {
  const warmUp = setTimeout(() => {
    if (!pinyinSettings().hover) return;
    try {
      warmUpWordSegmenter();
    } catch (e) {
      log.error('warming up the word segmenter for pinyin hovers', e);
    }
  }, WARM_UP_DELAY_MS);
  // Read once per document (and the theme once per change): reading the configuration and the theme cost each
  // hover a few tenths of a millisecond on the extension host, more than the reading.
  const settingsOf = perDocumentSettings(pinyinSettings);
  let dark = isDarkTheme();
  const watchers = [settingsOf, vscode.window.onDidChangeActiveColorTheme(() => (dark = isDarkTheme()))];
  // Resources this provider has awaited once: later hovers answer synchronously. An `await` even of a resolved
  // promise puts the rest of the hover behind the microtasks queued before it, which on the extension host are the
  // other hover providers that VS Code called in the same turn (the slogan hovers read their settings then): their
  // work landed in this provider's time and made its p99 several times its own cost.
  const loaded = new Set<VendorName>();
  const provider = vscode.languages.registerHoverProvider({ scheme: '*' }, {
    provideHover(document, position) {
      const started = performance.now();
      const settings = { ...settingsOf.get(document), dark };
      if (!settings.hover || document.uri.scheme === 'output') return undefined;
      const selection = vscode.window.activeTextEditor?.document === document
        ? vscode.window.activeTextEditor.selections.find((s) => !s.isEmpty && s.contains(position))
        : undefined;
      // No OpenCC: Traditional text is read through the t2s table in the reading data (core/pinyin/t2s.ts).
      const needed: VendorName[] = settings.gloss ? ['pinyin', 'cedict'] : ['pinyin'];
      const answer = (): vscode.Hover | undefined => {
        try {
          return selection ? selectionHover(document, selection, settings) : wordHover(document, position, settings);
        } finally {
          recordDuration('hover.pinyin', performance.now() - started);
        }
      };
      if (needed.every((n) => loaded.has(n))) return answer();
      return ensureResources(...needed).then(() => {
        for (const n of needed) loaded.add(n);
        return answer();
      });
    },
  });
  return new vscode.Disposable(() => {
    clearTimeout(warmUp);
    provider.dispose();
    for (const w of watchers) w.dispose();
  });
}

interface HoverSettings {
  readonly style: PinyinStyle;
  readonly sandhi: ToneSandhi;
  readonly toneColours: boolean;
  readonly gloss: boolean;
  /** The active colour theme is dark (or high contrast): the tone colours of the dark palette. */
  readonly dark: boolean;
}

function wordHover(document: vscode.TextDocument, position: vscode.Position, settings: HoverSettings): vscode.Hover | undefined {
  const line = document.lineAt(position.line).text;
  let from = Math.max(0, position.character - HOVER_WINDOW);
  if (from > 0 && isLowSurrogate(line.charCodeAt(from))) from--;
  const window = line.slice(from, position.character + HOVER_WINDOW);
  const word = wordAt(window, position.character - from, { sandhi: settings.sandhi });
  if (!word) return undefined;
  const view = describeWord(word, settings.style);
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = true;
  md.appendMarkdown(`**${escapeMarkdownText(word.word)}** ${readingMarkdown(view, settings)}`);
  const details: string[] = [];
  if (view.counterpart) {
    const label = view.counterpart.script === 'simplified' ? vscode.l10n.t('Simplified') : vscode.l10n.t('Traditional');
    details.push(`${label}: ${escapeMarkdownText(view.counterpart.text)}`);
  }
  for (const p of view.polyphones) {
    details.push(vscode.l10n.t('{0} is read {1} here; other readings: {2}', escapeMarkdownText(p.char), formatReading(p.reading, settings.style), p.others.map((r) => formatReading(r, settings.style)).join(', ')));
  }
  if (settings.gloss) {
    const readings = word.readings.filter((r): r is string => r !== null);
    const [gloss] = glossesOf(word.word, readings.length === word.readings.length ? readings : undefined);
    if (gloss) details.push(`${escapeMarkdownText(gloss.gloss)} *(CC-CEDICT)*`);
  }
  if (details.length) md.appendMarkdown('\n\n' + details.join('  \n'));
  const range = new vscode.Range(position.line, from + word.start, position.line, from + word.end);
  return new vscode.Hover(md, range);
}

function selectionHover(document: vscode.TextDocument, selection: vscode.Selection, settings: HoverSettings): vscode.Hover | undefined {
  const start = document.offsetAt(selection.start);
  const end = Math.min(document.offsetAt(selection.end), start + MAX_SELECTION);
  // Enough text around the selection for its first and last clauses to be read in context.
  const before = Math.max(0, start - HOVER_WINDOW);
  const text = document.getText(new vscode.Range(document.positionAt(before), document.positionAt(end + HOVER_WINDOW)));
  const reading = selectionReading(text, start - before, end - before, { sandhi: settings.sandhi });
  if (reading.words.length === 0) return undefined;
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = true;
  md.appendMarkdown(reading.words.map((w) => readingMarkdown(describeWord(w, settings.style), settings)).join(' '));
  if (end < document.offsetAt(selection.end)) md.appendMarkdown(` …\n\n*${vscode.l10n.t('(first {0} characters of the selection)', MAX_SELECTION)}*`);
  return new vscode.Hover(md, selection);
}

/** A word's reading as formatWord writes it, each syllable in its tone colour when colours are on. */
function readingMarkdown(view: WordView, settings: HoverSettings): string {
  if (!settings.toneColours) return escapeMarkdownText(view.pinyin);
  const palette = settings.dark ? TONE_COLOURS.dark : TONE_COLOURS.light;
  return view.pieces
    .map((p) => (p.tone ? `<span style="color:${palette[p.tone]};">${escapeMarkdownText(p.text)}</span>` : escapeMarkdownText(p.text)))
    .join('');
}

function isDarkTheme(): boolean {
  const kind = vscode.window.activeColorTheme.kind;
  return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast;
}
