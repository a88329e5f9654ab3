/**
 * Lookup of the packed data lines of the reading data and glosses ("first character, then its entries", one line
 * each) without splitting the whole text on first use: one scan for line breaks fills a table indexed by the
 * first code unit, and a line is cut out only when asked for. Splitting the ~1 MB of WORD_LINES and GLOSS_LINES
 * into a Map took about 40 ms of a first hover (loaded machine); the scan takes under 1 ms.
 */

import { partitionPoint } from '../text';

export interface LineIndex {
  /** The rest of the line whose first character is `first` (the line without it), or undefined. */
  get(first: string): string | undefined;
}

/**
 * Packed lines as written in the generated modules, or as a table of the binary data file (src/vendor/binaryVendor.ts):
 * its UTF-16 code units with the start of each line by first character, indexed at build time, so that the text
 * is neither decoded nor scanned on first use, only the lines asked for are.
 */
export type PackedText = string | LineTable;

export interface LineTable {
  readonly units: Uint16Array;
  /** The first code point of each line, ascending, one entry per code point (the last line that starts with it). */
  readonly firsts: Uint32Array;
  /** Where that line starts in `units`. */
  readonly starts: Uint32Array;
}

/** The line table of a packed text, as the build writes it (binaryVendor.ts packs it beside the text). */
export function lineTableOf(packed: string): { firsts: Uint32Array; starts: Uint32Array } {
  const byFirst = new Map<number, number>();
  for (let start = 0; start < packed.length; ) {
    let end = packed.indexOf('\n', start);
    if (end < 0) end = packed.length;
    if (end > start) {
      const c = packed.charCodeAt(start);
      // A lone high surrogate at the end of a line is its own first "character", as in indexLines.
      byFirst.set(c >= 0xd800 && c <= 0xdbff && end > start + 1 ? packed.codePointAt(start)! : c, start);
    }
    start = end + 1;
  }
  const firsts = Uint32Array.from([...byFirst.keys()].sort((a, b) => a - b));
  return { firsts, starts: Uint32Array.from(firsts, (cp) => byFirst.get(cp)!) };
}

/** An index of `packed`'s lines by their first character (the last line for a character that begins several, as a Map would keep). */
export function indexLines(packed: PackedText): LineIndex {
  if (typeof packed !== 'string') return indexUnitLines(packed);
  // BMP first characters: line start + 1 (0: no line), by code unit; astral ones in a map.
  const bmp = new Int32Array(0x10000);
  let astral: Map<string, number> | undefined;
  for (let start = 0; start < packed.length; ) {
    let end = packed.indexOf('\n', start);
    if (end < 0) end = packed.length;
    if (end > start) {
      const c = packed.charCodeAt(start);
      if (c >= 0xd800 && c <= 0xdbff && end > start + 1) {
        const first = packed.slice(start, start + 2);
        (astral ??= new Map()).set(first, start);
      } else bmp[c] = start + 1;
    }
    start = end + 1;
  }
  return {
    get(first: string): string | undefined {
      let start: number | undefined;
      if (first.length === 1) {
        const at = bmp[first.charCodeAt(0)]!;
        start = at ? at - 1 : undefined;
      } else if (first.length === 2) start = astral?.get(first);
      if (start === undefined) return undefined;
      const end = packed.indexOf('\n', start);
      return packed.slice(start + first.length, end < 0 ? packed.length : end);
    },
  };
}

const NEWLINE = 10;

/** `packed` as a line table: the binary data file's as it is; a generated module's string copied into one (tests, benches). */
export function lineTable(packed: PackedText): LineTable {
  if (typeof packed !== 'string') return packed;
  return { units: unitsOf(packed), ...lineTableOf(packed) };
}

