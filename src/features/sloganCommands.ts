/**
 * Slogan commands: Next/Previous Slogan, Show Slogan Report, Export Slogans (CSV or JSON), Add to Lexicon,
 * Ignore Phrase, Count Slogans in Folder, and the reveal command that hovers, the tree and the report use.
 */
import * as vscode from 'vscode';
import { adjacentSlogan } from '../analysis/packing';
import type { DocumentAnalysisService } from '../analysis/service';
import { formatSlogansCsv, formatSlogansJson, SLOGAN_CATEGORIES, USER_CATEGORY, type Slogan } from '../core/slogans';
import { containsHan } from '../core/text';
import { commandEditor } from '../vscode/editing';
import type { SloganModel } from '../vscode/sloganModel';
import { analysisOptionsFor, zhdocSettings } from '../vscode/settings';
import type { UserLexicon } from '../vscode/userLexicon';
import type { FolderSloganCount, SloganReportSupport } from './sloganReport';

interface RevealTarget {
  readonly uri: string;
  readonly offset: number;
  readonly length: number;
}

/** Files larger than this are listed but not counted by Count Slogans in Folder. */
const MAX_FOLDER_FILE_BYTES = 20 * 1024 * 1024;

/** How Count Slogans in Folder analyses a file: the editor's analysis service and the editor's settings → options. */
export interface FolderCounting {
  readonly analysis: DocumentAnalysisService;
  readonly lexicon: UserLexicon;
}

export function registerSloganCommands(model: SloganModel, report: SloganReportSupport, counting: FolderCounting): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('zhdoc.revealSlogan', async (target?: RevealTarget) => {
      if (!target || typeof target.uri !== 'string') return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      const range = new vscode.Range(document.positionAt(target.offset), document.positionAt(target.offset + target.length));
      const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('zhdoc.nextSlogan', () => move(model, 'next')),
    vscode.commands.registerCommand('zhdoc.previousSlogan', () => move(model, 'previous')),
    vscode.commands.registerCommand('zhdoc.showSloganReport', async () => {
      const document = commandEditor()?.document;
      return document ? report.showDocumentReport(document) : undefined;
    }),
    vscode.commands.registerCommand('zhdoc.exportSlogans', (options?: { format?: 'csv' | 'json'; target?: vscode.Uri }) => exportSlogans(model, options)),
    vscode.commands.registerCommand('zhdoc.addToLexicon', (argument?: { phrase?: string; category?: string }) => addToLexicon(argument)),
    vscode.commands.registerCommand('zhdoc.ignorePhrase', (argument?: { phrase?: string } | { slogan?: Slogan }) => ignorePhrase(argument)),
    vscode.commands.registerCommand('zhdoc.countSlogansInFolder', (folder?: vscode.Uri) => countInFolder(report, counting, folder)),
  );
}

async function move(model: SloganModel, direction: 'next' | 'previous'): Promise<boolean> {
  const editor = commandEditor();
  if (!editor) return false;
  const slogans = await model.get(editor.document);
  // From the selection's start, so that with an occurrence selected the next and previous ones are found.
  const at = adjacentSlogan(slogans, editor.document.offsetAt(editor.selection.start), direction);
  if (!at) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: no slogans in this document.'), 3000);
    return false;
  }
  const range = new vscode.Range(editor.document.positionAt(at.occurrence.offset), editor.document.positionAt(at.occurrence.offset + at.occurrence.length));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: {0} — {1} of {2}', at.slogan.phrase, at.index + 1, at.slogan.count), 3000);
  return true;
}

