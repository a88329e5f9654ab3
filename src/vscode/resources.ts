/**
 * Heavy resources (dictionaries, converters) that extension-host code needs before it calls the core. The
 * document analysis does not: it runs in a worker that loads them itself (src/analysis/). What still calls
 * the core on the extension host (conversion and pinyin commands, pinyin hovers) awaits them here. In Node the
 * core loads them itself, synchronously, on first use, so this is a no-op; in the web extension host
 * (src/extension.web.ts installs a loader) they are read from the extension's dist/vendor folder first.
 */
export type VendorName = 'opencc' | 'pinyin' | 'cedict' | 'sloganLexicon';

type Loader = (names: readonly VendorName[]) => Promise<void>;
let loader: Loader | undefined;

export function installResourceLoader(load: Loader): void {
  loader = load;
}

export async function ensureResources(...names: VendorName[]): Promise<void> {
  if (loader) await loader(names);
}
