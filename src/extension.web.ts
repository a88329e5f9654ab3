/**
 * zhdoc in the web extension host (vscode.dev, github.dev): the same composition root, its analysis in a Web
 * Worker, and heavy resources that still load on the extension host (conversion, pinyin) read from the
 * extension's own dist/vendor and dist/data files on first use instead of required from disk.
 */
import * as vscode from 'vscode';
import { webAnalysisHost } from './analysis/webHost';
import { activate as activateZhdoc, type ZhdocApi } from './extension';
import { installVendorFiles, readVendorFiles } from './web/vendorFiles';
import { isVendorLoaded } from './web/vendorRegistry';
import { installResourceLoader, type VendorName } from './vscode/resources';

export function activate(context: vscode.ExtensionContext): ZhdocApi {
  const pending = new Map<VendorName, Promise<void>>();
  installResourceLoader(async (names) => {
    await Promise.all(
      names.filter((n) => !isVendorLoaded(n)).map((name) => {
        let loading = pending.get(name);
        if (!loading) {
          loading = readVendorFiles(name, (path) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', path))))
            .then((files) => installVendorFiles(name, files));
          // A failed read is tried again by the next caller instead of failing every later one.
          loading.catch(() => pending.delete(name));
          pending.set(name, loading);
        }
        return loading;
      }),
    );
  });
  return activateZhdoc(context, webAnalysisHost(context.extensionUri));
}

export { deactivate } from './extension';
