/**
 * Which script a text is written in, and which characters break with it. Only characters that exist in
 * one script alone count (号 is Simplified only, 號 Traditional only; 干, 后, 台 are valid in both and count
 * for neither), so a Traditional text auto-converted by a web site shows its leftover Simplified forms.
 */
import { getConverter } from './convert';
import { SIMPLIFIED_ONLY, SIMPLIFIED_ONLY_TARGETS, TRADITIONAL_ONLY, TRADITIONAL_ONLY_TARGETS } from './generated/openccTables';
import type { TextEdit } from './text';

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

const TRADITIONAL = 1;
const SIMPLIFIED = 2;
const LAST_HAN = 0x323af;

let classes: Uint8Array | undefined;
let tableCounterparts: Map<number, string> | undefined;

/** A byte per code point up to the last Han block: 1 Traditional only, 2 Simplified only, 0 either or neither. */
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
  }
  return classes;
}

/** The script a single character belongs to alone, or undefined when it is valid in both (or not Han). */
export function scriptOf(char: string): Script | undefined {
  const cp = char.codePointAt(0) ?? 0;
  const cls = cp <= LAST_HAN ? scriptClasses()[cp] : 0;
  return cls === TRADITIONAL ? 'traditional' : cls === SIMPLIFIED ? 'simplified' : undefined;
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
    const c = cls[cp];
    if (c === TRADITIONAL) traditional++;
    else if (c === SIMPLIFIED) simplified++;
  }
  const dominant = traditional > simplified ? 'traditional' : simplified > traditional ? 'simplified' : 'neutral';
  return { traditional, simplified, dominant };
}

/** Offsets of the characters of `script`, in order. */
function offsetsOf(text: string, script: Script): number[] {
  const cls = scriptClasses();
  const want = script === 'traditional' ? TRADITIONAL : SIMPLIFIED;
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp <= LAST_HAN && cls[cp] === want) offsets.push(i);
    if (cp > 0xffff) i++;
  }
  return offsets;
}

/**
 * The characters of the minority script (号 in a Traditional text), each with the form the dominant script
 * has for it in context. Empty when the text has no dominant script.
 */
export function findMinorityCharacters(text: string, counts: ScriptCounts = countScripts(text)): MinorityCharacter[] {
  if (counts.dominant === 'neutral') return [];
  const minority: Script = counts.dominant === 'traditional' ? 'simplified' : 'traditional';
  const offsets = offsetsOf(text, minority);
  if (offsets.length === 0) return [];
  const counterparts = contextualCounterparts(text, offsets, counts.dominant);
  return offsets.map((offset, i) => {
    const char = String.fromCodePoint(text.codePointAt(offset)!);
    return { offset, char, counterpart: counterparts[i]!, script: minority };
  });
}

/** Edits that replace every minority-script character by its counterpart, touching nothing else. */
export function unifyScriptEdits(text: string): TextEdit[] {
  return findMinorityCharacters(text).map((m) => ({ offset: m.offset, length: m.char.length, text: m.counterpart }));
}

/**
 * Reads each minority character in its clause: the clause is first brought wholly into the minority's
 * script, so the phrase dictionaries see a clean 头发 and give 頭髮 rather than the character table's 發.
 * Where a round trip changes a clause's length, the character table decides.
 */
function contextualCounterparts(text: string, offsets: readonly number[], dominant: Script): string[] {
  const toMinority = getConverter(dominant === 'traditional' ? 't2s' : 's2t');
  const toDominant = getConverter(dominant === 'traditional' ? 's2t' : 't2s');
  const result: string[] = [];
  let clauseStart = -1;
  let clauseEnd = -1;
  let converted = '';
  for (const offset of offsets) {
    if (offset >= clauseEnd) {
      clauseStart = offset;
      while (clauseStart > 0 && isClauseChar(text.charCodeAt(clauseStart - 1))) clauseStart--;
      clauseEnd = offset;
      while (clauseEnd < text.length && isClauseChar(text.charCodeAt(clauseEnd))) clauseEnd++;
      const clause = text.slice(clauseStart, clauseEnd);
      converted = toDominant.convert(toMinority.convert(clause));
      if (converted.length !== clause.length) converted = '';
    }
    const char = String.fromCodePoint(text.codePointAt(offset)!);
    const inContext = converted ? String.fromCodePoint(converted.codePointAt(offset - clauseStart)!) : '';
    const fallback = counterpartOf(char) ?? char;
    // Accept the contextual reading only when it lands in the dominant script or is the table's own answer.
    result.push(inContext && inContext !== char && scriptOf(inContext) !== scriptOf(char) ? inContext : fallback);
  }
  return result;
}

/** Han characters and the surrogates of astral ones: what a clause for contextual reading is made of. */
function isClauseChar(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdfff) || c === 0x3007;
}
