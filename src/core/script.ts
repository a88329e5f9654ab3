/**
 * Which script a text is written in, and which characters break with it. The dominant script is counted on
 * characters that exist in one script alone (号 is Simplified only, 號 Traditional only; 干, 后, 台, 党 are
 * valid in both and count for neither). Strays are those one-script characters of the other script, and the
 * two-script characters that the phrase-level conversion of their clause to the dominant script changes
 * (党 in 中国共产党 inside a Traditional page), so a Traditional text auto-converted by a web site shows all
 * its leftover Simplified forms.
 */
import { getConverter } from './convert';
import {
  AMBIGUOUS_SIMPLIFIED, AMBIGUOUS_TRADITIONAL, HONG_KONG_VARIANT_PAIRS, SIMPLIFIED_ONLY, SIMPLIFIED_ONLY_TARGETS, TAIWAN_VARIANT_PAIRS,
  TRADITIONAL_ONLY, TRADITIONAL_ONLY_TARGETS,
} from './generated/openccTables';
import { isHanCodePoint, isLowSurrogate, type TextEdit } from './text';

export type Script = 'traditional' | 'simplified';
export type DominantScript = Script | 'neutral';

export interface ScriptCounts {
  /** Characters that exist only in Traditional script. */
  readonly traditional: number;
  /** Characters that exist only in Simplified script. */
  readonly simplified: number;
  /** The script with more such characters; `neutral` when neither has more. */
  readonly dominant: DominantScript;
}

export interface MinorityCharacter {
  /** UTF-16 offset in the text. */
  readonly offset: number;
  readonly char: string;
  /** The form in the dominant script, read in context (头发 → 頭髮, not 頭發). */
  readonly counterpart: string;
  /** The script the character belongs to (the minority). */
  readonly script: Script;
}

// Bit flags per code point. A character can be ambiguous in both directions (么).
const TRADITIONAL = 1;
const SIMPLIFIED = 2;
/** Valid in both scripts, but converting to Traditional can change it (党 in 共产党, not in 党项). */
const AMBIGUOUS_AS_SIMPLIFIED = 4;
/** Valid in both scripts, but converting to Simplified can change it (著 in 看著, not in 著名). */
const AMBIGUOUS_AS_TRADITIONAL = 8;
/** The OpenCC standard Traditional form of a pair that Taiwan / Hong Kong spell otherwise (爲 for 為). */
const OPENCC_FORM = 16;
const TAIWAN_FORM = 32;
const HONG_KONG_FORM = 64;
const LAST_HAN = 0x323af;

let classes: Uint8Array | undefined;
let tableCounterparts: Map<number, string> | undefined;

function scriptClasses(): Uint8Array {
  if (!classes) {
    classes = new Uint8Array(LAST_HAN + 1);
    tableCounterparts = new Map();
    const fill = (chars: string, targets: string, cls: number): void => {
      const from = [...chars];
      const to = [...targets];
      from.forEach((c, i) => {
        const cp = c.codePointAt(0)!;
        classes![cp] = cls;
        tableCounterparts!.set(cp, to[i]!);
      });
    };
    fill(TRADITIONAL_ONLY, TRADITIONAL_ONLY_TARGETS, TRADITIONAL);
    fill(SIMPLIFIED_ONLY, SIMPLIFIED_ONLY_TARGETS, SIMPLIFIED);
    const mark = (chars: string, flag: number): void => {
      for (const c of chars) classes![c.codePointAt(0)!]! |= flag;
    };
    mark(AMBIGUOUS_SIMPLIFIED, AMBIGUOUS_AS_SIMPLIFIED);
    mark(AMBIGUOUS_TRADITIONAL, AMBIGUOUS_AS_TRADITIONAL);
    const pairs = (list: string, regional: number): void => {
      const chars = [...list];
      for (let i = 0; i + 1 < chars.length; i += 2) {
        classes![chars[i]!.codePointAt(0)!]! |= OPENCC_FORM;
        classes![chars[i + 1]!.codePointAt(0)!]! |= regional;
      }
    };
    pairs(TAIWAN_VARIANT_PAIRS, TAIWAN_FORM);
    pairs(HONG_KONG_VARIANT_PAIRS, HONG_KONG_FORM);
  }
  return classes;
}

