/**
 * Show Slogan Report: a webview with a frequency chart and a table of the document's slogans, and the report of
 * Count Slogans in Folder. Strict content security policy with a nonce, no remote resources, and every piece of
 * document text HTML-escaped, so a document holding `<script>` shows it as text. The CSP blocks inline `style`
 * attributes, so each bar carries its length as data-share and the nonce'd script sets its width.
 */
import * as vscode from 'vscode';
import { sloganCoverage, type Slogan } from '../core/slogans';
import { escapeHtml } from '../core/text';
import type { SloganModel } from '../vscode/sloganModel';
import { webviewPageHtml } from '../vscode/webviewPage';

export interface FolderSloganCount {
  readonly file: vscode.Uri;
  readonly han: number;
  readonly slogans: readonly Slogan[];
  /** Why the file was skipped (not UTF-8, too large), if it was. */
  readonly skipped?: string;
}

export interface SloganReportSupport extends vscode.Disposable {
  /** Opens (or refreshes) the report of the active document. */
  showDocumentReport(document: vscode.TextDocument): Promise<string>;
  /** Opens the report of a folder count. */
  showFolderReport(folder: string, counts: readonly FolderSloganCount[]): string;
  /** The HTML last rendered (for tests). */
  lastHtml(): string | undefined;
}

const TOP_IN_CHART = 30;

export function registerSloganReport(context: vscode.ExtensionContext, model: SloganModel): SloganReportSupport {
  let panel: vscode.WebviewPanel | undefined;
  let last: string | undefined;
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media', 'webview');

  const ensurePanel = (title: string): vscode.WebviewPanel => {
    if (!panel) {
      panel = vscode.window.createWebviewPanel('zhdoc.sloganReport', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [mediaRoot],
      });
      panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'slogans.svg');
      panel.onDidDispose(() => (panel = undefined));
      panel.webview.onDidReceiveMessage((message: { type?: string; uri?: string; offset?: number; length?: number }) => {
        if (message?.type === 'reveal' && typeof message.uri === 'string' && Number.isInteger(message.offset) && Number.isInteger(message.length)) {
          void vscode.commands.executeCommand('zhdoc.revealSlogan', { uri: message.uri, offset: message.offset, length: message.length });
        }
      });
    }
    panel.title = title;
    return panel;
  };

  const render = (title: string, body: string): string => {
    const p = ensurePanel(title);
    const webview = p.webview;
    const html = webviewPageHtml(webview, { mediaRoot, css: 'report.css', js: 'report.js', title, body });
    webview.html = html;
    p.reveal(vscode.ViewColumn.Beside, true);
    last = html;
    return html;
  };

  return {
    async showDocumentReport(document) {
      const slogans = await model.get(document);
      const name = vscode.workspace.asRelativePath(document.uri, false);
      return render(vscode.l10n.t('Slogans: {0}', name), documentReportBody(document, name, slogans));
    },
    showFolderReport(folder, counts) {
      return render(vscode.l10n.t('Slogans in {0}', folder), folderReportBody(folder, counts));
    },
    lastHtml: () => last,
    dispose: () => panel?.dispose(),
  };
}

function documentReportBody(document: vscode.TextDocument, name: string, slogans: readonly Slogan[]): string {
  const coverage = sloganCoverage(document.getText(), slogans);
  const known = slogans.filter((s) => s.kind === 'known').length;
  const occurrences = slogans.reduce((n, s) => n + s.count, 0);
  const max = Math.max(1, ...slogans.map((s) => s.count));
  const uri = escapeHtml(document.uri.toString());
  const reveal = (s: Slogan): string => {
    const o = s.occurrences[0]!;
    return `<a class="reveal" tabindex="0" data-uri="${uri}" data-offset="${o.offset}" data-length="${o.length}">${escapeHtml(s.phrase)}</a>`;
  };
  const chart = slogans.slice(0, TOP_IN_CHART).map((s) => `<div class="label">${reveal(s)}</div><div class="bar ${s.kind}" data-share="${((100 * s.count) / max).toFixed(1)}"></div><div class="count">${s.count}</div>`).join('\n');
  const rows = slogans.map((s, i) => {
    const line = document.positionAt(s.occurrences[0]!.offset).line + 1;
    const kind = s.kind === 'known' ? vscode.l10n.t('known') : vscode.l10n.t('discovered');
    return `<tr><td class="num">${i + 1}</td><td>${reveal(s)}</td><td>${escapeHtml(kind)}</td><td>${escapeHtml(s.category ?? '')}</td><td class="num">${s.year ?? ''}</td><td class="num">${s.count}</td><td class="num">${line}</td><td>${escapeHtml(s.source ?? '')}</td></tr>`;
  }).join('\n');
  return `<h1>${escapeHtml(vscode.l10n.t('Slogans in {0}', name))}</h1>
<p class="summary">${escapeHtml(vscode.l10n.t('{0} phrases ({1} known, {2} discovered), {3} occurrences; marked text is {4}% of the document.', slogans.length, known, slogans.length - known, occurrences, (100 * coverage.share).toFixed(1)))}
<span class="legend"><span class="known"></span>${escapeHtml(vscode.l10n.t('known'))}<span class="discovered"></span>${escapeHtml(vscode.l10n.t('discovered'))}</span></p>
${slogans.length === 0 ? `<p>${escapeHtml(vscode.l10n.t('No repeated slogans found in this document.'))}</p>` : `<h2>${escapeHtml(vscode.l10n.t('Frequency'))}</h2>
<div class="chart" role="list">${chart}</div>
<h2>${escapeHtml(vscode.l10n.t('All phrases'))}</h2>
<table><thead><tr><th>#</th><th>${escapeHtml(vscode.l10n.t('Phrase'))}</th><th>${escapeHtml(vscode.l10n.t('Kind'))}</th><th>${escapeHtml(vscode.l10n.t('Category'))}</th><th>${escapeHtml(vscode.l10n.t('Year'))}</th><th>${escapeHtml(vscode.l10n.t('Count'))}</th><th>${escapeHtml(vscode.l10n.t('First line'))}</th><th>${escapeHtml(vscode.l10n.t('Source'))}</th></tr></thead>
<tbody>${rows}</tbody></table>`}`;
}

