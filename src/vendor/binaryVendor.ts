/**
 * The reading data and the glosses as binary files (dist/data/NAME.bin) instead of JavaScript: a vendor module of
 * string constants costs its first user a parse of megabytes of source and a UTF-8 decode of every line (about
 * 40 ms of a first hover on a quiet machine for dist/vendor/pinyin.js), where a binary file is read in one call and
 * each string is copied out of it only when first asked for, as UTF-16 (a memory copy, no decoding).
 *
 * Format (written by `packVendor` at build time from the vendor module's exports, scripts/build.mjs):
 *
 *   bytes 0–3   "ZHV1"
 *   4–7         H, the byte length of the header (uint32 LE)
 *   8…8+H       the header, JSON (ASCII): [[name, kind, offset, length, index, lines] …], kind "s" (a string,
 *               UTF-16LE), "l" (a line table: the same, handed out as its code units with its lines' first code
 *               points and starts, `lines` uint32 each at `index`: packedLines.ts LineTable), "b" (bytes) or "n"
 *               (a number, given as the offset); offsets and lengths in bytes from the start of the file
 *   then        the payloads, each starting at a multiple of 8 (typed-array views of bytes need alignment)
 *
 * Pure: no Node, no DOM; the Node loader (dist/vendor/NAME.js) and the web extension's loader both use it.
 */

import { lineTableOf, type LineTable } from '../core/pinyin/packedLines';

const MAGIC = 'ZHV1';
const ALIGN = 8;

/**
 * The vendors shipped this way, and per vendor: the line tables handed out as code units (read only through
 * packedLines.ts indexLines, which then decodes just the lines asked for: WORD_LINES and GLOSS_LINES are about
 * 1.9 and 1.7 MB as UTF-16, and the line index is built here, not on first use), and the exports that are base64 in the generated source and stored as their bytes.
 */
export const BINARY_VENDORS = {
  pinyin: { units: ['WORD_LINES', 'NEUTRAL_LINES', 'READING_LINES'], base64: ['PINYIN_MODEL'] },
  cedict: { units: ['GLOSS_LINES'], base64: [] },
} as const;

type Spec = (typeof BINARY_VENDORS)[keyof typeof BINARY_VENDORS];

/**
 * A vendor module's exports as its users find them: the bundled module's (tests, benches) or those of its binary
 * file, where the line tables are code units and the base64 exports bytes.
 */
export type LoadedVendor<T, S extends Spec> = {
  readonly [K in keyof T]: K extends S['units'][number] ? T[K] | LineTable : K extends S['base64'][number] ? T[K] | Uint8Array : T[K];
};

type Value = string | number | Uint8Array | LineTable;
type Kind = 's' | 'l' | 'b' | 'n';
type Entry = readonly [name: string, kind: Kind, offset: number, length: number, index?: number, lines?: number];

