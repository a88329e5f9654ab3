/**
 * OpenCC conversion over double-array tries compiled at build time (scripts/gen-opencc-tries.mjs) into one
 * binary file: loading a trie is reading its bytes and viewing them in place (trieFromBytes), and matching walks
 * two typed arrays per code unit. The semantics
 * are opencc-js's exactly: per dictionary group, leftmost longest match, the first dictionary of a group
 * winning equal keys; optional segmentation by the phrase dictionaries, each later group matching within
 * one segment only; an unmatched ideographic description sequence (⿰木木) passes as one unit — with one
 * deliberate difference, that a sequence never spans a conversion break (idsEnd).
 */
import { isConversionBreak } from './conversionBreak';

export interface DecodedTrie {
  readonly base: Int32Array;
  readonly check: Int32Array;
  /** -1, or (index into offsets << 1) | 1 for a key from a phrase dictionary, | 0 from a character one. */
  readonly value: Int32Array;
  readonly offsets: Uint32Array;
  /** The replacements' code units, copied into output buffers without making strings. */
  readonly units: Uint16Array;
}

/** Where a trie's arrays lie in the compiled file (scripts/gen-opencc-tries.mjs writes both). */
export interface TrieLayout {
  /** Byte offset in the file, a multiple of 8. */
  readonly at: number;
  /** Slots of base, check and value. */
  readonly size: number;
  /** Replacements (offsets has one more entry). */
  readonly values: number;
  /** Code units of all replacements. */
  readonly units: number;
}

/** Bytes of a trie in the file: base, check, value, offsets (4 bytes each), then the pool's code units. */
export function trieByteLength(t: TrieLayout): number {
  return 12 * t.size + 4 * (t.values + 1) + 2 * t.units;
}

/**
 * The trie over `bytes` (exactly trieByteLength(layout) bytes, little-endian, starting at a byte offset that
 * is a multiple of 4): typed-array views in place, nothing copied or decoded.
 */
export function trieFromBytes(bytes: Uint8Array, layout: TrieLayout): DecodedTrie {
  if (bytes.byteLength !== trieByteLength(layout) || bytes.byteOffset % 4 !== 0) throw new Error('zhdoc: compiled OpenCC trie of the wrong size or alignment');
  const { buffer } = bytes;
  let at = bytes.byteOffset;
  const int32 = (n: number): Int32Array => {
    const a = new Int32Array(buffer, at, n);
    at += 4 * n;
    return a;
  };
  const base = int32(layout.size);
  const check = int32(layout.size);
  const value = int32(layout.size);
  const offsets = new Uint32Array(buffer, at, layout.values + 1);
  at += 4 * (layout.values + 1);
  return { base, check, value, offsets, units: new Uint16Array(buffer, at, layout.units) };
}

/** The platform's decoder, typed here because the core is compiled without DOM or Node types. */
interface Utf16Decoder {
  decode(units: Uint16Array): string;
}
const platform = globalThis as unknown as {
  TextDecoder?: new (label: string, options?: { ignoreBOM?: boolean }) => Utf16Decoder;
};

/**
 * The converted text as UTF-16 code units: appending a replacement copies code units instead of
 * concatenating strings, which on text where nearly every character changes (s2t) is most of the cost.
 */
class Output {
  buf: Uint16Array;
  length = 0;

  constructor(capacity: number) {
    this.buf = new Uint16Array(Math.max(64, capacity));
  }

