/**
 * Slogan Concordance: every occurrence of a phrase in the document or in a workspace folder, keyword in context,
 * the contexts aligned on the phrase, their width adjustable in the page, boilerplate never counted or shown as
 * context; a click on a line opens the place; Export CSV writes the lines (formula-safe cells). Opened from the
 * palette, the Slogans view's context menu, and a link this feature adds to the slogan hover.
 */
import * as vscode from 'vscode';
import { locateSlogan } from '../analysis/packing';
import { clampContextWidth, concordanceRows, DEFAULT_CONTEXT_WIDTH, MAX_CONTEXT_WIDTH, MIN_CONTEXT_WIDTH, toCsv, type LocatedConcordanceLine } from '../core/corpus';
import { escapeHtml } from '../core/text';
import { analyseSources, corpusFiles, corpusSettings, type CorpusSource } from '../vscode/corpusClient';
import { SLOGAN_SELECTOR, type SloganModel } from '../vscode/sloganModel';
import { createCorpusPanel, exportButton, saveCsv, type CorpusPanel } from './corpusWebview';

/** The widest context the page can show: the lines carry this much, the slider chooses how much is visible. */
const WIDEST_CONTEXT = Math.min(MAX_CONTEXT_WIDTH, 80);

export interface ConcordanceArgument {
  readonly phrase?: string;
  /** A node of the Slogans view (its context menu passes it). */
  readonly slogan?: { readonly phrase?: string };
  readonly scope?: 'document' | 'folder';
  /** The folder (scope folder) or document (scope document) to search; default the active one. */
  readonly uri?: string | vscode.Uri;
  /** Search these documents or files (Compare's rows use this). */
  readonly uris?: ReadonlyArray<string | vscode.Uri>;
  readonly width?: number;
}

export interface ConcordanceEntry extends LocatedConcordanceLine {
  readonly uri: string;
  readonly source: string;
}

export interface ConcordanceResult {
  readonly phrase: string;
  readonly entries: readonly ConcordanceEntry[];
  readonly documents: number;
  readonly skipped: number;
}

export interface SloganConcordanceSupport extends vscode.Disposable {
  run(argument?: ConcordanceArgument): Promise<ConcordanceResult | undefined>;
  readonly panel: Pick<CorpusPanel, 'lastHtml' | 'handle'>;
}

