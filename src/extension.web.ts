/**
 * zhdoc in the web extension host (vscode.dev, github.dev): the same composition root, its analysis in a Web
 * Worker, and heavy resources that still load on the extension host (conversion, pinyin) read from the
 * extension's own dist/vendor and dist/data files on first use instead of required from disk.
 */
import * as vscode from 'vscode';
import { webAnalysisHost } from './analysis/webHost';
import { activate as activateZhdoc, type ZhdocApi } from './extension';
import { BINARY_VENDORS, unpackVendor } from './vendor/binaryVendor';
import { evaluateVendor, isVendorLoaded, registerVendor } from './web/vendorRegistry';
import { installResourceLoader, type VendorName } from './vscode/resources';

export function activate(context: vscode.ExtensionContext): ZhdocApi {
  const pending = new Map<VendorName, Promise<void>>();
  installResourceLoader(async (names) => {
    await Promise.all(
      names.filter((n) => !isVendorLoaded(n)).map((name) => {
        let loading = pending.get(name);
        if (!loading) {
          // The reading data and the glosses are binary files (src/vendor/binaryVendor.ts); the others JavaScript.
          loading = Object.hasOwn(BINARY_VENDORS, name)
            ? Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'data', `${name}.bin`))).then((bytes) => {
              registerVendor(name, unpackVendor(bytes));
            })
            : Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'vendor', `${name}.js`))).then((bytes) => {
              evaluateVendor(name, new TextDecoder().decode(bytes));
            });
          pending.set(name, loading);
        }
        return loading;
      }),
    );
  });
  return activateZhdoc(context, webAnalysisHost(context.extensionUri));
}

export { deactivate } from './extension';
