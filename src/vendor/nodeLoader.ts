/**
 * dist/vendor/NAME.js for the vendors shipped as binary files (src/vendor/binaryVendor.ts): the Node side, one
 * read of dist/data/NAME.bin, strings copied out of it by Buffer on first access. Built by scripts/build.mjs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpackVendor } from './binaryVendor';

export function loadBinaryVendor(vendorDir: string, name: string): Record<string, unknown> {
  const file = readFileSync(join(vendorDir, '..', 'data', `${name}.bin`));
  return unpackVendor(file, (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le'));
}
