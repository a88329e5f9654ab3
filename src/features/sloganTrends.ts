/**
 * Slogan Trends: over a folder of dated documents (date from a sidecar, the file name, or the first date line),
 * each formula's frequency per year or month: a bar chart per formula (inline SVG with presentation attributes,
 * so the strict CSP needs no inline style or script), a table of counts with rates per 10,000 characters, and CSV.
 */
import * as vscode from 'vscode';
import { aggregateByPeriod, toCsv, type DatedCounts, type PeriodAggregation, type PeriodUnit, type PhraseSeries } from '../core/corpus';
import { escapeHtml } from '../core/text';
import { analyseSources, corpusFiles, corpusSettings } from '../vscode/corpusClient';
import { createCorpusPanel, exportButton, numCell, saveCsv, sortableTable, type CorpusPanel } from './corpusWebview';

/** Charts for the most frequent formulae only: past a dozen small charts nobody reads them; the table has all. */
const CHARTS = 12;
const CHART_HEIGHT = 90;
const BAR_WIDTH = 18;
const BAR_GAP = 4;

export interface TrendsArgument {
  readonly folder?: string | vscode.Uri;
  readonly unit?: PeriodUnit;
}

export interface TrendsResult extends PeriodAggregation {
  readonly folder: string;
  readonly dated: number;
  readonly undated: readonly string[];
  readonly skipped: number;
}

export interface SloganTrendsSupport extends vscode.Disposable {
  run(argument?: TrendsArgument | vscode.Uri): Promise<TrendsResult | undefined>;
  readonly panel: Pick<CorpusPanel, 'lastHtml' | 'handle'>;
}

export function registerSloganTrends(context: vscode.ExtensionContext): SloganTrendsSupport {
  let last: TrendsResult | undefined;
  const panel = createCorpusPanel(context, 'zhdoc.sloganTrends', async (message) => {
    if (message.type === 'export' && last) return saveCsv(trendsCsv(last), `slogan-trends-${last.unit}.csv`, (message as { target?: vscode.Uri }).target);
    if (message.type === 'occurrences' && typeof message.phrase === 'string' && last) {
      return vscode.commands.executeCommand('zhdoc.sloganConcordance', { phrase: message.phrase, scope: 'folder', uri: last.folder });
    }
    return undefined;
  });

  const run = async (given?: TrendsArgument | vscode.Uri): Promise<TrendsResult | undefined> => {
    const argument: TrendsArgument = given instanceof vscode.Uri ? { folder: given } : given ?? {};
    const folder = await folderFor(argument);
    if (!folder) return undefined;
    let unit = argument.unit;
    if (!unit) {
      const picked = await vscode.window.showQuickPick([{ label: vscode.l10n.t('Per year'), unit: 'year' as const }, { label: vscode.l10n.t('Per month'), unit: 'month' as const }], { title: vscode.l10n.t('zhdoc: Slogan Trends') });
      if (!picked) return undefined;
      unit = picked.unit;
    }
    const files = await corpusFiles(folder);
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhdoc: no text files (.txt, .md) in {0}.', vscode.workspace.asRelativePath(folder, false)));
      return undefined;
    }
    const outcomes = await analyseSources(files.map((uri) => ({ uri })), { settings: await corpusSettings(folder), dates: true }, vscode.l10n.t('zhdoc: slogan trends in {0}', vscode.workspace.asRelativePath(folder, false)));
    if (!outcomes) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: trends cancelled.'), 4000);
      return undefined;
    }
    const dated: DatedCounts[] = [];
    const undated: string[] = [];
    let skipped = 0;
    for (const o of outcomes) {
      if (!o.result) skipped++;
      else if (!o.result.date) undated.push(vscode.workspace.asRelativePath(o.uri, false));
      else dated.push({ date: o.result.date, han: o.result.han, slogans: o.result.slogans });
    }
    last = { ...aggregateByPeriod(dated, unit), folder: folder.toString(), dated: dated.length, undated, skipped };
    panel.show(vscode.l10n.t('Slogan trends: {0}', vscode.workspace.asRelativePath(folder, false)), trendsBody(last, vscode.workspace.asRelativePath(folder, false)));
    return last;
  };
  const command = vscode.commands.registerCommand('zhdoc.sloganTrends', (argument?: TrendsArgument | vscode.Uri) => run(argument));
  return {
    run,
    panel,
    dispose: () => {
      command.dispose();
      panel.dispose();
    },
  };
}

async function folderFor(argument: TrendsArgument): Promise<vscode.Uri | undefined> {
  if (argument.folder) return typeof argument.folder === 'string' ? vscode.Uri.parse(argument.folder) : argument.folder;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  return (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: folders[0]?.uri, title: vscode.l10n.t('zhdoc: Slogan Trends: folder of dated documents') }))?.[0];
}

