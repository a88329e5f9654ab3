/**
 * Pinyin syllables in zhdoc's canonical form and the forms a reader sees. The canonical form is tone-number
 * pinyin in lower case with ü written v and the neutral tone 5 (`zhong4`, `lv4`, `le5`), the form the CLI's
 * `--jsonl` prints and every other form is derived from.
 */

export type Tone = 1 | 2 | 3 | 4 | 5;

/** How readings are shown: tone marks (zhōng), tone numbers (zhong4), no tones (zhong), or 注音 (ㄓㄨㄥ). */
export type PinyinStyle = 'marks' | 'numbers' | 'none' | 'zhuyin';

export const PINYIN_STYLES: readonly PinyinStyle[] = ['marks', 'numbers', 'none', 'zhuyin'];

/** True for a canonical reading: lower-case letters then a tone digit 1–5. */
export function isReading(s: string): boolean {
  return /^[a-z]+[1-5]$/.test(s);
}

/** The tone of a canonical reading (5 for the neutral tone). */
export function toneOf(reading: string): Tone {
  const d = reading.charCodeAt(reading.length - 1) - 48;
  return (d >= 1 && d <= 5 ? d : 5) as Tone;
}

/** The reading without its tone digit, ü still written v (`lv4` → `lv`). */
export function baseOf(reading: string): string {
  return isReading(reading) ? reading.slice(0, -1) : reading;
}

const TONE_MARKS: Record<string, readonly [string, string, string, string]> = {
  a: ['ā', 'á', 'ǎ', 'à'],
  e: ['ē', 'é', 'ě', 'è'],
  i: ['ī', 'í', 'ǐ', 'ì'],
  o: ['ō', 'ó', 'ǒ', 'ò'],
  u: ['ū', 'ú', 'ǔ', 'ù'],
  ü: ['ǖ', 'ǘ', 'ǚ', 'ǜ'],
  n: ['n\u0304', 'ń', 'ň', 'ǹ'],
  m: ['m\u0304', 'ḿ', 'm\u030c', 'm\u0300'],
};

/**
 * Tone-mark pinyin (`lv4` → `lǜ`). The mark goes on a or e if present, on the o of ou, else on the last vowel;
 * syllables without a vowel (m, n, ng) carry it on their first letter.
 */
export function toMarks(reading: string): string {
  if (!isReading(reading)) return reading;
  const tone = toneOf(reading);
  const base = reading.slice(0, -1).replace(/v/g, 'ü');
  if (tone === 5) return base;
  let at = base.search(/[ae]/);
  if (at < 0) at = base.indexOf('ou');
  if (at < 0) {
    for (let i = base.length - 1; i >= 0; i--) {
      if ('iouü'.includes(base[i]!)) {
        at = i;
        break;
      }
    }
  }
  if (at < 0) at = base.search(/[mn]/);
  if (at < 0) return base;
  return base.slice(0, at) + TONE_MARKS[base[at]!]![tone - 1] + base.slice(at + 1);
}

const ZHUYIN_INITIALS: ReadonlyArray<readonly [string, string]> = [
  ['zh', 'ㄓ'], ['ch', 'ㄔ'], ['sh', 'ㄕ'],
  ['b', 'ㄅ'], ['p', 'ㄆ'], ['m', 'ㄇ'], ['f', 'ㄈ'], ['d', 'ㄉ'], ['t', 'ㄊ'], ['n', 'ㄋ'], ['l', 'ㄌ'],
  ['g', 'ㄍ'], ['k', 'ㄎ'], ['h', 'ㄏ'], ['j', 'ㄐ'], ['q', 'ㄑ'], ['x', 'ㄒ'], ['r', 'ㄖ'],
  ['z', 'ㄗ'], ['c', 'ㄘ'], ['s', 'ㄙ'],
];

