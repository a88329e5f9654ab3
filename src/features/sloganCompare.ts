/**
 * Compare Slogans…: the active document against another, two folders, or two periods of a dated folder.
 * Formulae only in A, only in B, and in both, with counts per 10,000 characters and log-likelihood keyness,
 * in sortable tables; a phrase opens its occurrences on both sides (the concordance); Export CSV.
 */
import * as vscode from 'vscode';
import { compareCounts, LL_SIGNIFICANT_05, periodOf, sumPhraseCounts, toCsv, type KeynessComparison, type KeynessRow } from '../core/corpus';
import { escapeHtml } from '../core/text';
import { analyseSources, corpusFiles, corpusSettings, type CorpusFileOutcome, type CorpusSource } from '../vscode/corpusClient';
import { createCorpusPanel, exportButton, numCell, saveCsv, sortableTable, type CorpusPanel } from './corpusWebview';
import type { SloganConcordanceSupport } from './sloganConcordance';

type Side = ReadonlyArray<string | vscode.Uri> | string | vscode.Uri;

export interface CompareArgument {
  /** Side A: files, a folder, or 'active' (the active document); side B likewise. */
  readonly a?: Side | 'active';
  readonly b?: Side;
  readonly labelA?: string;
  readonly labelB?: string;
}

export interface CompareResult extends KeynessComparison {
  readonly labelA: string;
  readonly labelB: string;
  readonly documentsA: number;
  readonly documentsB: number;
}

export interface SloganCompareSupport extends vscode.Disposable {
  run(argument?: CompareArgument): Promise<CompareResult | undefined>;
  readonly panel: Pick<CorpusPanel, 'lastHtml' | 'handle'>;
}

interface ResolvedSide {
  readonly label: string;
  readonly sources: CorpusSource[];
}

export function registerSloganCompare(context: vscode.ExtensionContext, concordance: SloganConcordanceSupport): SloganCompareSupport {
  let last: { result: CompareResult; uris: string[] } | undefined;
  const panel = createCorpusPanel(context, 'zhdoc.sloganCompare', async (message) => {
    if (!last) return undefined;
    if (message.type === 'occurrences' && typeof message.phrase === 'string') return concordance.run({ phrase: message.phrase, uris: last.uris });
    if (message.type === 'export') return saveCsv(compareCsv(last.result), 'slogans-compare.csv', (message as { target?: vscode.Uri }).target);
    return undefined;
  });

  const run = async (argument?: CompareArgument): Promise<CompareResult | undefined> => {
    const sides = argument?.a !== undefined && argument.b !== undefined ? await givenSides(argument) : await pickSides();
    if (!sides) return undefined;
    const [a, b] = sides;
    if (a.sources.length === 0 || b.sources.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhdoc: nothing to compare: one side has no text files.'));
      return undefined;
    }
    const all = [...a.sources, ...b.sources];
    const outcomes = await analyseSources(all, { settings: await corpusSettings(all[0]!.uri) }, vscode.l10n.t('zhdoc: comparing slogans'));
    if (!outcomes) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: comparison cancelled.'), 4000);
      return undefined;
    }
    const sideA = outcomes.slice(0, a.sources.length);
    const sideB = outcomes.slice(a.sources.length);
    const result = compareSides(a.label, sideA, b.label, sideB);
    last = { result, uris: all.map((s) => s.uri.toString()) };
    panel.show(vscode.l10n.t('Compare: {0} ↔ {1}', a.label, b.label), compareBody(result));
    return result;
  };

  const command = vscode.commands.registerCommand('zhdoc.compareSlogans', (argument?: CompareArgument) => run(argument));
  return {
    run,
    panel,
    dispose: () => {
      command.dispose();
      panel.dispose();
    },
  };
}

function compareSides(labelA: string, a: readonly CorpusFileOutcome[], labelB: string, b: readonly CorpusFileOutcome[]): CompareResult {
  const size = (side: readonly CorpusFileOutcome[]): number => side.reduce((n, o) => n + (o.result?.han ?? 0), 0);
  const counts = (side: readonly CorpusFileOutcome[]) => sumPhraseCounts(side.flatMap((o) => (o.result ? [o.result.slogans] : [])));
  const comparison = compareCounts(counts(a), size(a), counts(b), size(b));
  return { ...comparison, labelA, labelB, documentsA: a.filter((o) => o.result).length, documentsB: b.filter((o) => o.result).length };
}

