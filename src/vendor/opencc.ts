// Entry of dist/vendor/opencc.js: the layout of OpenCC's dictionaries compiled into double-array tries at build
// time (scripts/gen-opencc-tries.mjs), with zhdoc's supplementary phrases and exceptions, and the reader of
// their bytes. The arrays are in a binary file, src/core/generated/opencc.bin, which esbuild copies beside each
// bundle that includes this entry (dist/vendor/opencc.bin; out/** in tests and benches). opencc-js itself is no
// longer loaded at run time; it stays the reference in tests and benchmarks.
import binFile from '../core/generated/opencc.bin';
import { BIN_BYTES } from '../core/generated/openccTries';

export { BIN_BYTES, CONFIGS, PINS, TRIES } from '../core/generated/openccTries';
// The shape src/core/opencc.ts requires of this module (OpenCCModule): TRIES, CONFIGS, PINS and readBytes.

/** The file's name in dist/vendor, which the web extension fetches (it has no file system to read from). */
export const DATA_FILE = 'opencc.bin';

let provided: Uint8Array | undefined;

/** Web extension host and Web Workers: the whole file, fetched ahead; reads then view it instead of reading. */
export function provideData(bytes: Uint8Array): void {
  if (bytes.byteLength !== BIN_BYTES) throw new Error(`zhdoc: ${DATA_FILE} has ${bytes.byteLength} bytes, expected ${BIN_BYTES}`);
  // Views of 4-byte values need an aligned start; a copy only when the platform handed over an unaligned view.
  provided = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
}

let fd: number | undefined;

/**
 * Bytes [offset, offset + length) of opencc.bin, starting at a multiple of 8 in their buffer. In Node, read from
 * the file on demand, so a conversion reads only its own dictionaries (s2t about 1.7 MB of the 3.9).
 */
export function readBytes(offset: number, length: number): Uint8Array {
  if (provided) return provided.subarray(offset, offset + length);
  // Required here, not imported: in a Web Worker this module is evaluated without `require`, and reads nothing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // binFile is the copy's path relative to this bundle (esbuild's file loader).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fd ??= fs.openSync((require('node:path') as typeof import('node:path')).join(__dirname, binFile), 'r');
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, bytes, done, length - done, offset + done);
    if (n === 0) throw new Error(`zhdoc: ${DATA_FILE} ends before byte ${offset + length} (a stale build?)`);
    done += n;
  }
  return bytes;
}
