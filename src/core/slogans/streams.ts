/**
 * The views of a text that slogan matching works on. Matching happens in a folded form (Traditional
 * characters to Simplified, full-width ASCII to ASCII) so that 八八戰略 and 八八战略 are one phrase even when a
 * web page mixes the scripts (一号發展工程); folding is per code unit, so folded offsets are original offsets.
 * A second view drops what never interrupts a phrase, quote marks (三个“一号工程”) and a line break that
 * wraps a sentence, and keeps a map back to the original offsets.
 */
import { counterpartOf, scriptOf } from '../script';
import { isHanCodePoint } from '../text';
import misconversions from '../../../data/slogans/known-misconversions.json';

/** What an excluded range (boilerplate) becomes in the folded text: a unit no phrase contains. */
export const EXCLUDED_UNIT = 0;

/** The canonical enumeration separator that every separator in the separator class matches. */
export const SEPARATOR = 0x3001; // 、

/** Classes of code units, as bits of `unitClasses()`. */
export const HAN = 1;
export const QUOTE = 2;
export const SPACE = 4;
export const NEWLINE = 8;
export const SEPARATOR_CLASS = 16;

let foldTable: Uint16Array | undefined;
let classTable: Uint8Array | undefined;

/** Folded code unit for every BMP code unit: Traditional-only → Simplified, full-width ASCII → ASCII. */
function table(): Uint16Array {
  if (foldTable) return foldTable;
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < 0x10000; i++) t[i] = i;
  for (let i = 0xff01; i <= 0xff5e; i++) t[i] = i - 0xfee0;
  t[0x3000] = 0x20;
  t[0xa0] = 0x20;
  for (let cp = 0x3400; cp <= 0xfaff; cp++) {
    if (cp > 0x9fff && cp < 0xf900) continue;
    const ch = String.fromCharCode(cp);
    if (scriptOf(ch) !== 'traditional') continue;
    const simplified = counterpartOf(ch);
    // Only one-unit counterparts keep folded offsets equal to original ones.
    if (simplified && simplified.length === 1) t[cp] = simplified.charCodeAt(0);
  }
  // Characters valid in both scripts that OpenCC writes for a Simplified character in the wrong words (干部 →
  // 乾部): folded to that character in text and phrases alike, so a formula matches through the mis-conversion.
  for (const { written, folds } of misconversions.folds) t[written.charCodeAt(0)] = folds.charCodeAt(0);
  foldTable = t;
  return t;
}

/** The class bits of every BMP code unit, so the hot loops test a byte instead of ranges. */
export function unitClasses(): Uint8Array {
  if (classTable) return classTable;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let k = 0;
    if (isHanCodePoint(c)) k |= HAN;
    if ((c >= 0x2018 && c <= 0x201f) || (c >= 0x300c && c <= 0x300f) || c === 0x22 || c === 0x27 || c === 0xff02 || c === 0xff07) k |= QUOTE;
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0d) k |= SPACE;
    if (c === 0x0a) k |= NEWLINE;
    if (c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0x20 || c === 0x3000 || c === 0xff64) k |= SEPARATOR_CLASS;
    t[c] = k;
  }
  classTable = t;
  return t;
}

/**
 * True for a code unit that is a whole Han ideograph (BMP, 〇 included): matching walks code units, so an astral
 * ideograph (two surrogates) never joins a phrase, but it still counts as 字 in `sloganCoverage`.
 */
export function isHanUnit(c: number): boolean {
  return isHanCodePoint(c);
}

/** Quote marks, transparent to matching: a phrase in quotes, or with a quoted part, is the same phrase. */
export function isQuoteUnit(c: number): boolean {
  return (unitClasses()[c]! & QUOTE) !== 0;
}

/** Separators of an enumeration (创新深化、改革攻坚 / 创新深化，改革攻坚 / 创新深化 改革攻坚): all match 、. */
export function isSeparatorUnit(c: number): boolean {
  return (unitClasses()[c]! & SEPARATOR_CLASS) !== 0;
}