function folderReportBody(folder: string, counts: readonly FolderSloganCount[]): string {
  const totals = new Map<string, { phrase: string; kind: string; count: number; files: number }>();
  for (const c of counts) {
    for (const s of c.slogans) {
      const t = totals.get(s.key) ?? { phrase: s.phrase, kind: s.kind, count: 0, files: 0 };
      t.count += s.count;
      t.files += 1;
      totals.set(s.key, t);
    }
  }
  const top = [...totals.values()].sort((a, b) => b.count - a.count || b.files - a.files);
  const max = Math.max(1, ...top.map((t) => t.count));
  const chart = top.slice(0, TOP_IN_CHART).map((t) => `<div class="label">${escapeHtml(t.phrase)}</div><div class="bar ${t.kind}" data-share="${((100 * t.count) / max).toFixed(1)}"></div><div class="count">${t.count}</div>`).join('\n');
  const fileRows = counts.map((c) => {
    const name = escapeHtml(vscode.workspace.asRelativePath(c.file, false));
    if (c.skipped) return `<tr><td>${name}</td><td colspan="4" class="note">${escapeHtml(c.skipped)}</td></tr>`;
    const occurrences = c.slogans.reduce((n, s) => n + s.count, 0);
    const per1000 = c.han ? ((1000 * occurrences) / c.han).toFixed(1) : '0';
    const leading = c.slogans.slice(0, 5).map((s) => `${escapeHtml(s.phrase)} ×${s.count}`).join('、');
    return `<tr><td>${name}</td><td class="num">${c.han}</td><td class="num">${occurrences}</td><td class="num">${per1000}</td><td>${leading}</td></tr>`;
  }).join('\n');
  const totalRows = top.map((t) => `<tr><td>${escapeHtml(t.phrase)}</td><td>${escapeHtml(t.kind === 'known' ? vscode.l10n.t('known') : vscode.l10n.t('discovered'))}</td><td class="num">${t.count}</td><td class="num">${t.files}</td></tr>`).join('\n');
  return `<h1>${escapeHtml(vscode.l10n.t('Slogans in {0}', folder))}</h1>
<p class="summary">${escapeHtml(vscode.l10n.t('{0} files, {1} distinct phrases.', counts.length, top.length))}</p>
<h2>${escapeHtml(vscode.l10n.t('Frequency across the folder'))}</h2>
<div class="chart">${chart}</div>
<h2>${escapeHtml(vscode.l10n.t('Per file'))}</h2>
<table><thead><tr><th>${escapeHtml(vscode.l10n.t('File'))}</th><th>${escapeHtml(vscode.l10n.t('Han characters'))}</th><th>${escapeHtml(vscode.l10n.t('Occurrences'))}</th><th>${escapeHtml(vscode.l10n.t('Per 1,000 characters'))}</th><th>${escapeHtml(vscode.l10n.t('Most frequent'))}</th></tr></thead><tbody>${fileRows}</tbody></table>
<h2>${escapeHtml(vscode.l10n.t('All phrases'))}</h2>
<table><thead><tr><th>${escapeHtml(vscode.l10n.t('Phrase'))}</th><th>${escapeHtml(vscode.l10n.t('Kind'))}</th><th>${escapeHtml(vscode.l10n.t('Count'))}</th><th>${escapeHtml(vscode.l10n.t('Files'))}</th></tr></thead><tbody>${totalRows}</tbody></table>`;
}