  private grow(need: number): void {
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint16Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Appends text[from, to). */
  copy(text: string, from: number, to: number): void {
    const need = this.length + to - from;
    if (need > this.buf.length) this.grow(need);
    const buf = this.buf;
    let k = this.length;
    for (let i = from; i < to; i++) buf[k++] = text.charCodeAt(i);
    this.length = k;
  }

  /** Appends the replacement in value slot `v` of `trie`. */
  value(trie: DecodedTrie, v: number): void {
    const k = v >> 1;
    const from = trie.offsets[k]!;
    const to = trie.offsets[k + 1]!;
    const need = this.length + to - from;
    if (need > this.buf.length) this.grow(need);
    const buf = this.buf;
    const units = trie.units;
    let o = this.length;
    for (let i = from; i < to; i++) buf[o++] = units[i]!;
    this.length = o;
  }

  toString(wellFormed: boolean): string {
    return decodeUnits(this.buf, this.length, wellFormed);
  }
}

let utf16: Utf16Decoder | undefined;

/**
 * Below this many code units a string is made with fromCharCode: the same string, and a short conversion (a
 * word, a clause, the first one of a process) does not pay for setting up the platform's UTF-16 decoder (about
 * 1 ms in Node, a tenth of a cold start).
 */
const NATIVE_DECODE_MIN_UNITS = 4096;

/** A string from code units: TextDecoder where it exists (one native pass), else fromCharCode in slices. */
function decodeUnits(buf: Uint16Array, length: number, wellFormed: boolean): string {
  if (wellFormed && length >= NATIVE_DECODE_MIN_UNITS && platform.TextDecoder) {
    // ignoreBOM keeps a leading U+FEFF in the output instead of swallowing it.
    utf16 ??= new platform.TextDecoder('utf-16le', { ignoreBOM: true });
    return utf16.decode(buf.subarray(0, length));
  }
  let s = '';
  for (let i = 0; i < length; i += 8192) s += String.fromCharCode(...buf.subarray(i, Math.min(length, i + 8192)));
  return s;
}

/** The end of the last match and its value slot; module state, so matching allocates nothing. */
let matchedValue = -1;

/**
 * Longest key of `trie` starting at `i` and ending at or before `limit`: its end, or 0 when none (the value
 * is left in `matchedValue`). With `phrasesOnly`, keys of character dictionaries do not count.
 */
function longestMatch(trie: DecodedTrie, alphabet: Uint16Array, text: string, i: number, limit: number, phrasesOnly: boolean): number {
  const { base, check, value } = trie;
  let s = 0;
  let end = 0;
  for (let j = i; j < limit; j++) {
    const c = alphabet[text.charCodeAt(j)]!;
    if (c === 0) break;
    const t = base[s]! + c;
    if (check[t] !== s) break;
    s = t;
    const v = value[s]!;
    if (v >= 0 && (!phrasesOnly || (v & 1) === 1)) {
      end = j + 1;
      matchedValue = v;
    }
  }
  return end;
}

/** Whether the last longestWithPins match came from the pins (then its value is in `pins`, not in the dictionary). */
let matchedPinned = false;

/**
 * Longest match at `i` of the dictionary or of the pins, the pins winning a tie (a pinned formula term keeps its
 * characters): its end, or 0; the value is left in `matchedValue` and its trie told by `matchedPinned`.
 */
function longestWithPins(trie: DecodedTrie, pins: DecodedTrie | undefined, alphabet: Uint16Array, text: string, i: number, limit: number): number {
  const end = longestMatch(trie, alphabet, text, i, limit, false);
  const value = matchedValue;
  matchedPinned = false;
  if (pins) {
    const pinEnd = longestMatch(pins, alphabet, text, i, limit, false);
    if (pinEnd > 0 && pinEnd >= end) {
      matchedPinned = true;
      return pinEnd;
    }
  }
  matchedValue = value;
  return end;
}

/** Code units an unmatched character spans: a surrogate pair, or a whole ideographic description sequence. */
function unmatchedLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x2ff0 && c <= 0x2fff) {
    const end = idsEnd(text, i);
    if (end > i) return end - i;
    return 1;
  }
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

