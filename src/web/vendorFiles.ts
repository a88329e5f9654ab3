/**
 * How a vendor reaches a JavaScript context that cannot require files (the web extension host and its analysis
 * Web Worker): which of the extension's files make it, reading them, and installing what was read. Both web
 * contexts go through these two functions, so a vendor's shape is known in one place: a binary vendor
 * (src/vendor/binaryVendor.ts) is its dist/data/NAME.bin alone; any other is its bundle dist/vendor/NAME.js and,
 * for OpenCC, the compiled dictionaries beside it (VENDOR_DATA_FILES).
 */
import { BINARY_VENDORS, unpackVendor } from '../vendor/binaryVendor';
import { evaluateVendor, registerVendor, VENDOR_DATA_FILES } from './vendorRegistry';

/** A vendor's files as read, plain data so that they can be posted to a worker. */
export type VendorFiles =
  | { readonly kind: 'binary'; readonly data: Uint8Array }
  | { readonly kind: 'module'; readonly source: string; readonly data?: Uint8Array };

/** Reads the files of vendor `name`; `read` takes a path relative to the extension's dist folder. */
export async function readVendorFiles(name: string, read: (path: string) => Promise<Uint8Array>): Promise<VendorFiles> {
  if (Object.hasOwn(BINARY_VENDORS, name)) return { kind: 'binary', data: await read(`data/${name}.bin`) };
  const dataFile = VENDOR_DATA_FILES[name];
  const [source, data] = await Promise.all([read(`vendor/${name}.js`), dataFile === undefined ? undefined : read(`vendor/${dataFile}`)]);
  return { kind: 'module', source: new TextDecoder().decode(source), ...(data ? { data } : {}) };
}

/** Makes vendor `name` available to the core's `require('zhdoc-vendor:NAME')` in this context. */
export function installVendorFiles(name: string, files: VendorFiles): void {
  if (files.kind === 'binary') registerVendor(name, unpackVendor(files.data));
  else evaluateVendor(name, files.source, files.data);
}