/** The script a single character belongs to alone, or undefined when it is valid in both (or not Han). */
export function scriptOf(char: string): Script | undefined {
  const cp = char.codePointAt(0) ?? 0;
  const cls = cp <= LAST_HAN ? scriptClasses()[cp]! : 0;
  return cls & TRADITIONAL ? 'traditional' : cls & SIMPLIFIED ? 'simplified' : undefined;
}

/** The usual counterpart of a one-script character out of context (号 → 號), or undefined. */
export function counterpartOf(char: string): string | undefined {
  scriptClasses();
  return tableCounterparts!.get(char.codePointAt(0) ?? 0);
}

/** Counts one-script characters. Linear, allocation-free: cheap enough to run on every edit of a large document. */
export function countScripts(text: string): ScriptCounts {
  const cls = scriptClasses();
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x3400) continue;
    if (cp >= 0xd800 && cp <= 0xdbff) {
      cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
    }
    if (cp > LAST_HAN) continue;
    const c = cls[cp]!;
    if (c & TRADITIONAL) traditional++;
    else if (c & SIMPLIFIED) simplified++;
  }
  const dominant = traditional > simplified ? 'traditional' : simplified > traditional ? 'simplified' : 'neutral';
  return { traditional, simplified, dominant };
}

interface Candidate {
  readonly offset: number;
  /** In one script alone (号): a stray whatever its context. Otherwise its context decides (党). */
  readonly sure: boolean;
}

/** Characters of the minority script and those the minority may have written (党 in a Traditional text), in order. */
function candidatesOf(text: string, minority: Script): Candidate[] {
  const cls = scriptClasses();
  const sure = minority === 'traditional' ? TRADITIONAL : SIMPLIFIED;
  const ambiguous = minority === 'traditional' ? AMBIGUOUS_AS_TRADITIONAL : AMBIGUOUS_AS_SIMPLIFIED;
  const found: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x3400) continue;
    if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i)!;
    if (cp <= LAST_HAN) {
      const c = cls[cp]!;
      if (c & sure) found.push({ offset: i, sure: true });
      else if (c & ambiguous) found.push({ offset: i, sure: false });
    }
    if (cp > 0xffff) i++;
  }
  return found;
}

/**
 * The Traditional standard a text follows, read off the characters the standards spell differently
 * (爲 裏 衆 in OpenCC's, 為 裡 眾 in Taiwan's, 為 衞 綫 in Hong Kong's): the stray test converts to it, so
 * that a Taiwanese 裡 or 台 is no stray.
 */
export function traditionalStandard(text: string): 's2t' | 's2tw' | 's2hk' {
  const cls = scriptClasses();
  let opencc = 0;
  let taiwan = 0;
  let hongKong = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x3400 || cp > 0x9fff) continue;
    const c = cls[cp]!;
    if (c & OPENCC_FORM) opencc++;
    if (c & TAIWAN_FORM) taiwan++;
    if (c & HONG_KONG_FORM) hongKong++;
  }
  if (taiwan > opencc && taiwan >= hongKong) return 's2tw';
  if (hongKong > opencc) return 's2hk';
  return 's2t';
}

/**
 * Characters that Taiwan's standard (the Ministry of Education's forms) writes where OpenCC's standard has
 * 臺 佈 週 佔 (平台, 布局, 周年, 搶占): in a text that follows Taiwan's standard they are no strays, even where
 * OpenCC's conversion would change them.
 */
const TAIWAN_STANDARD_FORMS = '台布周占';