const toUri = (u: string | vscode.Uri): vscode.Uri => (typeof u === 'string' ? vscode.Uri.parse(u) : u);

async function sideSources(side: Side | 'active'): Promise<ResolvedSide | undefined> {
  if (side === 'active') {
    const document = vscode.window.activeTextEditor?.document;
    return document ? { label: vscode.workspace.asRelativePath(document.uri, false), sources: [{ uri: document.uri, text: document.getText() }] } : undefined;
  }
  const uris = (Array.isArray(side) ? side : [side]).map((u) => toUri(u as string | vscode.Uri));
  const sources: CorpusSource[] = [];
  for (const uri of uris) {
    let folder = false;
    try {
      folder = (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.Directory;
    } catch {
      // a missing file is reported as skipped by the analysis
    }
    if (folder) sources.push(...(await corpusFiles(uri)).map(openOrFile));
    else sources.push(openOrFile(uri));
  }
  const label = uris.length === 1 ? vscode.workspace.asRelativePath(uris[0]!, false) : vscode.l10n.t('{0} files', uris.length);
  return { label, sources };
}

function openOrFile(uri: vscode.Uri): CorpusSource {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? { uri, text: open.getText() } : { uri };
}

async function givenSides(argument: CompareArgument): Promise<[ResolvedSide, ResolvedSide] | undefined> {
  const a = await sideSources(argument.a!);
  const b = await sideSources(argument.b!);
  if (!a || !b) return undefined;
  return [argument.labelA ? { ...a, label: argument.labelA } : a, argument.labelB ? { ...b, label: argument.labelB } : b];
}

async function pickSides(): Promise<[ResolvedSide, ResolvedSide] | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const modes = [
    ...(active ? [{ label: vscode.l10n.t('Active document and another document…'), mode: 'document' as const }] : []),
    { label: vscode.l10n.t('Two folders…'), mode: 'folders' as const },
    { label: vscode.l10n.t('Two periods of a folder of dated documents…'), mode: 'periods' as const },
  ];
  const picked = await vscode.window.showQuickPick(modes, { title: vscode.l10n.t('zhdoc: Compare Slogans'), placeHolder: vscode.l10n.t('What to compare') });
  if (!picked) return undefined;
  const defaultUri = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (picked.mode === 'document') {
    const other = await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: false, canSelectMany: false, defaultUri, filters: { [vscode.l10n.t('Text')]: ['txt', 'md', 'markdown', 'text'] }, title: vscode.l10n.t('zhdoc: Compare {0} with…', vscode.workspace.asRelativePath(active!.uri, false)) });
    if (!other?.[0]) return undefined;
    return givenSides({ a: 'active', b: other[0] });
  }
  if (picked.mode === 'folders') {
    const first = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri, title: vscode.l10n.t('zhdoc: Compare Slogans: first folder (A)') });
    if (!first?.[0]) return undefined;
    const second = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri, title: vscode.l10n.t('zhdoc: Compare Slogans: second folder (B)') });
    if (!second?.[0]) return undefined;
    return givenSides({ a: first[0], b: second[0] });
  }
  const folder = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri, title: vscode.l10n.t('zhdoc: Compare Slogans: folder of dated documents') });
  if (!folder?.[0]) return undefined;
  const files = await corpusFiles(folder[0]);
  // Dating needs the files' first lines and sidecars: one pass in the worker, slogans are counted again per side.
  const outcomes = await analyseSources(files.map((uri) => ({ uri })), { settings: await corpusSettings(folder[0]), dates: true }, vscode.l10n.t('zhdoc: reading dates'));
  if (!outcomes) return undefined;
  const byYear = new Map<string, vscode.Uri[]>();
  for (const o of outcomes) {
    const year = o.result?.date ? periodOf(o.result.date, 'year') : undefined;
    if (year) byYear.set(year, [...(byYear.get(year) ?? []), o.uri]);
  }
  const years = [...byYear.keys()].sort();
  if (years.length < 2) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhdoc: the folder has dated documents of fewer than two years.'));
    return undefined;
  }
  const items = years.map((y) => ({ label: y, description: vscode.l10n.t('{0} documents', byYear.get(y)!.length) }));
  const pickA = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('zhdoc: Compare Slogans: period A (years)') });
  if (!pickA?.length) return undefined;
  const pickB = await vscode.window.showQuickPick(items.filter((i) => !pickA.includes(i)), { canPickMany: true, title: vscode.l10n.t('zhdoc: Compare Slogans: period B (years)') });
  if (!pickB?.length) return undefined;
  const label = (p: readonly { label: string }[]): string => p.map((i) => i.label).join(', ');
  return givenSides({ a: pickA.flatMap((i) => byYear.get(i.label)!), b: pickB.flatMap((i) => byYear.get(i.label)!), labelA: label(pickA), labelB: label(pickB) });
}