export function trendsCsv(result: TrendsResult): string {
  const rows: Array<Array<string | number>> = [['phrase', 'kind', 'period', 'count', 'documents', 'han_chars', 'per_10000']];
  for (const s of result.series) {
    result.periods.forEach((p, i) => rows.push([s.phrase, s.kind, p, s.counts[i]!, result.documents[i]!, result.han[i]!, Math.round(s.rates[i]! * 1000) / 1000]));
  }
  return toCsv(rows);
}

/** One bar per period, its height the count; the count and rate in the bar's tooltip and under it. */
function chart(series: PhraseSeries, periods: readonly string[]): string {
  const max = Math.max(1, ...series.counts);
  const top = 14;
  const labels = 28;
  const width = periods.length * (BAR_WIDTH + BAR_GAP) + BAR_GAP;
  const bars = periods.map((p, i) => {
    const count = series.counts[i]!;
    const h = Math.round(((CHART_HEIGHT - top) * count) / max);
    const x = BAR_GAP + i * (BAR_WIDTH + BAR_GAP);
    const y = CHART_HEIGHT - h;
    return `<rect class="bar ${series.kind === 'known' ? 'known' : 'discovered'}" data-period="${escapeHtml(p)}" data-count="${count}" x="${x}" y="${y}" width="${BAR_WIDTH}" height="${h}"><title>${escapeHtml(`${p}: ${count} (${series.rates[i]!.toFixed(2)} / 10,000)`)}</title></rect>` +
      (count > 0 ? `<text x="${x + BAR_WIDTH / 2}" y="${y - 3}" text-anchor="middle">${count}</text>` : '') +
      `<text x="${x + BAR_WIDTH / 2}" y="${CHART_HEIGHT + 12}" text-anchor="middle">${escapeHtml(p.length > 4 ? p.slice(2) : p)}</text>`;
  }).join('');
  return `<figure><figcaption><a class="occurrences" tabindex="0" data-phrase="${escapeHtml(series.phrase)}">${escapeHtml(series.phrase)}</a> ×${series.total}</figcaption>` +
    `<svg class="trend" role="img" aria-label="${escapeHtml(series.phrase)}" data-phrase="${escapeHtml(series.phrase)}" width="${width}" height="${CHART_HEIGHT + labels}" viewBox="0 0 ${width} ${CHART_HEIGHT + labels}">` +
    `<line x1="0" y1="${CHART_HEIGHT}" x2="${width}" y2="${CHART_HEIGHT}"></line>${bars}</svg></figure>`;
}

function trendsBody(result: TrendsResult, folder: string): string {
  const headers = [{ label: vscode.l10n.t('Phrase') }, { label: vscode.l10n.t('Total'), numeric: true }, ...result.periods.map((p) => ({ label: p, numeric: true }))];
  const rows = result.series.map((s) => `<tr><td><a class="occurrences" tabindex="0" data-phrase="${escapeHtml(s.phrase)}">${escapeHtml(s.phrase)}</a></td>${numCell(s.total)}${s.counts.map((c) => numCell(c)).join('')}</tr>`);
  const docsRow = `<tr class="note"><td>${escapeHtml(vscode.l10n.t('Documents'))}</td><td></td>${result.documents.map((d) => `<td class="num">${d}</td>`).join('')}</tr>`;
  const hanRow = `<tr class="note"><td>${escapeHtml(vscode.l10n.t('Han characters'))}</td><td></td>${result.han.map((d) => `<td class="num">${d}</td>`).join('')}</tr>`;
  const notes = [
    result.undated.length ? vscode.l10n.t('{0} documents without a date (name, first date line or sidecar): {1}', result.undated.length, result.undated.slice(0, 20).join(', ') + (result.undated.length > 20 ? ' …' : '')) : '',
    result.undatedForUnit ? vscode.l10n.t('{0} documents dated by year only are left out of the months.', result.undatedForUnit) : '',
    result.skipped ? vscode.l10n.t('{0} files skipped.', result.skipped) : '',
  ].filter((n) => n);
  return `<h1>${escapeHtml(vscode.l10n.t('Slogan trends in {0}', folder))}</h1>
<p class="summary">${escapeHtml(vscode.l10n.t('{0} dated documents, {1} periods ({2}), {3} distinct phrases.', result.dated, result.periods.length, result.unit === 'year' ? vscode.l10n.t('per year') : vscode.l10n.t('per month'), result.series.length))}</p>
${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n')}
${exportButton(vscode.l10n.t('Export CSV'))}
${result.series.length === 0 ? `<p>${escapeHtml(vscode.l10n.t('No slogans in the dated documents.'))}</p>` : `<h2>${escapeHtml(vscode.l10n.t('Count per period'))}</h2>
<div class="charts">${result.series.slice(0, CHARTS).map((s) => chart(s, result.periods)).join('\n')}</div>
<h2>${escapeHtml(vscode.l10n.t('All phrases'))}</h2>
${sortableTable(headers, [...rows, docsRow, hanRow])}`}`;
}
