/**
 * zhdoc in the web extension host (vscode.dev, github.dev): the same composition root, with heavy resources
 * read from the extension's own dist/vendor files on first use instead of required from disk.
 */
import * as vscode from 'vscode';
import { activate as activateZhdoc, type ZhdocApi } from './extension';
import { evaluateVendor, isVendorLoaded } from './web/vendorRegistry';
import { installResourceLoader, type VendorName } from './vscode/resources';

export function activate(context: vscode.ExtensionContext): ZhdocApi {
  const pending = new Map<VendorName, Promise<void>>();
  installResourceLoader(async (names) => {
    await Promise.all(
      names.filter((n) => !isVendorLoaded(n)).map((name) => {
        let loading = pending.get(name);
        if (!loading) {
          loading = Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'vendor', `${name}.js`))).then((bytes) => {
            evaluateVendor(name, new TextDecoder().decode(bytes));
          });
          pending.set(name, loading);
        }
        return loading;
      }),
    );
  });
  return activateZhdoc(context);
}

export { deactivate } from './extension';
