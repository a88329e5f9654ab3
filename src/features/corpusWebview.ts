/**
 * The webview panels of the corpus commands (Compare, Concordance, Trends): a strict content security policy
 * with a nonce (no inline styles, no remote resources; charts are inline SVG drawn with presentation attributes),
 * every piece of document text HTML-escaped, and one message handler for what the page asks: reveal a place,
 * export CSV, open a phrase's concordance.
 */
import * as vscode from 'vscode';
import { escapeHtml } from '../core/text';
import { webviewPageHtml } from '../vscode/webviewPage';

export interface CorpusPanelMessage {
  readonly type?: string;
  readonly uri?: string;
  readonly offset?: number;
  readonly length?: number;
  readonly phrase?: string;
  readonly side?: string;
}

export interface CorpusPanel extends vscode.Disposable {
  /** Shows `body` (HTML built with escapeHtml) under `title`; returns the page's full HTML. */
  show(title: string, body: string): string;
  lastHtml(): string | undefined;
  /** Handles a message as if the page had posted it (the page's script posts exactly these). */
  handle(message: CorpusPanelMessage): Promise<unknown>;
}

export function createCorpusPanel(context: vscode.ExtensionContext, viewType: string, onMessage: (message: CorpusPanelMessage) => Promise<unknown>): CorpusPanel {
  let panel: vscode.WebviewPanel | undefined;
  let last: string | undefined;
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media', 'webview');
  const handle = async (message: CorpusPanelMessage): Promise<unknown> => {
    if (message?.type === 'reveal' && typeof message.uri === 'string' && Number.isInteger(message.offset) && Number.isInteger(message.length)) {
      return vscode.commands.executeCommand('zhdoc.revealSlogan', { uri: message.uri, offset: message.offset, length: message.length });
    }
    return onMessage(message);
  };
  const ensure = (title: string): vscode.WebviewPanel => {
    if (!panel) {
      panel = vscode.window.createWebviewPanel(viewType, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [mediaRoot],
        retainContextWhenHidden: true,
      });
      panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'slogans.svg');
      panel.onDidDispose(() => (panel = undefined));
      panel.webview.onDidReceiveMessage((m: CorpusPanelMessage) => {
        handle(m).catch((e: unknown) => void vscode.window.showErrorMessage(vscode.l10n.t('zhdoc: {0}', e instanceof Error ? e.message : String(e))));
      });
    }
    panel.title = title;
    return panel;
  };
  return {
    show(title, body) {
      const p = ensure(title);
      const webview = p.webview;
      const html = webviewPageHtml(webview, { mediaRoot, css: 'corpus.css', js: 'corpus.js', title, body });
      webview.html = html;
      p.reveal(vscode.ViewColumn.Beside, true);
      last = html;
      return html;
    },
    lastHtml: () => last,
    handle,
    dispose: () => panel?.dispose(),
  };
}

/** A sortable table: the page's script sorts by a header click (or Enter), numbers by `data-sort`. */
export function sortableTable(headers: ReadonlyArray<{ label: string; numeric?: boolean }>, rows: readonly string[], id?: string): string {
  const head = headers.map((h, i) => `<th tabindex="0" data-column="${i}"${h.numeric ? ' data-numeric="1"' : ''}>${escapeHtml(h.label)}</th>`).join('');
  return `<table class="sortable"${id ? ` id="${escapeHtml(id)}"` : ''}><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** A numeric cell that sorts by its exact value. */
export function numCell(value: number, shown: string = String(value)): string {
  return `<td class="num" data-sort="${Number.isFinite(value) ? value : 0}">${escapeHtml(shown)}</td>`;
}

export function exportButton(label: string): string {
  return `<p><button type="button" class="export">${escapeHtml(label)}</button></p>`;
}

/** Asks where to save a CSV (unless `target` is given) and writes it; returns the file, or undefined when cancelled. */
export async function saveCsv(csv: string, defaultName: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let file = target;
  if (!file) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    file = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined, filters: { CSV: ['csv'] }, title: vscode.l10n.t('zhdoc: Export CSV') });
    if (!file) return undefined;
  }
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(csv));
  vscode.window.setStatusBarMessage(vscode.l10n.t('zhdoc: exported to {0}', vscode.workspace.asRelativePath(file, false)), 4000);
  return file;
}
