/**
 * zhdoc in the web extension host (vscode.dev, github.dev): the same composition root, its analysis in a Web
 * Worker, and heavy resources that still load on the extension host (conversion, pinyin) read from the
 * extension's own dist/vendor and dist/data files on first use instead of required from disk.
 */
import * as vscode from 'vscode';
import { webAnalysisHost } from './analysis/webHost';
import { activate as activateZhdoc, type ZhdocApi } from './extension';
import { BINARY_VENDORS, unpackVendor } from './vendor/binaryVendor';
import { evaluateVendor, isVendorLoaded, registerVendor, VENDOR_DATA_FILES } from './web/vendorRegistry';
import { installResourceLoader, type VendorName } from './vscode/resources';

export function activate(context: vscode.ExtensionContext): ZhdocApi {
  const pending = new Map<VendorName, Promise<void>>();
  installResourceLoader(async (names) => {
    await Promise.all(
      names.filter((n) => !isVendorLoaded(n)).map((name) => {
        let loading = pending.get(name);
        if (!loading) {
          const read = (dir: string, file: string): Promise<Uint8Array> => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', dir, file)));
          // The reading data and the glosses are binary files (src/vendor/binaryVendor.ts); the others JavaScript,
          // OpenCC's with its compiled dictionaries beside it (VENDOR_DATA_FILES).
          const dataFile = VENDOR_DATA_FILES[name];
          loading = Object.hasOwn(BINARY_VENDORS, name)
            ? read('data', `${name}.bin`).then((bytes) => {
              registerVendor(name, unpackVendor(bytes));
            })
            : Promise.all([read('vendor', `${name}.js`), dataFile ? read('vendor', dataFile) : undefined]).then(([source, data]) => {
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
