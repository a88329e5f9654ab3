/**
 * Vendor modules (opencc-js, pinyin-pro, dictionaries) in the web extension host, where there is no
 * synchronous `require`: they are fetched and evaluated ahead of use (see src/vscode/resources.ts) and the
 * core's `require('zhdoc-vendor:NAME')` then finds them here.
 */
const loaded = new Map<string, unknown>();

export function registerVendor(name: string, exports: unknown): void {
  loaded.set(name, exports);
}

export function isVendorLoaded(name: string): boolean {
  return loaded.has(name);
}

export function loadedVendor(name: string): unknown {
  if (!loaded.has(name)) throw new Error(`zhdoc: the ${name} data was used before it was loaded`);
  return loaded.get(name);
}

/**
 * Binary data files that vendor modules read beside them in Node (dist/vendor/NAME.bin): on the web they are
 * fetched with the module's source and handed to it whole (its `provideData`).
 */
export const VENDOR_DATA_FILES: Readonly<Partial<Record<string, string>>> = { opencc: 'opencc.bin' };

/** Evaluates a vendor bundle (CommonJS, no imports of its own), gives it its data file, and registers its exports. */
export function evaluateVendor(name: string, source: string, data?: Uint8Array): unknown {
  const module = { exports: {} as { DATA_FILE?: string; provideData?: (bytes: Uint8Array) => void } };
  // The web extension host loads extensions the same way; vendor files ship inside the extension.
  new Function('module', 'exports', source)(module, module.exports);
  if (module.exports.DATA_FILE !== VENDOR_DATA_FILES[name]) throw new Error(`zhdoc: the ${name} module reads ${module.exports.DATA_FILE ?? 'no data file'}, VENDOR_DATA_FILES says ${VENDOR_DATA_FILES[name] ?? 'none'}`);
  if (VENDOR_DATA_FILES[name] !== undefined) {
    if (!data || !module.exports.provideData) throw new Error(`zhdoc: the ${name} data file ${VENDOR_DATA_FILES[name]} was not loaded`);
    module.exports.provideData(data);
  }
  registerVendor(name, module.exports);
  return module.exports;
}
