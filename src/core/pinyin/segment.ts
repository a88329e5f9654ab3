/**
 * Segmentation of a Simplified Han run by the cheapest path through the lexicon of words that contain a
 * polyphonic character (a unigram model: cost −ln frequency, from @pinyin-pro/data and CC-CEDICT). Only words
 * that hold a polyphone matter to the reading, so every other character costs as a single character.
 */
import { PLAIN_CHAR_COST, PREFIX_ONLY, wordsStartingWith, type Data, type LexiconWord } from './data';

export interface LexiconSegment {
  readonly start: number;
  readonly end: number;
  /** The lexicon word, or undefined for a single character standing alone. */
  readonly word: LexiconWord | undefined;
}

/** The cheapest path's segments of `simple`, in order. */
export function segmentRun(d: Data, simple: readonly string[]): LexiconSegment[] {
  const n = simple.length;
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1);
  const wordOf: Array<LexiconWord | undefined> = new Array(n + 1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    const first = simple[i]!;
    const poly = d.polyphones.get(first);
    const single = best[i]! + (poly ? poly.cost : PLAIN_CHAR_COST);
    if (single < best[i + 1]!) {
      best[i + 1] = single;
      from[i + 1] = i;
      wordOf[i + 1] = undefined;
    }
    const words = wordsStartingWith(d, first);
    if (!words) continue;
    let rest = '';
    for (let len = 2; len <= d.maxWord && i + len <= n; len++) {
      rest += simple[i + len - 1]!;
      const w = words.get(rest);
      if (!w) break;
      if (w === PREFIX_ONLY) continue;
      const cost = best[i]! + w.cost;
      if (cost < best[i + len]!) {
        best[i + len] = cost;
        from[i + len] = i;
        wordOf[i + len] = w;
      }
    }
  }
  const segments: LexiconSegment[] = [];
  for (let end = n; end > 0; end = from[end]!) segments.push({ start: from[end]!, end, word: wordOf[end] });
  return segments.reverse();
}
