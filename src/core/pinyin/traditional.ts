/**
 * Traditional text is read through a code-point-aligned conversion to Simplified (the view the lexicon and the
 * polyphone model know), except for characters whose Traditional form itself decides the reading.
 */
import { convertText } from '../convert';
import { scriptOf } from '../script';
import { loadData, wordsStartingWith } from './data';


/**
 * Traditional characters whose own form decides the reading, which a conversion to Simplified would lose:
 * 幹 and 乾 both become 干, 髮 and 發 both 发, 儘 and 盡 both 尽. A function gets the Simplified character the
 * text converted to (乾 stays 乾 in 乾隆, qián, and becomes 干 in 乾燥, gān).
 */
export const TRADITIONAL_READINGS: Readonly<Record<string, string | ((simplified: string, next: string) => string | undefined)>> = {
  幹: 'gan4',
  乾: (s) => (s === '干' ? 'gan1' : 'qian2'),
  髮: 'fa4',
  發: 'fa1',
  儘: 'jin3',
  盡: 'jin4',
  隻: 'zhi1',
  衹: 'zhi3',
  祇: 'zhi3',
  捨: 'she3',
  鬥: 'dou4',
  劃: 'hua4',
  蔔: 'bo5',
  彆: 'bie4',
  癥: 'zheng1',
  瞭: (_s, next) => (next === '望' ? 'liao4' : 'liao3'),
  著: (s) => (s === '著' ? 'zhu4' : undefined),
  藉: (s) => (s === '借' ? 'jie4' : undefined),
  於: 'yu2',
  噁: 'e3',
  麼: 'me5',
  麽: 'me5',
  樸: 'pu3',
  纔: 'cai2',
  傢: 'jia1',
  佔: 'zhan4',
  曬: 'shai4',
};

export const FORM_DECIDES = new Set(Object.keys(TRADITIONAL_READINGS));

/** True when the text holds a character whose Traditional form decides its reading (乾, 著, 於 …). */
export function hasFormDecidingCharacter(text: string): boolean {
  for (const c of text) if (FORM_DECIDES.has(c)) return true;
  return false;
}

/**
 * Compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F: 吸 written as U+2F83D) are the same characters as their
 * unified forms, which the reading data knows; NFC maps each to exactly one.
 */
export function unifyCompatibilityIdeographs(chars: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  chars.forEach((c, i) => {
    const cp = c.codePointAt(0)!;
    if ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)) {
      const unified = c.normalize('NFC');
      if (unified !== c && [...unified].length === 1) (out ??= [...chars])[i] = unified;
    }
  });
  return out ?? chars;
}

/** A Han run in Simplified form, code point for code point, or undefined when it is Simplified already. */
export function simplifiedRun(chars: readonly string[]): string[] | undefined {
  let needs = false;
  for (const c of chars) {
    if (scriptOf(c) === 'traditional' || FORM_DECIDES.has(c)) {
      needs = true;
      break;
    }
  }
  if (!needs) return undefined;
  let converted = [...convertText(chars.join(''), 't2s')];
  // A phrase changed length (rare in t2s): convert character by character to keep the alignment.
  if (converted.length !== chars.length) {
    converted = chars.map((c) => {
      const one = [...convertText(c, 't2s')];
      return one.length === 1 ? one[0]! : c;
    });
  }
  for (let i = 0; i < converted.length; i++) if (converted[i] === '著' && !inLexiconWord(converted, i)) converted[i] = '着';
  return converted;
}

/**
 * True when a word of the lexicon of up to three characters covers position i. Taiwan writes 著 for the
 * aspect particle 着 (意味著, 隨著) and t2s keeps it; 著 is zhù only in words (著名, 顯著, 土著).
 */
function inLexiconWord(chars: readonly string[], i: number): boolean {
  const d = loadData();
  for (let start = Math.max(0, i - 2); start <= i; start++) {
    const words = wordsStartingWith(d, chars[start]!);
    if (!words) continue;
    for (let end = Math.max(i + 1, start + 2); end <= Math.min(chars.length, start + 3); end++) {
      if (words.has(chars.slice(start + 1, end).join(''))) return true;
    }
  }
  return false;
}

