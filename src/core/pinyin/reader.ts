/**
 * Readings of Chinese text in context. A character with one reading has it (pinyin-pro's reading, baked into the
 * data at generation time); zhdoc decides the polyphonic ones itself, because that is where pinyin-pro errs
 * about one time in ten:
 *
 *  1. each run of Han characters is segmented by the cheapest path through a lexicon of words that contain a
 *     polyphonic character (a unigram model: cost −ln frequency, from @pinyin-pro/data and CC-CEDICT);
 *  2. a polyphonic character inside a word takes the word's reading;
 *  3. one standing alone takes a reading from a few context rules for frequent function characters
 *     (只 after a numeral is the classifier zhī, …), else its own default, chosen from running-text frequency;
 *  4. Traditional text is read through a code-point-aligned conversion to Simplified, except for characters
 *     whose Traditional form itself decides the reading (幹 gàn, 髮 fà, 儘 jǐn …).
 *
 * The data (about 2 MB) loads on the first call, never at import.
 */
import type { BINARY_VENDORS, LoadedVendor } from '../../vendor/binaryVendor';
import type * as PinyinVendor from '../../vendor/pinyin';
import { scriptOf } from '../script';
import { isHanCodePoint } from '../text';
import { decodeBase64, modelHasChoice, modelReading, unpackModel, type PolyphoneModel, type PolyphoneSite } from './model';
import { COST_BASE, PREFIX_ONLY, wordsInUnits, type LexiconWord, type WordsOfFirst } from './lexiconWords';
import { indexValueLines, lineRange, lineTable, type CharacterTable, type LineTable } from './packedLines';
import { traditionalToSimplified } from './t2s';

type Vendor = LoadedVendor<typeof PinyinVendor, (typeof BINARY_VENDORS)['pinyin']>;

let vendor: Vendor | undefined;

/** Loads the reading data on first use (`zhdoc-vendor:pinyin`, see scripts/build.mjs). */
function loadVendor(): Vendor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  vendor ??= require('zhdoc-vendor:pinyin') as Vendor;
  return vendor;
}

/** True once the pinyin data has been loaded in this process (activation must not load it). */
export function isPinyinLoaded(): boolean {
  return vendor !== undefined;
}

interface Polyphone {
  /** Readings, the one the character has standing alone first. */
  readonly readings: readonly string[];
  /** Segmentation cost as a single-character word. */
  readonly cost: number;
}

interface Data {
  readonly polyphones: Map<string, Polyphone>;
  /** Characters with one reading → that reading. */
  readonly singles: CharacterTable;
  /** WORD_LINES as code units with their line starts (src/vendor/binaryVendor.ts). */
  readonly wordLines: LineTable;
  /** Words already made from it, by entry position, shared by all first characters. */
  readonly builtWords: Map<number, LexiconWord>;
  /** First character → its words, or null for a character that begins none (looked up at almost every character). */
  readonly parsed: Map<string, WordsOfFirst | null>;
  readonly maxWord: number;
}

let data: Data | undefined;

/** Cost of a single character that is not polyphonic: a common character's frequency (about e^-16). */
const PLAIN_CHAR_COST = 16;

function loadData(): Data {
  if (data) return data;
  const v = loadVendor();
  const polyphones = new Map<string, Polyphone>();
  for (const line of v.POLYPHONE_LINES.split('\n')) {
    const ch = String.fromCodePoint(line.codePointAt(0)!);
    polyphones.set(ch, { cost: line.charCodeAt(ch.length) - 65 + COST_BASE, readings: line.slice(ch.length + 1).split(' ') });
  }
  // Indexed, not split: cutting every line into maps cost about 30 ms of the first hover.
  const wordLines = lineTable(v.WORD_LINES);
  const singles = indexValueLines(v.SINGLE_LINES);
  data = { polyphones, singles, wordLines, builtWords: new Map(), parsed: new Map(), maxWord: 8 };
  return data;
}

