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

/** Evaluates a vendor bundle (CommonJS, no imports of its own) and registers its exports. */
export function evaluateVendor(name: string, source: string): unknown {
  const module = { exports: {} as unknown };
  // The web extension host loads extensions the same way; vendor files ship inside the extension.
  new Function('module', 'exports', source)(module, module.exports);
  registerVendor(name, module.exports);
  return module.exports;
}