/** Folds a phrase (lexicon entry, user entry, ignore-list item) into the form matching compares. */
export function foldPhrase(phrase: string): string {
  const t = table();
  const out: number[] = [];
  for (let i = 0; i < phrase.length; i++) {
    const c = t[phrase.charCodeAt(i)]!;
    if (isQuoteUnit(c) || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (isSeparatorUnit(c)) {
      // Runs of separators and spaces collapse to one 、, and none at the ends.
      if (out.length > 0 && out[out.length - 1] !== SEPARATOR) out.push(SEPARATOR);
      continue;
    }
    out.push(c);
  }
  while (out.length > 0 && out[out.length - 1] === SEPARATOR) out.pop();
  return String.fromCharCode(...out);
}

export interface TextStreams {
  /** The original text. */
  readonly text: string;
  /** The folded text, unit for unit: same length and offsets as the input; excluded ranges are NUL. */
  readonly folded: Uint16Array;
  /** The folded text without quote marks and wrapping line breaks: what phrases are matched in. */
  readonly match: string;
  /** Original offset of each unit of `match`, plus one entry for its end (the text's length). */
  readonly matchOffsets: Int32Array;
}

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** Builds the folded and match views of `text`; units inside `excluded` ranges never take part in a match. */
export function buildStreams(text: string, excluded: readonly OffsetRange[] = []): TextStreams {
  const t = table();
  const cls = unitClasses();
  const n = text.length;
  const folded = new Uint16Array(n);
  for (let i = 0; i < n; i++) folded[i] = t[text.charCodeAt(i)]!;
  for (const r of excluded) {
    const a = Math.max(0, Math.min(n, r.start));
    const b = Math.max(a, Math.min(n, r.end));
    folded.fill(EXCLUDED_UNIT, a, b);
  }
  const match = new Uint16Array(n);
  const offsets = new Int32Array(n + 1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = folded[i]!;
    const k = cls[c]!;
    if (k & QUOTE) continue;
    if (k & (SPACE | NEWLINE)) {
      const stop = spaceRunEnd(folded, cls, i);
      if (joinsWrappedLine(folded, cls, i, stop, m > 0 ? match[m - 1]! : 0)) {
        i = stop - 1;
        continue;
      }
      // Any other run of spaces stays as it is.
      for (; i < stop; i++) {
        match[m] = folded[i]!;
        offsets[m++] = i;
      }
      i--;
      continue;
    }
    match[m] = c;
    offsets[m++] = i;
  }
  offsets[m] = n;
  return { text, folded, match: unitsToString(match, m), matchOffsets: offsets.subarray(0, m + 1) };
}

function spaceRunEnd(folded: Uint16Array, cls: Uint8Array, i: number): number {
  while (i < folded.length && cls[folded[i]!]! & (SPACE | NEWLINE)) i++;
  return i;
}

/**
 * True when the run of spaces [start, stop) holds exactly one line break and joins two pieces of one sentence:
 * Han or an enumeration separator before it, Han after it. A blank line is a paragraph break and never joins.
 */
function joinsWrappedLine(folded: Uint16Array, cls: Uint8Array, start: number, stop: number, previous: number): boolean {
  if (!(cls[previous]! & HAN) && previous !== SEPARATOR && previous !== 0xff0c && previous !== 0x2c) return false;
  if (stop >= folded.length || !(cls[folded[stop]!]! & HAN)) return false;
  let breaks = 0;
  for (let j = start; j < stop; j++) if (folded[j] === 0x0a) breaks++;
  return breaks === 1;
}

interface Utf16Decoder {
  decode(units: Uint16Array): string;
}

let decoder: Utf16Decoder | null | undefined;

/** The string of `length` code units; TextDecoder where the platform has one (Node, browsers, workers) is fastest. */
function unitsToString(units: Uint16Array, length: number): string {
  if (decoder === undefined) {
    const TextDecoderClass = (globalThis as { TextDecoder?: new (label: string) => Utf16Decoder }).TextDecoder;
    decoder = TextDecoderClass ? new TextDecoderClass('utf-16le') : null;
  }
  if (decoder) return decoder.decode(units.subarray(0, length));
  const parts: string[] = [];
  const chunk = 8192;
  for (let i = 0; i < length; i += chunk) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + chunk)) as unknown as number[]));
  return parts.join('');
}
