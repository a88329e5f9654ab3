/**
 * Which encoding a Chinese text file is in, and whether text looks like it was decoded with the wrong one.
 * Pure: bytes in, names out; decoding is the platform's TextDecoder (WHATWG encodings, GB18030 included).
 */

/** Encodings zhdoc detects by itself; any other WHATWG label can be given explicitly. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Detection {
  /** A WHATWG encoding name, as TextDecoder reports it. */
  readonly encoding: string;
  /** The bytes started with the encoding's byte order mark (a decoder drops it; a writer should put it back). */
  readonly bom: boolean;
}

/** Bytes of the UTF-8 byte order mark, written back where the input had one. */
export const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The byte order mark at the start of `bytes`, if any. */
export function bomOf(bytes: Uint8Array): DetectedEncoding | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

/**
 * The encoding of a file from its first bytes (`complete` when they are the whole file): a byte order mark
 * decides; else strict UTF-8 if the bytes decode as UTF-8 (an incomplete character at the end of a sample is
 * not held against it); else GB18030 (a superset of GBK and GB2312), the usual encoding of scraped Chinese
 * pages, when it decodes; undefined when nothing fits.
 */
export function detectEncoding(head: Uint8Array, complete: boolean): Detection | undefined {
  const bom = bomOf(head);
  if (bom) return { encoding: bom, bom: true };
  if (decodes('utf-8', head, complete)) return { encoding: 'utf-8', bom: false };
  if (decodes('gb18030', head, complete)) return { encoding: 'gb18030', bom: false };
  return undefined;
}

function decodes(encoding: string, bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** The WHATWG name for an encoding label (`GBK` → `gbk`, `utf8` → `utf-8`), or undefined for an unknown label. */
export function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Text that was decoded with the wrong encoding

/**
 * Replacement characters that make a document look wrongly decoded: a scraped page can carry a stray U+FFFD or
 * two from its source, but a GBK file opened as UTF-8 has one for almost every Chinese character.
 */
export const MIN_REPLACEMENTS = 8;

/** …or this share of the non-ASCII characters, for a short document. */
export const REPLACEMENT_SHARE = 0.1;

/** Latin-1 letters that, taken as bytes and decoded as GB18030, must give this many Han characters to count. */
export const MIN_MOJIBAKE_HAN = 4;

/** Characters looked at: enough to tell, and the check stays cheap on a large document. */
export const SAMPLE = 64 * 1024;

export type Misdecoding = 'replacement' | 'gbk-as-latin1';

/**
 * Why `text` looks wrongly decoded, or undefined when it looks right: many U+FFFD (GBK read as UTF-8), or runs of
 * Latin-1 letters that are GB18030 Chinese when taken back to bytes (GBK read as Windows-1252 / ISO-8859-1).
 */
export function looksMisdecoded(text: string): Misdecoding | undefined {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let replacements = 0;
  let nonAscii = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) replacements++;
  }
  if (replacements >= MIN_REPLACEMENTS || (replacements >= 2 && replacements >= REPLACEMENT_SHARE * nonAscii)) return 'replacement';
  // Runs of two or more Latin-1 letters: GBK's two-byte characters read one byte at a time.
  let han = 0;
  for (const m of sample.matchAll(/[\u0080-\u00ff]{2,}/g)) {
    const run = m[0];
    const bytes = Uint8Array.from(run, (ch) => ch.charCodeAt(0));
    let decoded: string;
    try {
      decoded = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    for (const ch of decoded) if (/\p{Script=Han}/u.test(ch)) han++;
    if (han >= MIN_MOJIBAKE_HAN) return 'gbk-as-latin1';
  }
  return undefined;
}