function codePointLength(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/**
 * As opencc-js's getIdeographicDescriptionSequenceEnd: 0 when `i` starts no complete sequence. Unlike it, a
 * conversion break (a line break, punctuation) is never a component: opencc-js took `⿰` + line break + `舊` as one
 * unconverted unit, so the character after the break stayed unconverted in one call but was converted when the
 * text was cut at the break, as chunked conversion and the edit diff do.
 */
function idsEnd(text: string, i: number): number {
  const arity = idsArity(text.codePointAt(i) ?? 0);
  if (arity === 0) return 0;
  let end = i + codePointLength(text, i);
  for (let n = 0; n < arity; n++) {
    if (end >= text.length || isConversionBreak(text.charCodeAt(end))) return 0;
    const child = idsEnd(text, end);
    end = child || end + codePointLength(text, end);
  }
  return end;
}

/** Segments: ends[k] is the end of segment k; frozen[k] is 1 when a pin produced it (later groups skip it). */
interface Segments {
  ends: Int32Array;
  frozen: Uint8Array;
  count: number;
}

function newSegments(capacity: number): Segments {
  return { ends: new Int32Array(Math.max(16, capacity)), frozen: new Uint8Array(Math.max(16, capacity)), count: 0 };
}

function pushSegment(seg: Segments, end: number, frozen: boolean): void {
  if (seg.count === seg.ends.length) {
    const ends = new Int32Array(seg.ends.length * 2);
    ends.set(seg.ends);
    const fr = new Uint8Array(seg.frozen.length * 2);
    fr.set(seg.frozen);
    seg.ends = ends;
    seg.frozen = fr;
  }
  seg.ends[seg.count] = end;
  seg.frozen[seg.count] = frozen ? 1 : 0;
  seg.count++;
}

export interface EnginePlan {
  readonly alphabet: Uint16Array;
  readonly normalization: readonly DecodedTrie[];
  /** Segmentation by the phrase entries of this trie, or undefined for none. */
  readonly segmentation: DecodedTrie | undefined;
  /** Segmentation is the first group's own longest match (see the generator). */
  readonly fused: boolean;
  readonly chain: readonly DecodedTrie[];
  /** Phrases converted as a whole to a fixed result, ahead of the dictionaries (zhdoc's layers). */
  readonly pins: DecodedTrie | undefined;
}

/** Code units of the pinned or matched replacement in slot `v` of `trie`. */
function valueLength(trie: DecodedTrie, v: number): number {
  const k = v >> 1;
  return trie.offsets[k + 1]! - trie.offsets[k]!;
}

/** Converts `text` with one group, unsegmented, pins first on equal length. Returns `text` itself when nothing matched. */
function convertWhole(text: string, trie: DecodedTrie, pins: DecodedTrie | undefined, alphabet: Uint16Array, wellFormed: boolean): string {
  const n = text.length;
  let out: Output | undefined;
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (alphabet[c] === 0) {
      i += c >= 0x2ff0 && c <= 0x2fff ? unmatchedLength(text, i) : 1;
      continue;
    }
    const end = longestWithPins(trie, pins, alphabet, text, i, n);
    const from = matchedPinned ? pins! : trie;
    const v = matchedValue;
    if (end > 0) {
      out ??= new Output(n + (n >> 3));
      if (last < i) out.copy(text, last, i);
      out.value(from, v);
      i = end;
      last = end;
    } else {
      i += unmatchedLength(text, i);
    }
  }
  if (!out) return text;
  if (last < n) out.copy(text, last, n);
  return out.toString(wellFormed);
}

/** Segments `text` by the phrase entries of `trie` (and the pins), as opencc-js's Trie.segment does; pinned segments are replaced and frozen. */
function segment(text: string, trie: DecodedTrie, pins: DecodedTrie | undefined, alphabet: Uint16Array, seg: Segments, wellFormed: boolean): string {
  const n = text.length;
  const out = pins ? new Output(n + (n >> 3)) : undefined;
  let runOpen = false;
  let last = 0;
  let delta = 0;
  let i = 0;
  while (i < n) {
    const known = alphabet[text.charCodeAt(i)] !== 0;
    let end = known ? longestMatch(trie, alphabet, text, i, n, true) : 0;
    let pinned = false;
    if (pins && known) {
      const pinEnd = longestMatch(pins, alphabet, text, i, n, false);
      if (pinEnd > 0 && pinEnd >= end) {
        end = pinEnd;
        pinned = true;
      }
    }
    if (end > 0) {
      if (runOpen) {
        pushSegment(seg, i + delta, false);
        runOpen = false;
      }
      if (pinned) {
        if (last < i) out!.copy(text, last, i);
        out!.value(pins!, matchedValue);
        delta += valueLength(pins!, matchedValue) - (end - i);
        last = end;
      }
      pushSegment(seg, end + delta, pinned);
      i = end;
    } else {
      runOpen = true;
      i += unmatchedLength(text, i);
    }
  }
  if (runOpen) pushSegment(seg, n + delta, false);
  if (!out || last === 0) return text;
  if (last < n) out.copy(text, last, n);
  return out.toString(wellFormed);
}