const ZHUYIN_FINALS: Record<string, string> = {
  a: 'ㄚ', o: 'ㄛ', e: 'ㄜ', ê: 'ㄝ', ai: 'ㄞ', ei: 'ㄟ', ao: 'ㄠ', ou: 'ㄡ', an: 'ㄢ', en: 'ㄣ', ang: 'ㄤ', eng: 'ㄥ', er: 'ㄦ', ong: 'ㄨㄥ',
  i: 'ㄧ', ia: 'ㄧㄚ', io: 'ㄧㄛ', ie: 'ㄧㄝ', iai: 'ㄧㄞ', iao: 'ㄧㄠ', iu: 'ㄧㄡ', iou: 'ㄧㄡ', ian: 'ㄧㄢ', in: 'ㄧㄣ', iang: 'ㄧㄤ', ing: 'ㄧㄥ', iong: 'ㄩㄥ',
  u: 'ㄨ', ua: 'ㄨㄚ', uo: 'ㄨㄛ', uai: 'ㄨㄞ', ui: 'ㄨㄟ', uei: 'ㄨㄟ', uan: 'ㄨㄢ', un: 'ㄨㄣ', uen: 'ㄨㄣ', uang: 'ㄨㄤ', ueng: 'ㄨㄥ',
  v: 'ㄩ', ve: 'ㄩㄝ', van: 'ㄩㄢ', vn: 'ㄩㄣ',
};

/** Whole syllables that do not split into initial + final the regular way. */
const ZHUYIN_SPECIAL: Record<string, string> = {
  zhi: 'ㄓ', chi: 'ㄔ', shi: 'ㄕ', ri: 'ㄖ', zi: 'ㄗ', ci: 'ㄘ', si: 'ㄙ',
  m: 'ㄇ', n: 'ㄋ', ng: 'ㄫ', hm: 'ㄏㄇ', hng: 'ㄏㄫ', r: 'ㄦ', ê: 'ㄝ', e: 'ㄜ',
};

const ZHUYIN_TONES = ['', 'ˊ', 'ˇ', 'ˋ'];

/** 注音符號 (`zhong1` → ㄓㄨㄥ, `ma5` → ˙ㄇㄚ); an unknown spelling is returned as it came. */
export function toZhuyin(reading: string): string {
  if (!isReading(reading)) return reading;
  const tone = toneOf(reading);
  let s = reading.slice(0, -1);
  let body = ZHUYIN_SPECIAL[s];
  if (body === undefined) {
    // y- and w- spellings stand for a medial i, u or ü.
    if (s.startsWith('yu')) s = 'v' + s.slice(2);
    else if (s.startsWith('yi')) s = s.slice(1);
    else if (s.startsWith('y')) s = 'i' + s.slice(1);
    else if (s.startsWith('wu')) s = s.slice(1);
    else if (s.startsWith('w')) s = 'u' + s.slice(1);
    let initial = '';
    for (const [latin, symbol] of ZHUYIN_INITIALS) {
      if (s.startsWith(latin) && s.length > latin.length) {
        initial = symbol;
        s = s.slice(latin.length);
        // After j, q, x a written u is ü.
        if ('ㄐㄑㄒ'.includes(symbol) && s.startsWith('u')) s = 'v' + s.slice(1);
        break;
      }
    }
    const final = ZHUYIN_FINALS[s];
    if (final === undefined) return reading;
    body = initial + final;
  }
  return tone === 5 ? '˙' + body : body + ZHUYIN_TONES[tone - 1];
}

/** A canonical reading in the given style. */
export function formatReading(reading: string, style: PinyinStyle): string {
  switch (style) {
    case 'marks':
      return toMarks(reading);
    case 'numbers':
      return reading;
    case 'none':
      return baseOf(reading);
    case 'zhuyin':
      return toZhuyin(reading);
  }
}

/** The reading of an erhua 儿 (一点儿 yi1 dian3 r5): written as the `r` of the syllable before it. */
export const ERHUA_READING = 'r5';

