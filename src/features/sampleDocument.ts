/**
 * Open Sample Page: the sample Chinese web page zhdoc ships (a Traditional re-post with stray Simplified
 * characters, a web header and footer, repeated slogans), as a new untitled document so the walkthrough can
 * show every capability on it without touching a file.
 */
import * as vscode from 'vscode';

export function registerSampleDocument(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('zhdoc.openSample', async () => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'samples', 'sample-article.txt'));
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: new TextDecoder().decode(bytes) });
    return vscode.window.showTextDocument(document);
  });
}