export function registerSloganConcordance(context: vscode.ExtensionContext, model: SloganModel): SloganConcordanceSupport {
  let last: ConcordanceResult | undefined;
  const panel = createCorpusPanel(context, 'zhdoc.sloganConcordance', async (message) => {
    if (message.type === 'export' && last) {
      const width = clampContextWidth(Number((message as { width?: number }).width ?? DEFAULT_CONTEXT_WIDTH));
      return saveCsv(concordanceCsv(last, width), `concordance-${safeFileName(last.phrase)}.csv`, (message as { target?: vscode.Uri }).target);
    }
    return undefined;
  });

  const run = async (argument?: ConcordanceArgument): Promise<ConcordanceResult | undefined> => {
    const phrase = await phraseFor(argument, model);
    if (!phrase) return undefined;
    const sources = await sourcesFor(argument);
    if (!sources) return undefined;
    if (sources.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhdoc: no text files (.txt, .md) to search.'));
      return undefined;
    }
    const outcomes = await analyseSources(sources, { settings: await corpusSettings(sources[0]!.uri), phrase, width: WIDEST_CONTEXT }, vscode.l10n.t('zhdoc: concordance of {0}', phrase));
    if (!outcomes) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: concordance cancelled.'), 4000);
      return undefined;
    }
    const entries: ConcordanceEntry[] = [];
    let skipped = 0;
    for (const o of outcomes) {
      if (!o.result) {
        skipped++;
        continue;
      }
      const source = vscode.workspace.asRelativePath(o.uri, false);
      for (const line of o.result.concordance ?? []) entries.push({ ...line, uri: o.uri.toString(), source });
    }
    last = { phrase, entries, documents: outcomes.length, skipped };
    panel.show(vscode.l10n.t('Concordance: {0}', phrase), concordanceBody(last, clampContextWidth(argument?.width ?? DEFAULT_CONTEXT_WIDTH)));
    return last;
  };

  const hover = vscode.languages.registerHoverProvider(SLOGAN_SELECTOR, {
    provideHover(document, position) {
      const slogans = model.current(document);
      const hit = slogans && locateSlogan(slogans, document.offsetAt(position))?.slogan;
      if (!hit) return undefined;
      const md = new vscode.MarkdownString();
      md.isTrusted = { enabledCommands: ['zhdoc.sloganConcordance'] };
      const link = (label: string, scope: 'document' | 'folder'): string =>
        `[${label.replace(/[\\[\]]/g, '\\$&')}](command:zhdoc.sloganConcordance?${encodeURIComponent(JSON.stringify([{ phrase: hit.phrase, scope, uri: document.uri.toString() }]))})`;
      const links = [link(vscode.l10n.t('Concordance'), 'document')];
      if (vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0]) links.push(link(vscode.l10n.t('in the folder'), 'folder'));
      md.appendMarkdown(links.join(' · '));
      return new vscode.Hover(md);
    },
  });

  const command = vscode.commands.registerCommand('zhdoc.sloganConcordance', (argument?: ConcordanceArgument) => run(argument));
  return {
    run,
    panel,
    dispose: () => {
      command.dispose();
      hover.dispose();
      panel.dispose();
    },
  };
}

async function phraseFor(argument: ConcordanceArgument | undefined, model: SloganModel): Promise<string | undefined> {
  const given = argument?.phrase ?? argument?.slogan?.phrase;
  if (typeof given === 'string' && given.trim()) return given.trim();
  const editor = vscode.window.activeTextEditor;
  if (editor && !editor.selection.isEmpty) {
    const selected = editor.document.getText(editor.selection).trim();
    if (selected) return selected;
  }
  const slogans = editor ? await model.get(editor.document) : [];
  if (slogans.length > 0) {
    const picked = await vscode.window.showQuickPick(
      slogans.map((s) => ({ label: s.phrase, description: `×${s.count} · ${s.kind === 'known' ? vscode.l10n.t('known') : vscode.l10n.t('discovered')}` })),
      { title: vscode.l10n.t('zhdoc: Slogan Concordance'), placeHolder: vscode.l10n.t('Phrase to look up (or Escape to type one)') },
    );
    if (picked) return picked.label;
  }
  const typed = await vscode.window.showInputBox({ title: vscode.l10n.t('zhdoc: Slogan Concordance'), prompt: vscode.l10n.t('A phrase to list in context') });
  return typed?.trim() || undefined;
}

const toUri = (u: string | vscode.Uri): vscode.Uri => (typeof u === 'string' ? vscode.Uri.parse(u) : u);

/** The open document's text where it is open (it may be unsaved), else the file. */
function sourceOf(uri: vscode.Uri): CorpusSource {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? { uri, text: open.getText() } : { uri };
}

