/** Shared steps of the integration suites: opening documents, running commands, waiting for effects. */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ZhdocApi } from '../../src/extension';

export const workspaceDir = (): string => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.env.ZHDOC_TEST_WORKSPACE!;

export async function zhdocApi(): Promise<ZhdocApi> {
  const extension = vscode.extensions.getExtension<ZhdocApi>('zhdoc.zhdoc');
  assert.ok(extension, 'zhdoc is installed in the extension host');
  return extension.activate();
}

/** Opens a new untitled document with `content` in an editor. */
let untitledCount = 0;

/**
 * Opens a new untitled document with `content` in an editor. Each gets a name of its own: VS Code reuses
 * Untitled-1 for the next untitled document, and the extension host can then briefly hand out the closed
 * document's object for the new one.
 */
export async function openUntitled(content: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  const name = `zhdoc-test-${++untitledCount}-${Date.now()}.${language === 'markdown' ? 'md' : 'txt'}`;
  let document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: join(workspaceDir(), name) }));
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((b) => {
    if (content.includes('\r\n')) b.setEndOfLine(vscode.EndOfLine.CRLF);
    b.insert(new vscode.Position(0, 0), content);
  });
  await waitFor('the new editor to be active', () => vscode.window.activeTextEditor?.document === document);
  return editor;
}

/** Writes `content` to a file of the test workspace and opens it. */
export async function openFile(name: string, content?: string | Buffer): Promise<vscode.TextEditor> {
  const path = join(workspaceDir(), name);
  if (content !== undefined) writeFileSync(path, content);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  return vscode.window.showTextDocument(document);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Reverts and closes every editor, so a test's unsaved changes never leak into the next. */
export async function discardAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && !document.isUntitled) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await closeAllEditors();
  // Closing a multi-megabyte document takes a moment; the next test must not see it as the active editor.
  await waitFor('all editors closed', () => vscode.window.visibleTextEditors.length === 0, 30_000);
}

export function select(editor: vscode.TextEditor, ...ranges: Array<[number, number]>): void {
  const doc = editor.document;
  editor.selections = ranges.map(([a, b]) => new vscode.Selection(doc.positionAt(a), doc.positionAt(b)));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  const [section, ...rest] = key.split('.');
  await vscode.workspace.getConfiguration(section).update(rest.join('.'), value, vscode.ConfigurationTarget.Global);
}

/** The markdown of every hover VS Code shows at `position`, joined. */
export async function hoverMarkdown(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

/** The hovers at `position` as a reader sees them: HTML tags and markdown escapes removed. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return (await hoverMarkdown(document, position)).replace(/<[^>]+>/g, '').replace(/\\(.)/g, '$1');
}