/** The words starting with `first`, indexed from their packed line the first time they are needed. */
function wordsStartingWith(d: Data, first: string): WordsOfFirst | undefined {
  const known = d.parsed.get(first);
  if (known !== undefined) return known ?? undefined;
  const range = lineRange(d.wordLines, first);
  const extraWords = EXTRA_BY_FIRST.get(first);
  if (range === undefined && !extraWords) {
    d.parsed.set(first, null);
    return undefined;
  }
  let extras: Map<string, LexiconWord> | undefined;
  for (const [rest, readings] of extraWords ?? []) addExtraWord(d, (extras ??= new Map()), first, rest, readings);
  const [from, to] = range ?? [0, 0];
  const words = wordsInUnits(d.wordLines.units, from, to, extras, d.builtWords);
  d.parsed.set(first, words);
  return words;
}

/**
 * Words the generated lexicon lacks, in Simplified form with their readings. Two kinds: common words without a
 * polyphone, which the lexicon leaves out but which must compete in the segmentation so that a polyphone word does
 * not swallow half of them (重审|批 where the text says 重|审批); and Taiwan's institutional abbreviations, whose
 * polyphone keeps the reading of the word it abbreviates (检调, 警调: 调查局 diào; 都发局, 都更: 都市 dū).
 */
const EXTRA_WORDS: Readonly<Record<string, string>> = {
  审批: 'shen3 pi1',
  检调: 'jian3 diao4',
  警调: 'jing3 diao4',
  都发局: 'du1 fa1 ju2',
  都更: 'du1 geng1',
  都委会: 'du1 wei3 hui4',
  都计: 'du1 ji4',
};
/** As cheap as a common two-character word of the lexicon (classes run A = 10 … Z = 35). */
const EXTRA_WORD_COST = 12;

const EXTRA_BY_FIRST = new Map<string, Array<[string, string]>>();
for (const [word, readings] of Object.entries(EXTRA_WORDS)) {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  const list = EXTRA_BY_FIRST.get(first) ?? [];
  list.push([word.slice(first.length), readings]);
  EXTRA_BY_FIRST.set(first, list);
}

function addExtraWord(d: Data, words: Map<string, LexiconWord>, first: string, rest: string, readings: string): void {
  const syllables = readings.split(' ');
  let indices = '';
  [first, ...rest].forEach((c, k) => {
    const poly = d.polyphones.get(c);
    if (poly) indices += Math.max(0, poly.readings.indexOf(syllables[k]!)).toString(36);
  });
  words.set(rest, { cost: EXTRA_WORD_COST, indices });
  for (let end = rest.length - 1; end > 0; end--) if (!words.has(rest.slice(0, end))) words.set(rest.slice(0, end), PREFIX_ONLY);
}

// ---------------------------------------------------------------- Traditional

/**
 * Traditional characters whose own form decides the reading, which a conversion to Simplified would lose:
 * 幹 and 乾 both become 干, 髮 and 發 both 发, 儘 and 盡 both 尽. A function gets the Simplified character the
 * text converted to (乾 stays 乾 in 乾隆, qián, and becomes 干 in 乾燥, gān).
 */
