/** Counts for a Chinese document, as Chinese writers count: 字数 is the number of Han characters. */
import { isHanCodePoint } from './text';

export interface DocumentStatistics {
  /** Han characters (字数). */
  readonly han: number;
  /** Distinct Han characters. */
  readonly distinctHan: number;
  /** Chinese (full-width) and other punctuation marks. */
  readonly punctuation: number;
  /** Runs of Latin letters (English words, names, URLs count as words). */
  readonly latinWords: number;
  /** Lines (a final line break starts no new line here: editors show it as an empty last line). */
  readonly lines: number;
  /** Non-blank lines: scraped web text puts one paragraph on a line. */
  readonly paragraphs: number;
}

const PUNCTUATION = /[\p{P}]/u;

export function documentStatistics(text: string): DocumentStatistics {
  let han = 0;
  let punctuation = 0;
  let latinWords = 0;
  let lines = text.length === 0 ? 0 : 1;
  let paragraphs = 0;
  let lineHasText = false;
  let inLatin = false;
  const distinct = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const latin = (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
    if (latin && !inLatin) latinWords++;
    inLatin = latin;
    if (cp === 0x0a) {
      if (lineHasText) paragraphs++;
      lineHasText = false;
      if (i + 1 < text.length) lines++;
      continue;
    }
    if (cp > 0x20 && cp !== 0x3000) lineHasText = true;
    if (isHanCodePoint(cp)) {
      han++;
      distinct.add(cp);
    } else if (cp < 0x80 ? PUNCTUATION.test(text[i]!) : PUNCTUATION.test(String.fromCodePoint(cp))) {
      punctuation++;
    }
  }
  if (lineHasText) paragraphs++;
  return { han, distinctHan: distinct.size, punctuation, latinWords, lines, paragraphs };
}