/**
 * The characters of the minority script (号 in a Traditional text), each with the form the dominant script
 * has for it in context. A character in one script alone is always one; a character valid in both is one when
 * converting its clause to the dominant script changes it: 党 in 中国共产党 and 万 in 一万 inside a Traditional
 * text are strays, 范 in 范仲淹 and 万 in 万俟 are not. Empty when the text has no dominant script.
 */
export function findMinorityCharacters(text: string, counts: ScriptCounts = countScripts(text)): MinorityCharacter[] {
  if (counts.dominant === 'neutral') return [];
  const minority: Script = counts.dominant === 'traditional' ? 'simplified' : 'traditional';
  const candidates = candidatesOf(text, minority);
  if (candidates.length === 0) return [];
  const readings = contextualReadings(text, candidates, counts.dominant);
  const found: MinorityCharacter[] = [];
  candidates.forEach((candidate, i) => {
    const counterpart = readings[i];
    if (counterpart === undefined) return;
    const char = String.fromCodePoint(text.codePointAt(candidate.offset)!);
    found.push({ offset: candidate.offset, char, counterpart, script: minority });
  });
  return found;
}

/** Edits that replace every stray character by its counterpart in context, touching nothing else. */
export function unifyScriptEdits(text: string): TextEdit[] {
  return findMinorityCharacters(text).map((m) => ({ offset: m.offset, length: m.char.length, text: m.counterpart }));
}

/**
 * Reads each candidate in its clause. The clause is first brought wholly into the minority's script, so the
 * phrase dictionaries see a clean 头发 or 中国共产党 rather than a mix, then converted to the dominant script:
 * the candidate's form there is its counterpart. A one-script character is a stray in any case (where the
 * clause changes length, the character table gives its counterpart); a two-script character is a stray only
 * when the conversion changes it (undefined otherwise).
 */
function contextualReadings(text: string, candidates: readonly Candidate[], dominant: Script): Array<string | undefined> {
  // Extension characters would turn BMP characters astral and shift the clause; they are never candidates.
  const plain = { extensionCharacters: false };
  const toMinority = getConverter(dominant === 'traditional' ? 't2s' : 's2t', plain);
  const standard = dominant === 'traditional' ? traditionalStandard(text) : 't2s';
  const taiwan = standard === 's2tw';
  const toDominant = getConverter(standard, plain);
  const result: Array<string | undefined> = [];
  let clauseStart = -1;
  let clauseEnd = -1;
  let converted = '';
  for (const { offset, sure } of candidates) {
    if (offset >= clauseEnd) {
      clauseStart = clauseStartBefore(text, offset);
      clauseEnd = clauseEndAfter(text, offset);
      const clause = text.slice(clauseStart, clauseEnd);
      converted = toDominant.convert(toMinority.convert(clause));
      if (converted.length !== clause.length) converted = '';
    }
    const char = String.fromCodePoint(text.codePointAt(offset)!);
    const inContext = converted ? String.fromCodePoint(converted.codePointAt(offset - clauseStart)!) : '';
    if (sure) {
      // Accept the contextual reading only when it leaves the minority script.
      result.push(inContext && inContext !== char && scriptOf(inContext) !== scriptOf(char) ? inContext : (counterpartOf(char) ?? char));
    } else if (inContext && inContext !== char && !(taiwan && TAIWAN_STANDARD_FORMS.includes(char))) {
      result.push(inContext);
    } else {
      result.push(undefined);
    }
  }
  return result;
}

/** Start of the run of Han characters around `offset` (a clause for contextual reading). */
function clauseStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    let j = i - 1;
    if (j > 0 && isLowSurrogate(text.charCodeAt(j)) && (text.charCodeAt(j - 1) & 0xfc00) === 0xd800) j--;
    if (!isHanCodePoint(text.codePointAt(j)!)) break;
    i = j;
  }
  return i;
}

/** End of the run of Han characters around `offset`. */
function clauseEndAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (!isHanCodePoint(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}