const TRADITIONAL_READINGS: Readonly<Record<string, string | ((simplified: string, next: string) => string | undefined)>> = {
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

const FORM_DECIDES = new Set(Object.keys(TRADITIONAL_READINGS));

/** True when the text holds a character whose Traditional form decides its reading (乾, 著, 於 …). */
export function hasFormDecidingCharacter(text: string): boolean {
  for (const c of text) if (FORM_DECIDES.has(c)) return true;
  return false;
}

/** A Han run in Simplified form, code point for code point, or undefined when it is Simplified already. */
/**
 * Compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F: 吸 written as U+2F83D) are the same characters as their
 * unified forms, which the reading data knows; NFC maps each to exactly one.
 */
function unifyCompatibilityIdeographs(chars: readonly string[]): readonly string[] {
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

function simplifiedRun(chars: readonly string[]): string[] | undefined {
  let needs = false;
  for (const c of chars) {
    if (scriptOf(c) === 'traditional' || FORM_DECIDES.has(c)) {
      needs = true;
      break;
    }
  }
  if (!needs) return undefined;
  let converted = [...traditionalToSimplified(chars.join(''))];
  // A phrase changed length (rare in t2s): convert character by character to keep the alignment.
  if (converted.length !== chars.length) {
    converted = chars.map((c) => {
      const one = [...traditionalToSimplified(c)];
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

// ---------------------------------------------------------------- context

const NUMERALS = new Set([...'一二三四五六七八九十百千万两几每这那多半某各单数好0123456789０１２３４５６７８９']);
/** Characters that mostly spell foreign names, for the transliteration readings of a few polyphones. */
const TRANSLITERATION = new Set([...'斯尔克特亚阿拉德伊里罗诺布尼纳维利塔卡科蒂西奥埃达格乌莫托丹基萨马哈巴普兰赫弗夫佩洛勒茨兹索吉贝迪曼森娜莉丝娅安姆图雷瓦·']);
const TRANSLITERATION_READINGS: Readonly<Record<string, string>> = {
  塞: 'sai4', 什: 'shi2', 伯: 'bo2', 柏: 'bo2', 莎: 'sha1', 茜: 'xi1', 耶: 'ye1', 缪: 'miu4', 艮: 'gen4', 喀: 'ka1', 佛: 'fo2', 朴: 'pu3', 扎: 'za1',
};
const TROOPS = new Set([...'部军兵师众队舰机骑团']);
const DEGREE = new Set([...'很非较太更最挺真好多十极不']);

function isTransliterationContext(chars: readonly string[], i: number): boolean {
  let near = 0;
  for (const j of [i - 2, i - 1, i + 1, i + 2]) if (TRANSLITERATION.has(chars[j] ?? '')) near++;
  return near >= 2 && (TRANSLITERATION.has(chars[i - 1] ?? '') || TRANSLITERATION.has(chars[i + 1] ?? ''));
}

/**
 * The reading of a polyphonic character that no word covers, from its neighbours in the run (Simplified).
 * Each rule is a general fact of usage, not a fix for one sentence.
 */
function contextReading(chars: readonly string[], i: number, before: string): string | undefined {
  const c = chars[i]!;
  const prev = chars[i - 1] ?? before;
  const next = chars[i + 1] ?? '';
  const tr = TRANSLITERATION_READINGS[c];
  if (tr && isTransliterationContext(chars, i)) return tr;
  switch (c) {
    case '干': // alone, the verb gàn (实干, 干了三年); the adjective gān lives in compounds (干净, 饼干)
      return 'gan4';
    case '只': // the classifier follows a numeral or demonstrative; otherwise "only"
      return NUMERALS.has(prev) ? 'zhi1' : 'zhi3';
    case '什': // shén lives only in 什么, a word of its own; alone 什 is shí (什锦, names)
      return next === '么' || next === '麼' ? 'shen2' : 'shi2';
    case '为': // the copula 为 wéi (改为, 均为); wèi "for" opens its clause or precedes 了/何
      return (i === 0 && !/[\p{L}\p{N}]/u.test(before)) || next === '了' || next === '何' ? 'wei4' : 'wei2';
    case '量': // alone after a noun, the quantity 量 liàng (计算量); the verb liáng opens its phrase
      return i === 0 && !/[\p{L}\p{N}]/u.test(before) && next ? 'liang2' : 'liang4';
    case '率': // "lead" shuài before the troops led (率部, 率新四军); the rate lǜ ends a word
      for (let j = i + 1; j <= i + 4 && j < chars.length; j++) if (TROOPS.has(chars[j]!)) return 'shuai4';
      return next ? undefined : 'lv4';
    case '应': // alone before a verb, the modal yīng "should"; yìng lives in words (答应, 应对, 反应)
      return next ? 'ying1' : undefined;
    case '弄': // a numbered lane (武康路40弄) is lòng
      return /[0-9０-９]$/.test(prev) ? 'long4' : undefined;
    case '得': // the complement marker before a degree word (死得较为突然, 跑得很快)
      return DEGREE.has(next) ? 'de5' : undefined;
    case '还': // the adverb hái ("still") never ends a clause; the verb huán ("return, repay") may (命债命还, 有借有还)
      return next ? undefined : 'huan2';
    case '将': // the future/disposal marker jiāng never ends a clause; the general jiàng may
      return next ? undefined : 'jiang4';
    case '藏': // Tibet: 驻藏, 入藏, 藏军
      return '驻入进援治'.includes(prev) || '军巴兵区'.includes(next) ? 'zang4' : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------- reading

export interface RunAnalysis {
  /** Reading of each code point of the run (null where none is known). */
  readonly readings: Array<string | null>;
  /** The multi-character lexicon words the segmentation chose, as [start, end) code point indices. */
  readonly words: Array<readonly [number, number]>;
}

interface BaseAnalysis {
  /** The run with compatibility ideographs unified. */
  readonly chars: readonly string[];
  /** The run in Simplified form, or undefined when it is Simplified already. */
  readonly converted: readonly string[] | undefined;
  readonly simple: readonly string[];
  /** The reader's reading of each polyphone (undefined elsewhere). */
  readonly decided: Array<string | undefined>;
  /** Per position, the index into `spans` of the lexicon word covering it, or -1. */
  readonly wordAt: Int32Array;
  /** Per position, 1 where a context rule decided the polyphone. */
  readonly ruled: Uint8Array;
  readonly spans: Array<readonly [number, number]>;
  /** Per position, the polyphone entry of its (Simplified) character, if it is one. */
  readonly polys: Array<Polyphone | undefined>;
  /** Number of polyphones before each position (n + 1 entries). */
  readonly polyBefore: Int32Array;
  /**
   * Every lexicon word of two or more characters in the run, as the segmentation met them: those starting at
   * position i are matchEnd / matchWord[matchFrom[i], matchFrom[i + 1]). The model's sites read them again.
   */
  readonly matchFrom: Int32Array;
  readonly matchEnd: number[];
  readonly matchWord: LexiconWord[];
}

/** The reader's own analysis of a run: segmentation by the lexicon, words' readings, context rules, defaults. */
function baseAnalysis(runChars: readonly string[], before: string): BaseAnalysis {
  const chars = unifyCompatibilityIdeographs(runChars);
  const spans: Array<readonly [number, number]> = [];
  const d = loadData();
  const converted = simplifiedRun(chars);
  const simple = converted ?? chars;
  const n = simple.length;

  // Cheapest segmentation; only the words that contain a polyphone matter, others cost as single characters.
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1);
  const wordOf: Array<LexiconWord | undefined> = new Array(n + 1);
  const polys: Array<Polyphone | undefined> = new Array(n);
  const polyBefore = new Int32Array(n + 1);
  const matchFrom = new Int32Array(n + 1);
  const matchEnd: number[] = [];
  const matchWord: LexiconWord[] = [];
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const first = simple[i]!;
    const poly = d.polyphones.get(first);
    polys[i] = poly;
    polyBefore[i + 1] = polyBefore[i]! + (poly ? 1 : 0);
    matchFrom[i] = matchEnd.length;
    // Every position is reached (a single character always steps on), so every word of the run is met here.
    const reached = best[i] !== Infinity;
    if (reached) {
      const single = best[i]! + (poly ? poly.cost : PLAIN_CHAR_COST);
      if (single < best[i + 1]!) {
        best[i + 1] = single;
        from[i + 1] = i;
        wordOf[i + 1] = undefined;
      }
    }
    const words = wordsStartingWith(d, first);
    if (!words) continue;
    for (let len = 2; len <= d.maxWord && i + len <= n; len++) {
      const w = words.getSpan(simple, i + 1, i + len);
      if (!w) break;
      if (w === PREFIX_ONLY) continue;
      matchEnd.push(i + len);
      matchWord.push(w);
      if (!reached) continue;
      const cost = best[i]! + w.cost;
      if (cost < best[i + len]!) {
        best[i + len] = cost;
        from[i + len] = i;
        wordOf[i + len] = w;
      }
    }
  }
  matchFrom[n] = matchEnd.length;

  const decided: Array<string | undefined> = new Array(n);
  const wordAt = new Int32Array(n).fill(-1);
  const ruled = new Uint8Array(n);
  for (let end = n; end > 0; end = from[end]!) {
    const start = from[end]!;
    const w = wordOf[end];
    if (w) {
      spans.push([start, end]);
      let k = 0;
      for (let i = start; i < end; i++) {
        const poly = polys[i];
        if (poly) decided[i] = poly.readings[parseInt(w.indices[k++] ?? '0', 36)];
      }
    } else {
      const poly = polys[start];
      if (poly) {
        const rule = contextReading(simple, start, before);
        if (rule) ruled[start] = 1;
        decided[start] = rule ?? poly.readings[0];
      }
    }
  }
  spans.reverse();
  spans.forEach(([a, b], k) => wordAt.fill(k, a, b));
  return { chars, converted, simple, decided, wordAt, ruled, spans, polys, polyBefore, matchFrom, matchEnd, matchWord };
}

const NO_READINGS: readonly string[] = [];

/**
 * The polyphone at position i of an analysed run as the model sees it. `lexicon` receives the lexicon's votes
 * (a fresh map unless the caller reads the site at once and passes one to reuse).
 */
function siteOf(base: BaseAnalysis, i: number, before: string, lexicon = new Map<string, number>()): PolyphoneSite {
  const k = base.wordAt[i]!;
  const d = loadData();
  const readings = base.polys[i]?.readings ?? NO_READINGS;
  // Every lexicon word covering position i, chosen or not, votes for the reading it gives the character there.
  const { matchFrom, matchEnd, matchWord, polyBefore } = base;
  for (let start = Math.max(0, i - d.maxWord + 1); start <= i; start++) {
    // The character's place among the word's polyphones.
    const nth = polyBefore[i]! - polyBefore[start]!;
    for (let m = matchFrom[start]!; m < matchFrom[start + 1]!; m++) {
      const end = matchEnd[m]!;
      if (end <= i) continue;
      const reading = readings[parseInt(matchWord[m]!.indices[nth] ?? '0', 36)];
      if (reading) lexicon.set(reading, Math.max(lexicon.get(reading) ?? 0, end - start));
    }
  }
  return { simple: base.simple, index: i, before, prior: base.decided[i]!, word: k >= 0 ? base.spans[k] : undefined, rule: base.ruled[i] === 1, readings, lexicon };
}

/** The reading a Traditional character's own form gives it in a converted run, if its form decides. */
function formReading(base: BaseAnalysis, i: number): string | undefined {
  const original = base.chars[i]!;
  // Only a run that needed converting can hold a character whose form decides.
  const special = base.converted && FORM_DECIDES.has(original) ? TRADITIONAL_READINGS[original] : undefined;
  return typeof special === 'function' ? special(base.simple[i]!, base.chars[i + 1] ?? '') : special;
}

/**
 * The polyphones of a run as the model sees them, each with the reader's reading and the reading the text
 * gives it by form (幹 gàn), if any: the training script's view of its sentences, the same as the reader's.
 */
export function polyphoneSites(runChars: readonly string[], before = ''): Array<PolyphoneSite & { readonly byForm: string | undefined }> {
  const base = baseAnalysis(runChars, before);
  const out: Array<PolyphoneSite & { byForm: string | undefined }> = [];
  base.decided.forEach((r, i) => {
    if (r !== undefined) out.push({ ...siteOf(base, i, before), byForm: formReading(base, i) });
  });
  return out;
}

/**
 * Readings of one run of Han characters (code points), Simplified or Traditional, and the words that decided
 * them. `before` is the character just before the run, if any (a digit before 只 makes it the classifier).
 */
export function analyseRun(runChars: readonly string[], before = ''): RunAnalysis {
  const base = baseAnalysis(runChars, before);
  const { chars, simple } = base;
  const d = loadData();
  const model = activeModel();
  const out: Array<string | null> = new Array(chars.length);
  // One map of lexicon votes for every site: each is read by the model at once and not kept.
  const lexicon = new Map<string, number>();
  for (let i = 0; i < chars.length; i++) {
    const original = chars[i]!;
    let decided = base.decided[i];
    const fromForm = formReading(base, i);
    if (fromForm === undefined && decided !== undefined && model && modelHasChoice(model, simple[i]!, decided)) {
      lexicon.clear();
      decided = modelReading(model, siteOf(base, i, before, lexicon));
    }
    out[i] = fromForm ?? decided ?? d.singles.get(simple[i]!) ?? d.singles.get(original) ?? d.polyphones.get(original)?.readings[0] ?? null;
  }
  return { readings: out, words: base.spans };
}

// ---------------------------------------------------------------- the model

let loadedModel: PolyphoneModel | null | undefined;
let modelOverride: PolyphoneModel | null | undefined;

/** The trained polyphone model, decoded from the reading data on first use (null when the data has none). */
function activeModel(): PolyphoneModel | null {
  if (modelOverride !== undefined) return modelOverride;
  if (loadedModel === undefined) {
    const v = loadVendor();
    // Bytes from the binary data file (dist/data/pinyin.bin), base64 where the generated module is bundled.
    const packed = typeof v.PINYIN_MODEL === 'string' ? (v.PINYIN_MODEL ? decodeBase64(v.PINYIN_MODEL) : undefined) : v.PINYIN_MODEL;
    loadedModel = packed ? unpackModel(packed, v.PINYIN_MODEL_LABELS) : null;
  }
  return loadedModel;
}

/**
 * For the training script, benches and tests only: reads with `model` instead of the shipped one (null: the
 * reader alone, without a model; undefined: the shipped model again).
 */
export function setPolyphoneModel(model: PolyphoneModel | null | undefined): void {
  modelOverride = model;
}

/** Runs of Han code points in text[start, end): [UTF-16 start, UTF-16 end, code points]. */
export function hanRuns(text: string, start = 0, end = text.length): Array<{ start: number; end: number; chars: string[] }> {
  const runs: Array<{ start: number; end: number; chars: string[] }> = [];
  let run: { start: number; end: number; chars: string[] } | undefined;
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (isHanCodePoint(cp)) {
      if (!run) {
        run = { start: i, end: i, chars: [] };
        runs.push(run);
      }
      run.chars.push(text.slice(i, i + size));
      run.end = i + size;
    } else run = undefined;
    i += size;
  }
  return runs;
}

/**
 * The reading of every code point of `text` in context: canonical tone-number pinyin (`zhong4`, neutral 5,
 * ü as v) for a Han character, null for anything else (and for the rare Han character with no known reading).
 * Works on Simplified, Traditional and mixed text; deterministic. The result has one entry per code point.
 */
export function readingsOf(text: string): Array<string | null> {
  const perUnit = readingsByOffset(text);
  const out: Array<string | null> = [];
  for (let i = 0; i < text.length; i++) {
    out.push(perUnit[i] ?? null);
    if (text.codePointAt(i)! > 0xffff) i++;
  }
  return out;
}

/**
 * Readings indexed by UTF-16 offset (entries at the low surrogate of an astral character stay undefined) for
 * text[start, end). Each Han run is read on its own: a reading depends only on its run (its clause between
 * punctuation), so a window that covers the run gives the same answer as the whole document.
 */
export function readingsByOffset(text: string, start = 0, end = text.length): Array<string | null | undefined> {
  const out: Array<string | null | undefined> = new Array(end - start);
  for (const run of hanRuns(text, start, end)) {
    const { readings } = analyseRun(run.chars, charBefore(text, run.start));
    let offset = run.start;
    run.chars.forEach((c, k) => {
      out[offset - start] = readings[k]!;
      offset += c.length;
    });
  }
  for (let i = 0; i < out.length; i++) if (out[i] === undefined && !isLowSurrogateAt(text, start + i)) out[i] = null;
  return out;
}

/** The code point just before offset i, or '' at the start. */
export function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]!;
}

function isLowSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

/** Readings of the Han characters of a short text (a word), in order, skipping anything else. */
export function readingsOfHan(text: string): string[] {
  return readingsOf(text).filter((r): r is string => r !== null);
}

/**
 * Every reading a single character can have, the one it has standing alone first; for a Traditional
 * character, those of its Simplified counterpart. Empty for a character with no known reading.
 */
export function readingsOfCharacter(char: string): string[] {
  const d = loadData();
  // A compatibility ideograph (U+F97E 量) is read as its unified character in running text, so its readings
  // are that character's: otherwise the list misses the reading read in context and annotation removal,
  // which trusts this list, keeps an annotation zhdoc wrote.
  const unified = unifyCompatibilityIdeographs([char])[0]!;
  const simple = simplifiedRun([unified])?.[0] ?? unified;
  const poly = d.polyphones.get(simple) ?? d.polyphones.get(unified);
  const readings = poly ? [...poly.readings] : [];
  for (const extra of RULE_READINGS.get(unified) ?? []) if (!readings.includes(extra)) readings.push(extra);
  if (readings.length) return readings;
  const one = readingsOf(unified)[0];
  return one ? [one] : [];
}

/**
 * Readings that the Traditional-form and transliteration rules give a character, which its polyphone entry may
 * lack: every reading the reader can give in context must be one of readingsOfCharacter's.
 */
const RULE_READINGS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  const add = (c: string, r: string | undefined): void => {
    if (r) out.set(c, [...(out.get(c) ?? []), r]);
  };
  for (const [c, rule] of Object.entries(TRADITIONAL_READINGS)) {
    if (typeof rule === 'string') add(c, rule);
    // The rules look at the Simplified form and the next character: try the forms they test for.
    else for (const [s, next] of [[c, ''], ['干', ''], ['借', ''], [c, '望']] as const) add(c, rule(s, next));
  }
  for (const [c, r] of Object.entries(TRANSLITERATION_READINGS)) add(c, r);
  return out;
})();

let s2tCharacters: Map<string, string> | undefined;
const s2tPhrases = new Map<string, Map<string, string>>();
let s2tPhraseLines: Map<string, string> | undefined;

/**
 * A short Simplified text (a word) in OpenCC standard Traditional: OpenCC's phrases longest first, else each
 * character's usual form, as OpenCC's s2t does, from tables in the reading data. Building OpenCC's own s2t
 * converter takes 80 ms or more, too much for a first hover.
 */
export function simplifiedToTraditional(text: string): string {
  const v = loadVendor();
  if (!s2tCharacters) {
    s2tCharacters = new Map();
    const pairs = [...v.S2T_CHARACTERS];
    for (let i = 0; i + 1 < pairs.length; i += 2) s2tCharacters.set(pairs[i]!, pairs[i + 1]!);
    s2tPhraseLines = new Map();
    for (const line of v.S2T_PHRASES.split('\n')) {
      const first = String.fromCodePoint(line.codePointAt(0)!);
      s2tPhraseLines.set(first, line.slice(first.length));
    }
  }
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const phrases = phrasesStartingWith(chars[i]!);
    let matched = false;
    if (phrases) {
      for (let len = Math.min(8, chars.length - i); len >= 2 && !matched; len--) {
        const target = phrases.get(chars.slice(i + 1, i + len).join(''));
        if (target) {
          out += target;
          i += len;
          matched = true;
        }
      }
    }
    if (!matched) {
      out += s2tCharacters.get(chars[i]!) ?? chars[i]!;
      i++;
    }
  }
  return out;
}

function phrasesStartingWith(first: string): Map<string, string> | undefined {
  let phrases = s2tPhrases.get(first);
  if (phrases) return phrases;
  const line = s2tPhraseLines?.get(first);
  if (line === undefined) return undefined;
  phrases = new Map();
  for (const entry of line.split('\u001e')) {
    const [rest = '', target = ''] = entry.split('\u001f');
    phrases.set(rest, target);
  }
  s2tPhrases.set(first, phrases);
  return phrases;
}

/** True for a character with more than one reading. */
export function isPolyphonic(char: string): boolean {
  const d = loadData();
  return d.polyphones.has(char) || d.polyphones.has(simplifiedRun([char])?.[0] ?? char);
}