/** One syllable as written, with the erhua `r` of a following 儿 when `erhua` (diǎnr, dianr3, ㄉㄧㄢˇㄦ). */
export function formatSyllable(reading: string, style: PinyinStyle, erhua = false): string {
  const s = formatReading(reading, style);
  if (!erhua) return s;
  switch (style) {
    case 'marks':
    case 'none':
      return s + 'r';
    case 'numbers':
      // The tone number ends the syllable, r included (dianr3), as numbered pinyin writes erhua.
      return isReading(reading) ? `${baseOf(reading)}r${toneOf(reading)}` : s + 'r';
    case 'zhuyin':
      return s + 'ㄦ';
  }
}

/**
 * What goes before a written syllable in a word: an apostrophe before a, e or o in the tone-mark and toneless
 * styles (xī'ān), a space between syllables in the numbers and zhuyin styles, nothing at the start.
 */
export function syllableSeparator(written: string, style: PinyinStyle, first: boolean): string {
  if (first) return '';
  if (style === 'numbers' || style === 'zhuyin') return ' ';
  return /^[aeoāáǎàēéěèōóǒò]/.test(written) ? "'" : '';
}

/** A word's readings as written syllables: an erhua 儿 (ERHUA_READING) joins the syllable before it. */
export function syllableGroups(readings: readonly string[]): Array<{ readonly reading: string; readonly erhua: boolean; readonly count: number }> {
  const groups: Array<{ reading: string; erhua: boolean; count: number }> = [];
  for (const r of readings) {
    const last = groups[groups.length - 1];
    if (r === ERHUA_READING && last && !last.erhua) {
      last.erhua = true;
      last.count++;
    } else groups.push({ reading: r, erhua: false, count: 1 });
  }
  return groups;
}

/**
 * Several readings as one word: pinyin syllables run together with an apostrophe before a, e or o
 * (`xi1 an1` → xī'ān, `han4 zi4` → hànzì); numbers and zhuyin are separated by spaces. An erhua 儿 (`r5`) is
 * the `r` of the syllable before it (`yi1 dian3 r5` → yīdiǎnr, yi1 dianr3, ㄧ ㄉㄧㄢˇㄦ).
 */
export function formatWord(readings: readonly string[], style: PinyinStyle): string {
  let out = '';
  for (const g of syllableGroups(readings)) {
    const s = formatSyllable(g.reading, style, g.erhua);
    out += syllableSeparator(s, style, out === '') + s;
  }
  return out;
}

const MARK_TO_NUMBER: Record<string, readonly [string, Tone]> = {};
for (const [letter, marks] of Object.entries(TONE_MARKS)) {
  marks.forEach((m, i) => {
    if (m.length === 1) MARK_TO_NUMBER[m] = [letter === 'ü' ? 'v' : letter, (i + 1) as Tone];
  });
}

/**
 * Parses a syllable in any of the pinyin forms (zhōng, zhong1, zhong, lǜ, lv4, lu:4) to the canonical form;
 * a syllable without tone becomes neutral. Undefined for anything else.
 */
export function parseReading(syllable: string): string | undefined {
  let s = syllable.normalize('NFC').toLowerCase().replace(/u:/g, 'v').replace(/ü/g, 'v');
  let tone: number | undefined;
  const digit = /[0-5]$/.exec(s);
  if (digit) {
    tone = Number(digit[0]) || 5;
    s = s.slice(0, -1);
  }
  let out = '';
  for (const ch of s.normalize('NFD').normalize('NFC')) {
    const m = MARK_TO_NUMBER[ch];
    if (m) {
      out += m[0];
      tone = m[1];
    } else out += ch;
  }
  out = out.replace(/[\u0300\u0301\u0304\u030c]/g, (c) => {
    tone = c === '\u0304' ? 1 : c === '\u0301' ? 2 : c === '\u030c' ? 3 : 4;
    return '';
  });
  const reading = out + (tone ?? 5);
  return isReading(reading) ? reading : undefined;
}