async function exportSlogans(model: SloganModel, options?: { format?: 'csv' | 'json'; target?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const document = commandEditor()?.document;
  if (!document) return undefined;
  const slogans = await model.get(document);
  let format = options?.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      [{ label: 'CSV', description: vscode.l10n.t('one row per phrase; opens in spreadsheets'), format: 'csv' as const }, { label: 'JSON', description: vscode.l10n.t('every field and occurrence'), format: 'json' as const }],
      { title: vscode.l10n.t('zhdoc: Export Slogans'), placeHolder: vscode.l10n.t('Format of the export') },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  let target = options?.target;
  if (!target) {
    const base = document.isUntitled ? 'slogans' : document.uri.path.replace(/^.*\//, '').replace(/\.[^.]*$/, '') + '-slogans';
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${format}`) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      title: vscode.l10n.t('zhdoc: Export Slogans'),
    });
    if (!target) return undefined;
  }
  const text = document.getText();
  const content = format === 'csv' ? formatSlogansCsv(slogans, text) : formatSlogansJson(slogans, text);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: {0} slogans exported to {1}', slogans.length, vscode.workspace.asRelativePath(target, false)), 4000);
  return target;
}

/** The phrase a command acts on: its argument, else the selection, else nothing. */
function phraseFrom(argument: unknown): string | undefined {
  const a = argument as { phrase?: unknown; slogan?: { phrase?: unknown } } | undefined;
  const given = typeof a?.phrase === 'string' ? a.phrase : typeof a?.slogan?.phrase === 'string' ? a.slogan.phrase : undefined;
  if (given) return given.trim();
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : undefined;
  return selected || undefined;
}

async function addToLexicon(argument?: { phrase?: string; category?: string }): Promise<boolean> {
  let phrase = phraseFrom(argument);
  if (!phrase) {
    phrase = (await vscode.window.showInputBox({ title: vscode.l10n.t('zhdoc: Add to Lexicon'), prompt: vscode.l10n.t('A phrase to mark as a known slogan in every document') }))?.trim();
  }
  if (!phrase) return false;
  if (!containsHan(phrase)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhdoc: a slogan needs Chinese characters; "{0}" was not added.', phrase));
    return false;
  }
  let category = argument?.category;
  if (!category) {
    const picked = await vscode.window.showQuickPick([USER_CATEGORY, ...SLOGAN_CATEGORIES], { title: vscode.l10n.t('zhdoc: category of {0}', phrase) });
    if (!picked) return false;
    category = picked;
  }
  const settings = zhdocSettings();
  const current = settings.inspect<unknown[]>('slogans.userLexicon')?.globalValue ?? [];
  const exists = current.some((e) => (typeof e === 'string' ? e : (e as { phrase?: string })?.phrase) === phrase);
  if (!exists) await settings.update('slogans.userLexicon', [...current, { phrase, category }], vscode.ConfigurationTarget.Global);
  vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: {0} added to your slogan lexicon.', phrase), 4000);
  return true;
}

async function ignorePhrase(argument?: unknown): Promise<boolean> {
  const phrase = phraseFrom(argument);
  if (!phrase) return false;
  const settings = zhdocSettings();
  const current = settings.inspect<string[]>('slogans.ignore')?.globalValue ?? [];
  if (!current.includes(phrase)) await settings.update('slogans.ignore', [...current, phrase], vscode.ConfigurationTarget.Global);
  vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: {0} will no longer be marked (zhdoc.slogans.ignore).', phrase), 4000);
  return true;
}

async function countInFolder(report: SloganReportSupport, counting: FolderCounting, given?: vscode.Uri): Promise<FolderSloganCount[] | undefined> {
  let folder = given instanceof vscode.Uri ? given : undefined;
  if (!folder) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) folder = folders[0]!.uri;
    else {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folders[0]?.uri, title: vscode.l10n.t('zhdoc: Count Slogans in Folder') });
      folder = picked?.[0];
    }
  }
  if (!folder) return undefined;
  const root = folder;
  const files = (await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.{txt,md,markdown,text}'), '**/{node_modules,.git}/**', 10_000))
    .sort((a, b) => a.path.localeCompare(b.path));
  const counts: FolderSloganCount[] = [];
  const cancelled = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('zhdoc: counting slogans in {0}', vscode.workspace.asRelativePath(root, false)), cancellable: true },
    async (progress, token) => {
      for (const [i, file] of files.entries()) {
        if (token.isCancellationRequested) return true;
        progress.report({ increment: 100 / Math.max(1, files.length), message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(file, false)}` });
        counts.push(await countFile(file, counting));
      }
      return false;
    },
  );
  if (cancelled) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: counting cancelled after {0} of {1} files.', counts.length, files.length), 5000);
  }
  if (counts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhdoc: no text files (.txt, .md) in {0}.', vscode.workspace.asRelativePath(root, false)));
    return counts;
  }
  report.showFolderReport(vscode.workspace.asRelativePath(root, false), counts);
  return counts;
}

/** A file's slogans as the editor would mark them if it were open: same settings, same options, same worker. */
async function countFile(file: vscode.Uri, counting: FolderCounting): Promise<FolderSloganCount> {
  try {
    const bytes = await vscode.workspace.fs.readFile(file);
    if (bytes.byteLength > MAX_FOLDER_FILE_BYTES) return { file, han: 0, slogans: [], skipped: vscode.l10n.t('skipped: larger than 20 MB') };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { file, han: 0, slogans: [], skipped: vscode.l10n.t('skipped: not UTF-8 text') };
    }
    const options = await analysisOptionsFor(file, counting.lexicon);
    const { han, slogans } = await counting.analysis.analyseText(text, ['han', 'slogans'], options);
    return { file, han, slogans };
  } catch (e) {
    return { file, han: 0, slogans: [], skipped: vscode.l10n.t('skipped: {0}', e instanceof Error ? e.message : String(e)) };
  }
}