/** The exports of a vendor module (strings, numbers, bytes) as one binary file; the strings named in `units` are handed out as code units. */
export function packVendor(exports: Readonly<Record<string, unknown>>, units: readonly string[] = []): Uint8Array {
  const names = Object.keys(exports).sort();
  const payloads: Array<Uint8Array | undefined> = [];
  /** A line table's firsts then starts, uint32 LE. */
  const indexes: Array<Uint8Array | undefined> = [];
  const kinds: Kind[] = [];
  for (const name of names) {
    const value = exports[name];
    if (typeof value === 'string') {
      const bytes = new Uint8Array(value.length * 2);
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        bytes[2 * i] = c & 0xff;
        bytes[2 * i + 1] = c >> 8;
      }
      payloads.push(bytes);
      if (units.includes(name)) {
        const { firsts, starts } = lineTableOf(value);
        const index = new Uint8Array(8 * firsts.length);
        const view = new DataView(index.buffer);
        firsts.forEach((cp, i) => {
          view.setUint32(4 * i, cp, true);
          view.setUint32(4 * (firsts.length + i), starts[i]!, true);
        });
        indexes.push(index);
        kinds.push('l');
      } else {
        indexes.push(undefined);
        kinds.push('s');
      }
    } else if (value instanceof Uint8Array) {
      payloads.push(value);
      indexes.push(undefined);
      kinds.push('b');
    } else if (typeof value === 'number') {
      payloads.push(undefined);
      indexes.push(undefined);
      kinds.push('n');
    } else throw new Error(`binary vendor: export ${name} is neither a string, a number nor bytes`);
  }
  // The header's offsets depend on its own length: lay out with a guess, then again until it is stable.
  let headerLength = 0;
  let entries: Entry[];
  for (;;) {
    let at = align(8 + headerLength);
    entries = names.map((name, i) => {
      const p = payloads[i];
      if (!p) return [name, 'n', exports[name] as number, 0] as const;
      const offset = at;
      at = align(at + p.length);
      const index = indexes[i];
      if (!index) return [name, kinds[i]!, offset, p.length] as const;
      const indexAt = at;
      at = align(at + index.length);
      return [name, kinds[i]!, offset, p.length, indexAt, index.length / 8] as const;
    });
    const length = JSON.stringify(entries).length;
    if (length === headerLength) break;
    headerLength = length;
  }
  const header = JSON.stringify(entries);
  const last = entries.reduce((end, [, kind, offset, length, index = 0, lines = 0]) => (kind === 'n' ? end : Math.max(end, offset + length, index + 8 * lines)), align(8 + header.length));
  const out = new Uint8Array(last);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, header.length, true);
  for (let i = 0; i < header.length; i++) out[8 + i] = header.charCodeAt(i);
  entries.forEach(([, kind, offset, , index], i) => {
    if (kind !== 'n') out.set(payloads[i]!, offset);
    if (index !== undefined) out.set(indexes[i]!, index);
  });
  return out;
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

/** Turns UTF-16LE bytes into a string; Node's Buffer does it as a copy, TextDecoder elsewhere. */
export type Utf16Decoder = (bytes: Uint8Array) => string;

const textDecoderUtf16: Utf16Decoder = (bytes) => new TextDecoder('utf-16le').decode(bytes);

/**
 * The exports of a packed vendor file: numbers, bytes and code units at once (views of `file`, or of one aligned
 * copy), each string decoded on first access and kept. Throws on a file that is not one.
 */
export function unpackVendor(file: Uint8Array, decode: Utf16Decoder = textDecoderUtf16): Record<string, Value> {
  for (let i = 0; i < 4; i++) if (file[i] !== MAGIC.charCodeAt(i)) throw new Error('binary vendor: bad magic');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerLength = view.getUint32(4, true);
  let header = '';
  for (let i = 0; i < headerLength; i++) header += String.fromCharCode(file[8 + i]!);
  const entries = JSON.parse(header) as Entry[];
  // Payloads are aligned within the file; a file read into an unaligned buffer is copied once to keep them so.
  // A plain Uint8Array, never a Node Buffer, whose slice() is a view: users copy out of these views with slice().
  const plain = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  const base = plain.byteOffset % ALIGN === 0 ? plain : plain.slice();
  const out: Record<string, Value> = {};
  for (const [name, kind, offset, length, index = 0, lines = 0] of entries) {
    if (kind === 'n') out[name] = offset;
    else if (offset + length > base.length || index + 8 * lines > base.length) throw new Error(`binary vendor: ${name} runs past the end of the file`);
    else if (kind === 'b') out[name] = base.subarray(offset, offset + length);
    else if (kind === 'l') {
      out[name] = {
        units: new Uint16Array(base.buffer, base.byteOffset + offset, length / 2),
        firsts: new Uint32Array(base.buffer, base.byteOffset + index, lines),
        starts: new Uint32Array(base.buffer, base.byteOffset + index + 4 * lines, lines),
      };
    }
    else {
      let text: string | undefined;
      Object.defineProperty(out, name, { enumerable: true, get: () => (text ??= decode(base.subarray(offset, offset + length))) });
    }
  }
  return out;
}
