/**
 * zhdoc in the web extension host (vscode.dev, github.dev): the same composition root, its analysis in a Web
 * Worker, and heavy resources that still load on the extension host (conversion, pinyin) read from the
 * extension's own dist/vendor files on first use instead of required from disk.
 */
import * as vscode from 'vscode';
import { webAnalysisHost } from './analysis/webHost';
import { activate as activateZhdoc, type ZhdocApi } from './extension';
import { evaluateVendor, isVendorLoaded, VENDOR_DATA_FILES } from './web/vendorRegistry';
import { installResourceLoader, type VendorName } from './vscode/resources';

export function activate(context: vscode.ExtensionContext): ZhdocApi {
  const pending = new Map<VendorName, Promise<void>>();
  installResourceLoader(async (names) => {
    await Promise.all(
      names.filter((n) => !isVendorLoaded(n)).map((name) => {
        let loading = pending.get(name);
        if (!loading) {
          const read = (file: string): Promise<Uint8Array> => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'vendor', file)));
          const dataFile = VENDOR_DATA_FILES[name];
          loading = Promise.all([read(`${name}.js`), dataFile ? read(dataFile) : undefined]).then(([source, data]) => {
            evaluateVendor(name, new TextDecoder().decode(source), data);
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