/** The UTF-16 code units of `text`. */
export function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** Where the rest of the line of `first` lies in the table's units, [from, to), or undefined. */
export function lineRange({ units, firsts, starts }: LineTable, first: string): readonly [number, number] | undefined {
  if (first.length === 0 || first.length > 2) return undefined;
  const cp = first.codePointAt(0)!;
  if (first.length === 2 && cp <= 0xffff) return undefined;
  const k = partitionPoint(firsts.length, (i) => firsts[i]! < cp);
  if (k >= firsts.length || firsts[k] !== cp) return undefined;
  const start = starts[k]!;
  const end = units.indexOf(NEWLINE, start);
  return [start + first.length, end < 0 ? units.length : end];
}

/** indexLines over a built line table: a binary search for the first character, and the line decoded when asked for. */
function indexUnitLines(table: LineTable): LineIndex {
  return {
    get(first: string): string | undefined {
      const range = lineRange(table, first);
      return range && unitsToString(table.units, range[0], range[1]);
    },
  };
}

/** Code points per String.fromCharCode call: far below any engine's limit on arguments. */
const DECODE_CHUNK = 4096;

/** units[from, to) as a string. */
export function unitsToString(units: Uint16Array, from: number, to: number): string {
  let out = '';
  for (let at = from; at < to; at += DECODE_CHUNK) out += String.fromCharCode.apply(null, units.subarray(at, Math.min(to, at + DECODE_CHUNK)) as unknown as number[]);
  return out;
}

export interface CharacterTable {
  /** The value of one character, or undefined. */
  get(char: string): string | undefined;
}

/**
 * SINGLE_LINES-style data, "value (ASCII) then the characters that have it" per line, as a lookup by character
 * filled by code unit into a typed array: no string or map entry per character (24,000 of them).
 */
export function indexValueLines(packed: string): CharacterTable {
  const values: string[] = [''];
  const bmp = new Uint16Array(0x10000);
  let astral: Map<string, number> | undefined;
  for (let start = 0; start < packed.length; ) {
    let end = packed.indexOf('\n', start);
    if (end < 0) end = packed.length;
    let at = start;
    while (at < end && packed.charCodeAt(at) < 0x80) at++;
    const index = values.length;
    values.push(packed.slice(start, at));
    for (let i = at; i < end; i++) {
      const c = packed.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
        (astral ??= new Map()).set(packed.slice(i, i + 2), index);
        i++;
      } else bmp[c] = index;
    }
    start = end + 1;
  }
  if (values.length > 0xffff) throw new Error('zhdoc: too many values for a character table');
  return {
    get(char: string): string | undefined {
      const index = char.length === 1 ? bmp[char.charCodeAt(0)]! : char.length === 2 ? astral?.get(char) : undefined;
      return index ? values[index] : undefined;
    },
  };
}

/**
 * Pairs "one character U+001F its value", U+001E between (T2S_CHARACTERS), as a lookup by character: one scan
 * fills a table of value offsets by code unit, and a value is cut out when asked for.
 */
export function indexPairs(packed: string): CharacterTable {
  // Offset of the entry's U+001F + 1 (0: none), by the key's code unit; astral keys in a map.
  const bmp = new Int32Array(0x10000);
  let astral: Map<string, number> | undefined;
  for (let start = 0; start < packed.length; ) {
    let end = packed.indexOf('\u001e', start);
    if (end < 0) end = packed.length;
    const cut = packed.indexOf('\u001f', start);
    if (cut === start + 1) bmp[packed.charCodeAt(start)] = cut + 1;
    else if (cut === start + 2) (astral ??= new Map()).set(packed.slice(start, cut), cut + 1);
    else if (cut >= 0 && cut < end) throw new Error(`zhdoc: a packed pair's key is not one character at ${start}`);
    start = end + 1;
  }
  return {
    get(char: string): string | undefined {
      const at = char.length === 1 ? bmp[char.charCodeAt(0)]! : char.length === 2 ? astral?.get(char) : undefined;
      if (!at) return undefined;
      const end = packed.indexOf('\u001e', at);
      return packed.slice(at, end < 0 ? packed.length : end);
    },
  };
}