async function sourcesFor(argument: ConcordanceArgument | undefined): Promise<CorpusSource[] | undefined> {
  if (argument?.uris) return argument.uris.map((u) => sourceOf(toUri(u)));
  const active = vscode.window.activeTextEditor?.document;
  const given = argument?.uri !== undefined ? toUri(argument.uri) : undefined;
  let scope = argument?.scope;
  const folderOf = (uri: vscode.Uri | undefined): vscode.Uri | undefined => (uri ? vscode.workspace.getWorkspaceFolder(uri)?.uri : undefined) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!scope) {
    const folder = folderOf(active?.uri);
    if (active && folder) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('This document'), scope: 'document' as const },
          { label: vscode.l10n.t('Workspace folder {0}', vscode.workspace.asRelativePath(folder, false)), scope: 'folder' as const },
        ],
        { title: vscode.l10n.t('zhdoc: Slogan Concordance'), placeHolder: vscode.l10n.t('Where to look') },
      );
      if (!picked) return undefined;
      scope = picked.scope;
    } else scope = active ? 'document' : 'folder';
  }
  if (scope === 'document') {
    const document = given ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === given.toString()) ?? (await vscode.workspace.openTextDocument(given)) : active;
    return document ? [{ uri: document.uri, text: document.getText() }] : [];
  }
  // A folder given directly, or the workspace folder of the document given (the hover passes the document).
  let folder = given && (await isFolder(given)) ? given : folderOf(given ?? active?.uri);
  if (!folder) {
    folder = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: vscode.l10n.t('zhdoc: Slogan Concordance') }))?.[0];
    if (!folder) return undefined;
  }
  return (await corpusFiles(folder)).map(sourceOf);
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.Directory;
  } catch {
    return false;
  }
}

/** Keeps the last `width` code points of the left context and the first `width` of the right. */
function clip(entry: ConcordanceEntry, width: number): { left: string; right: string } {
  const left = Array.from(entry.left);
  return { left: left.slice(Math.max(0, left.length - width)).join(''), right: Array.from(entry.right).slice(0, width).join('') };
}

export function concordanceCsv(result: ConcordanceResult, width: number): string {
  return toCsv(concordanceRows(result.entries.map((e) => ({ ...e, ...clip(e, width), line: e.line + 1, column: e.column + 1 }))));
}

function concordanceBody(result: ConcordanceResult, width: number): string {
  const files = new Set(result.entries.map((e) => e.uri)).size;
  const rows = result.entries.map((e) => {
    const { left, right } = clip(e, width);
    return `<tr><td class="source"><a class="reveal" tabindex="0" data-uri="${escapeHtml(e.uri)}" data-offset="${e.offset}" data-length="${e.length}">${escapeHtml(`${e.source}:${e.line + 1}`)}</a></td>` +
      `<td class="left" data-full="${escapeHtml(e.left)}">${escapeHtml(left)}</td>` +
      `<td class="keyword"><a class="reveal" tabindex="0" data-uri="${escapeHtml(e.uri)}" data-offset="${e.offset}" data-length="${e.length}">${escapeHtml(e.keyword)}</a></td>` +
      `<td class="right" data-full="${escapeHtml(e.right)}">${escapeHtml(right)}</td></tr>`;
  }).join('\n');
  return `<h1>${escapeHtml(vscode.l10n.t('Concordance of {0}', result.phrase))}</h1>
<p class="summary">${escapeHtml(vscode.l10n.t('{0} occurrences in {1} of {2} documents (boilerplate excluded).', result.entries.length, files, result.documents))}${result.skipped ? ' ' + escapeHtml(vscode.l10n.t('{0} files skipped.', result.skipped)) : ''}</p>
<p class="controls"><label for="width">${escapeHtml(vscode.l10n.t('Context width'))}</label> <input type="range" id="width" min="${MIN_CONTEXT_WIDTH}" max="${WIDEST_CONTEXT}" value="${width}"> <span id="width-value">${width}</span></p>
${exportButton(vscode.l10n.t('Export CSV'))}
${result.entries.length === 0 ? `<p>${escapeHtml(vscode.l10n.t('No occurrences.'))}</p>` : `<table class="kwic"><thead><tr><th>${escapeHtml(vscode.l10n.t('Place'))}</th><th>${escapeHtml(vscode.l10n.t('Left context'))}</th><th>${escapeHtml(vscode.l10n.t('Phrase'))}</th><th>${escapeHtml(vscode.l10n.t('Right context'))}</th></tr></thead><tbody>${rows}</tbody></table>`}`;
}

function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || 'phrase';
}
