/**
 * The HTML page of zhdoc's webviews (the slogan report and the corpus views): a strict Content Security Policy
 * that lets in only the extension's own stylesheet and one nonce'd script, so no document text can run or style.
 */
import * as vscode from 'vscode';
import { escapeHtml } from '../core/text';

export interface WebviewPage {
  /** Folder of the page's files, one of the webview's localResourceRoots. */
  readonly mediaRoot: vscode.Uri;
  /** File names in mediaRoot. */
  readonly css: string;
  readonly js: string;
  readonly title: string;
  /** Already escaped HTML. */
  readonly body: string;
}

export function webviewPageHtml(webview: vscode.Webview, page: WebviewPage): string {
  const nonce = makeNonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(page.mediaRoot, page.css));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(page.mediaRoot, page.js));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}; font-src ${webview.cspSource};`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css.toString()}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
${page.body}
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