export function compareCsv(result: CompareResult): string {
  const rows: Array<Array<string | number>> = [['phrase', 'kind', 'group', 'count_a', 'per_10000_a', 'count_b', 'per_10000_b', 'log_likelihood', 'overused_in']];
  for (const r of result.rows) rows.push([r.phrase, r.kind, r.group, r.countA, round(r.rateA), r.countB, round(r.rateB), round(r.logLikelihood), r.direction === 'equal' ? '' : r.direction]);
  return toCsv(rows);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function compareBody(result: CompareResult): string {
  const kind = (k: string): string => (k === 'known' ? vscode.l10n.t('known') : vscode.l10n.t('discovered'));
  const headers = [
    { label: vscode.l10n.t('Phrase') },
    { label: vscode.l10n.t('Kind') },
    { label: vscode.l10n.t('Count in A'), numeric: true },
    { label: vscode.l10n.t('Per 10,000 in A'), numeric: true },
    { label: vscode.l10n.t('Count in B'), numeric: true },
    { label: vscode.l10n.t('Per 10,000 in B'), numeric: true },
    { label: vscode.l10n.t('Log-likelihood'), numeric: true },
  ];
  const row = (r: KeynessRow): string =>
    `<tr data-group="${r.group}" data-key="${escapeHtml(r.key)}"><td><a class="occurrences" tabindex="0" data-phrase="${escapeHtml(r.phrase)}">${escapeHtml(r.phrase)}</a></td><td>${escapeHtml(kind(r.kind))}</td>` +
    numCell(r.countA) + numCell(r.rateA, r.rateA.toFixed(2)) + numCell(r.countB) + numCell(r.rateB, r.rateB.toFixed(2)) +
    `<td class="num${r.logLikelihood >= LL_SIGNIFICANT_05 ? ' significant' : ''}" data-sort="${r.logLikelihood}">${escapeHtml(r.logLikelihood.toFixed(2))}${r.direction === 'equal' ? '' : ` ${r.direction === 'A' ? '▲A' : '▲B'}`}</td></tr>`;
  const section = (title: string, group: KeynessRow['group']): string => {
    const rows = result.rows.filter((r) => r.group === group);
    return `<h2>${escapeHtml(title)} (${rows.length})</h2>${rows.length ? sortableTable(headers, rows.map(row), `group-${group}`) : `<p class="note">${escapeHtml(vscode.l10n.t('None.'))}</p>`}`;
  };
  return `<h1>${escapeHtml(vscode.l10n.t('Slogans: {0} ↔ {1}', result.labelA, result.labelB))}</h1>
<p class="summary">${escapeHtml(vscode.l10n.t('A: {0} ({1} documents, {2} Han characters). B: {3} ({4} documents, {5} Han characters).', result.labelA, result.documentsA, result.sizeA, result.labelB, result.documentsB, result.sizeB))}</p>
<p class="note">${escapeHtml(vscode.l10n.t('Rates are per 10,000 Han characters. Log-likelihood (G²) above 3.84 is significant at p < 0.05 (bold); ▲ marks the side that uses the phrase more. Click a phrase for its occurrences, a column header to sort.'))}</p>
${exportButton(vscode.l10n.t('Export CSV'))}
${section(vscode.l10n.t('Only in A: {0}', result.labelA), 'onlyA')}
${section(vscode.l10n.t('Only in B: {0}', result.labelB), 'onlyB')}
${section(vscode.l10n.t('In both'), 'both')}`;
}
