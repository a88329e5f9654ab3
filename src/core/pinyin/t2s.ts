/**
 * zhdoc's default Traditional → Simplified conversion (`convertText(text, 't2s')`) from the small table in the
 * reading data (src/core/generated/pinyinT2s.ts, extracted from the compiled OpenCC tries by
 * scripts/gen-pinyin-t2s.mjs), so that reading, glossing and hovering Traditional text never loads OpenCC's
 * 5.5 MB of dictionaries. The semantics are the engine's for an unsegmented config: normalisation character by
 * character, then leftmost longest match, a pin having replaced the dictionary's value for its key.
 */
import type * as PinyinVendor from '../../vendor/pinyin';
import { convertText } from '../convert';
import { indexLines, indexPairs, type CharacterTable, type LineIndex } from './packedLines';

interface Table {
  /** Built only for a text holding a compatibility ideograph (U+F900–FAFF, U+2F800–2FA1F: every key is one). */
  normalization: Map<string, string> | undefined;
  readonly packedNormalization: string;
  readonly characters: CharacterTable;
  /** First character → its packed line of phrases, parsed on first use into `phrases`. */
  readonly phraseLines: LineIndex;
  readonly phrases: Map<string, Map<string, string>>;
  readonly maxPhrase: number;
}

let table: Table | undefined;
/** Set by tests to read through the full converter instead, for comparison. */
let useEngine = false;

/** Tests only: route traditionalToSimplified through convertText(…, 't2s') (true) or the table (false). */
export function useFullConverterForTests(on: boolean): void {
  useEngine = on;
}

function pairs(packed: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!packed) return out;
  for (const entry of packed.split('\u001e')) {
    const cut = entry.indexOf('\u001f');
    out.set(entry.slice(0, cut), entry.slice(cut + 1));
  }
  return out;
}

function load(): Table {
  if (table) return table;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  const v = require('zhdoc-vendor:pinyin') as typeof PinyinVendor;
  table = { normalization: undefined, packedNormalization: v.T2S_NORMALIZATION, characters: indexPairs(v.T2S_CHARACTERS), phraseLines: indexLines(v.T2S_PHRASES), phrases: new Map(), maxPhrase: v.T2S_MAX_PHRASE };
  return table;
}

function phrasesStartingWith(t: Table, first: string): Map<string, string> | undefined {
  let phrases = t.phrases.get(first);
  if (phrases) return phrases;
  const line = t.phraseLines.get(first);
  if (line === undefined) return undefined;
  phrases = pairs(line);
  t.phrases.set(first, phrases);
  return phrases;
}

/**
 * Text that the table cannot convert as the engine does: an ideographic description sequence (⿰木木 passes
 * through OpenCC as one unit) or a lone surrogate. Such text goes to the full converter.
 */
function needsEngine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2ff0 && c <= 0x2fff) return true;
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      else return true;
    }
  }
  return false;
}

function hasCompatibilityIdeograph(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // U+2F800–2FA1F are the astral characters of high surrogate U+D87E.
    if ((c >= 0xf900 && c <= 0xfaff) || c === 0xd87e) return true;
  }
  return false;
}

/** `text` converted to Simplified exactly as `convertText(text, 't2s')` does. */
export function traditionalToSimplified(text: string): string {
  if (useEngine || needsEngine(text)) return convertText(text, 't2s');
  const t = load();
  const chars = [...text];
  if (hasCompatibilityIdeograph(text)) {
    t.normalization ??= pairs(t.packedNormalization);
    for (let i = 0; i < chars.length; i++) chars[i] = t.normalization.get(chars[i]!) ?? chars[i]!;
  }
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const phrases = phrasesStartingWith(t, chars[i]!);
    if (phrases) {
      let matched = 0;
      let rest = '';
      let value = '';
      for (let len = 2; len <= t.maxPhrase && i + len <= chars.length; len++) {
        rest += chars[i + len - 1]!;
        const v = phrases.get(rest);
        if (v !== undefined) {
          matched = len;
          value = v;
        }
      }
      if (matched) {
        out += value;
        i += matched;
        continue;
      }
    }
    out += t.characters.get(chars[i]!) ?? chars[i]!;
    i++;
  }
  return out;
}