/** The first group over the whole text, its own matches segmenting it (fused plans); pins first. */
function convertFused(text: string, trie: DecodedTrie, pins: DecodedTrie | undefined, alphabet: Uint16Array, seg: Segments, wellFormed: boolean): string {
  const n = text.length;
  const out = new Output(n + (n >> 3));
  let last = 0;
  let runOpen = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (alphabet[c] === 0) {
      runOpen = true;
      i += c >= 0x2ff0 && c <= 0x2fff ? unmatchedLength(text, i) : 1;
      continue;
    }
    const end = longestWithPins(trie, pins, alphabet, text, i, n);
    const pinned = matchedPinned;
    const from = pinned ? pins! : trie;
    const v = matchedValue;
    if (end === 0) {
      runOpen = true;
      i += unmatchedLength(text, i);
      continue;
    }
    if (last < i) out.copy(text, last, i);
    if (pinned || (v & 1) === 1) {
      if (runOpen) {
        pushSegment(seg, out.length, false);
        runOpen = false;
      }
      out.value(from, v);
      pushSegment(seg, out.length, pinned);
    } else {
      out.value(from, v);
      runOpen = true;
    }
    i = end;
    last = end;
  }
  if (last < n) out.copy(text, last, n);
  if (runOpen) pushSegment(seg, out.length, false);
  return out.toString(wellFormed);
}

/** One group within each segment; frozen segments are copied. Rewrites `seg` to the output's offsets. */
function convertSegments(text: string, trie: DecodedTrie, alphabet: Uint16Array, seg: Segments, wellFormed: boolean): string {
  let out: Output | undefined;
  let last = 0;
  let delta = 0;
  let start = 0;
  for (let k = 0; k < seg.count; k++) {
    const limit = seg.ends[k]!;
    if (seg.frozen[k] === 0) {
      let i = start;
      while (i < limit) {
        const c = text.charCodeAt(i);
        if (alphabet[c] === 0) {
          i += c >= 0x2ff0 && c <= 0x2fff ? unmatchedLength(text, i) : 1;
          continue;
        }
        const end = longestMatch(trie, alphabet, text, i, limit, false);
        if (end > 0) {
          out ??= new Output(text.length + (text.length >> 3));
          if (last < i) out.copy(text, last, i);
          out.value(trie, matchedValue);
          delta += valueLength(trie, matchedValue) - (end - i);
          i = end;
          last = end;
        } else {
          i += unmatchedLength(text, i);
        }
      }
    }
    seg.ends[k] = limit + delta;
    start = limit;
  }
  if (!out) return text;
  if (last < text.length) out.copy(text, last, text.length);
  return out.toString(wellFormed);
}

/** Converts `text` by a plan. */
export function convertWithPlan(plan: EnginePlan, text: string): string {
  const { alphabet } = plan;
  // A well-formed input gives a well-formed output (replacements are whole characters, cuts fall between
  // characters), which the fast native UTF-16 decoder reproduces exactly; a lone surrogate would be replaced.
  const wellFormed = isWellFormed(text);
  let s = text;
  for (const t of plan.normalization) s = convertWhole(s, t, undefined, alphabet, wellFormed);
  if (!plan.segmentation) {
    // Unsegmented configs have one group (OpenCC's s2t, t2s, t2tw, …); pins join it.
    let pins = plan.pins;
    for (const t of plan.chain) {
      s = convertWhole(s, t, pins, alphabet, wellFormed);
      pins = undefined;
    }
    return s;
  }
  const seg = newSegments(s.length >> 2);
  let groups = plan.chain;
  if (plan.fused) {
    s = convertFused(s, plan.chain[0]!, plan.pins, alphabet, seg, wellFormed);
    groups = plan.chain.slice(1);
  } else {
    s = segment(s, plan.segmentation, plan.pins, alphabet, seg, wellFormed);
  }
  for (const t of groups) s = convertSegments(s, t, alphabet, seg, wellFormed);
  return s;
}

function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (native) return native.call(text);
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
