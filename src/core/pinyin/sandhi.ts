/**
 * Tone sandhi, as a reader says the text rather than as the dictionary writes each character. Off by default
 * (learners' dictionaries and most pinyin keep citation tones); 'yiBu' applies the two sandhi that standard
 * pinyin teaching writes (一 and 不), 'full' also third-tone sandhi.
 */
import type { PinyinWord } from './words';
import { toneOf } from './syllable';

export type ToneSandhi = 'off' | 'yiBu' | 'full';

export const TONE_SANDHI_MODES: readonly ToneSandhi[] = ['off', 'yiBu', 'full'];

/** Numerals after which 一 is a digit of a number (十一, 二十一) and keeps its tone; 第一 is an ordinal. */
const NUMBER_BEFORE_YI = new Set([...'第十百千万亿零〇一二三四五六七八九两']);
/** Numerals after 一 in counting or a number (一二三, 一九四九, 一十): the digits keep their tone. */
const DIGIT_AFTER_YI = new Set([...'一二三四五六七八九十零〇']);
/** Words before which 个 is the classifier, said in the neutral tone (一个 yí ge, 这个 zhè ge). */
const BEFORE_CLASSIFIER_GE = new Set([...'一二三四五六七八九十两几这那哪每某半整各']);

/**
 * Readings of a run of Han characters with sandhi applied; `words` gives [start, end) code point spans of the
 * run's words (third-tone sandhi applies inside a word). Unknown readings (null) stop every rule.
 */
export function sandhiReadings(chars: readonly string[], readings: ReadonlyArray<string | null>, mode: ToneSandhi, words: ReadonlyArray<readonly [number, number]> = []): Array<string | null> {
  const out = [...readings];
  if (mode === 'off') return out;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '个' || chars[i] === '個') {
      if (out[i] === 'ge4' && BEFORE_CLASSIFIER_GE.has(chars[i - 1] ?? '')) out[i] = 'ge5';
    }
  }
  // Tones before sandhi decide (一个: 个 is ge4 underneath its neutral ge).
  const underlying = (k: number): number | undefined => {
    const r = readings[k];
    return r ? toneOf(r) : undefined;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '一' && readings[i] === 'yi1') {
      const prev = chars[i - 1] ?? '';
      const next = chars[i + 1] ?? '';
      if (i + 1 >= chars.length || NUMBER_BEFORE_YI.has(prev) || DIGIT_AFTER_YI.has(next)) continue;
      // Reduplicated verbs (看一看, 想一想): 一 is neutral between the two.
      if (prev !== '' && prev === next) {
        out[i] = 'yi5';
        continue;
      }
      const t = underlying(i + 1);
      if (t === 4) out[i] = 'yi2';
      else if (t === 1 || t === 2 || t === 3) out[i] = 'yi4';
    } else if (c === '不' && readings[i] === 'bu4') {
      if (underlying(i + 1) === 4) out[i] = 'bu2';
    }
  }
  if (mode === 'full') {
    for (const [start, end] of words.length ? words : [[0, chars.length] as const]) {
      // In a stretch of third tones, each but the last is said rising (你好 ní hǎo, 展览馆 zhǎn lán guǎn: the
      // simple rule, not the prosodic grouping of longer stretches).
      for (let i = start; i + 1 < end; i++) {
        const r = out[i];
        const n = out[i + 1];
        if (r && n && toneOf(r) === 3 && toneOf(n) === 3 && r.endsWith('3')) out[i] = r.slice(0, -1) + '2';
      }
    }
  }
  return out;
}

/**
 * Words with sandhi applied, each run of adjacent words (one Han run) read together, so 不 sees the word after
 * it. Words at the ends of the list see no neighbour beyond it: pass a little more than is shown.
 */
export function sandhiWords(words: readonly PinyinWord[], mode: ToneSandhi): PinyinWord[] {
  if (mode === 'off') return [...words];
  const out: PinyinWord[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i + 1;
    while (j < words.length && words[j]!.start === words[j - 1]!.end) j++;
    const group = words.slice(i, j);
    const chars: string[] = [];
    const readings: Array<string | null> = [];
    const spans: Array<readonly [number, number]> = [];
    for (const w of group) {
      const start = chars.length;
      chars.push(...w.word);
      readings.push(...w.readings);
      spans.push([start, chars.length]);
    }
    const changed = sandhiReadings(chars, readings, mode, spans);
    group.forEach((w, k) => out.push({ ...w, readings: changed.slice(spans[k]![0], spans[k]![1]) }));
    i = j;
  }
  return out;
}
