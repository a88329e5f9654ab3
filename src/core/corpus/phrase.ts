/** Finding one phrase's occurrences with the same matching as slogan marking (either script, quotes, wraps). */
import { builtinSloganLexicon, foldPhrase, USER_CATEGORY, type Slogan, type SloganEntry, type SloganOptions } from '../slogans';

/**
 * `base` with the phrase added as a known slogan when it is not one already, so every occurrence is found, even
 * in a document that does not repeat it (a discovered phrase is only listed where it repeats).
 */
export function concordanceOptions(phrase: string, base: SloganOptions): SloganOptions {
  const key = foldPhrase(phrase);
  const lexicon = base.lexicon ?? builtinSloganLexicon();
  const known = [...lexicon, ...(base.userLexicon ?? [])].some((e) => foldPhrase(e.phrase) === key || e.abbreviations.some((a) => foldPhrase(a) === key));
  if (known) return { ...base, minCount: 1 };
  const entry: SloganEntry = { phrase, category: USER_CATEGORY, year: null, abbreviations: [], source: '' };
  return { ...base, minCount: 1, userLexicon: [...(base.userLexicon ?? []), entry], ignore: (base.ignore ?? []).filter((i) => foldPhrase(i) !== key) };
}

/** The slogan of `slogans` that is this phrase (by its folded form or one of its abbreviations), or undefined. */
export function phraseSlogan(slogans: readonly Slogan[], phrase: string): Slogan | undefined {
  const key = foldPhrase(phrase);
  return slogans.find((s) => s.key === key) ?? slogans.find((s) => s.abbreviations.some((a) => foldPhrase(a) === key));
}

export function phraseOccurrences(slogans: readonly Slogan[], phrase: string): Slogan['occurrences'] {
  return phraseSlogan(slogans, phrase)?.occurrences ?? [];
}

