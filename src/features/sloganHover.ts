/**
 * Hover on a marked slogan: the phrase, how often this document repeats it, whether it is known or discovered,
 * its category, year and source, why a discovered phrase was taken for a formula, and links to the previous and next occurrence, Ignore and Add to Lexicon.
 */
import * as vscode from 'vscode';
import { locateSlogan, spansOf } from '../analysis/packing';
import type { Slogan } from '../core/slogans';
import { escapeMarkdownText } from '../vscode/markdown';
import { SLOGAN_SELECTOR, type SloganModel } from '../vscode/sloganModel';
import { recordDuration } from '../vscode/timings';

const HOVER_COMMANDS = ['zhdoc.revealSlogan', 'zhdoc.ignorePhrase', 'zhdoc.addToLexicon'];

export function registerSloganHover(model: SloganModel): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SLOGAN_SELECTOR, {
    async provideHover(document, position) {
      // Before the first analysis of this version is in, wait for it: the hover would otherwise stay without it.
      const slogans = model.current(document) ?? (model.applies(document) ? await model.get(document) : undefined);
      if (!slogans || document.isClosed) return undefined;
      const started = performance.now();
      try {
        return hoverFor(document, position, slogans);
      } finally {
        recordDuration('hover.slogan', performance.now() - started);
      }
    },
  });
}

function hoverFor(document: vscode.TextDocument, position: vscode.Position, slogans: readonly Slogan[]): vscode.Hover | undefined {
  // Binary search in the packed offsets (the core's sloganAt visits every occurrence of the document).
  const hit = locateSlogan(slogans, document.offsetAt(position));
  if (!hit) return undefined;
  const { slogan, occurrence, index } = hit;
  const md = new vscode.MarkdownString();
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  const kind = slogan.kind === 'known' ? vscode.l10n.t('known slogan') : vscode.l10n.t('discovered: repeated in this document');
  md.appendMarkdown(`**${escapeMarkdownText(slogan.phrase)}** · ${escapeMarkdownText(kind)}`);
  const facts = [slogan.category, slogan.year ? String(slogan.year) : undefined].filter((x): x is string => !!x);
  if (facts.length) md.appendMarkdown(` · ${escapeMarkdownText(facts.join(' · '))}`);
  md.appendMarkdown('  \n' + escapeMarkdownText(vscode.l10n.t('×{0} in this document (occurrence {1} of {2})', slogan.count, index + 1, slogan.count)));
  if (slogan.source) md.appendMarkdown('  \n' + escapeMarkdownText(slogan.source));
  if (slogan.reason) md.appendMarkdown('  \n' + escapeMarkdownText(vscode.l10n.t('Kept because: {0}', slogan.reason)));
  if (slogan.abbreviations.length) md.appendMarkdown('  \n' + escapeMarkdownText(vscode.l10n.t('Also written: {0}', slogan.abbreviations.join('、'))));
  const links: string[] = [];
  if (slogan.count > 1) {
    const { offsets, lengths } = spansOf(slogan);
    const n = offsets.length;
    const at = (j: number): { offset: number; length: number } => ({ offset: offsets[j]!, length: lengths[j]! });
    const previous = at((index - 1 + n) % n);
    const next = at((index + 1) % n);
    links.push(commandLink(vscode.l10n.t('← Previous'), 'zhdoc.revealSlogan', { uri: document.uri.toString(), offset: previous.offset, length: previous.length }));
    links.push(commandLink(vscode.l10n.t('Next →'), 'zhdoc.revealSlogan', { uri: document.uri.toString(), offset: next.offset, length: next.length }));
  }
  if (slogan.kind === 'discovered') links.push(commandLink(vscode.l10n.t('Add to Lexicon'), 'zhdoc.addToLexicon', { phrase: slogan.phrase }));
  links.push(commandLink(vscode.l10n.t('Ignore'), 'zhdoc.ignorePhrase', { phrase: slogan.phrase }));
  md.appendMarkdown('\n\n' + links.join(' · '));
  const range = new vscode.Range(document.positionAt(occurrence.offset), document.positionAt(occurrence.offset + occurrence.length));
  return new vscode.Hover(md, range);
}

/** A command link whose argument is JSON, URI-encoded: document text in it cannot break out of the link. */
function commandLink(label: string, command: string, argument: unknown): string {
  return `[${escapeMarkdownText(label)}](command:${command}?${encodeURIComponent(JSON.stringify([argument]))})`;
}
