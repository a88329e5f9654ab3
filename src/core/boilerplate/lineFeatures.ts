/** Line measurement: one character pass per line gives the shape features every later stage reads. */
import { isHanCodePoint } from '../text';
import type { BoilerplateReason } from '../boilerplateCues';

// ---------------------------------------------------------------------------------------------------------
// Line features

export interface LineFeatures {
  /** Offsets of the line's text in the input, without its break. */
  readonly start: number;
  readonly end: number;
  blank: boolean;
  /** Han characters. */
  han: number;
  /** Non-space characters (code points). */
  chars: number;
  latinWords: number;
  digits: number;
  /** Sentence punctuation: 。！？；，、： and their ASCII forms next to Han characters. */
  punct: number;
  /** Full stops (。) anywhere on the line. */
  fullStops: number;
  /** Ends with sentence-final punctuation (。！？…, possibly inside closing quotes). */
  endsSentence: boolean;
  /** Ends with ， or 、: a sentence broken over lines (a self-media post's short lines), never a menu item. */
  endsMidSentence: boolean;
  /** Ends with 。 (possibly inside closing quotes): a sentence, where headlines end with ！ or nothing. */
  endsWithFullStop: boolean;
  /** Pieces separated by runs of spaces or by | ｜ · •. */
  tokens: number;
  /** Pieces that contain a Han character. */
  hanTokens: number;
  /** Brackets and quotes (（）()《》“”【】): titles, names with affiliations, table cells; rare in menus. */
  brackets: number;
  /** Starts with a Chinese enumeration marker (1、 （1） 一、 第一), as numbered content does. */
  enumerated: boolean;
  /** Pieces separated by explicit separators (| ｜ - > » ·), for menus written `首页 | 新闻 | 关于`. */
  separators: number;
  startsWithBullet: boolean;
  /** Ends with a bracketed date or count: [05-10], (2005-04-01 16:19PM), (7928). */
  trailingStamp: boolean;
  /** Cut off with dots or … (…观众络绎不绝..) and no full stop inside: a headline shortened to fit a list. */
  truncated: boolean;
  /** Looks like an item of a link list: truncated (…), or opened by a tag ([头条] 【视频】) or a numbered dot (3·). */
  listItem: boolean;
  /** A short line with a date and a time or a source beside it: the dateline of a post or an article. */
  dateline: boolean;
  /** A forum post's dateline: a date and time with a floor (2楼, #3, 沙发) or 发表于, as every post of a thread has. */
  postMark: boolean;
  /** Closed by a feed item's stamp: a relative time (·2 天前) or a count of comments or buyers (19 跟贴, 120人已购). */
  feedStamp: boolean;
  /** A full date alone on its line (2024年3月1日): with the line above it, the signature closing a notice. */
  loneDate: boolean;
  /** A grid of day numbers or weekday names. */
  calendar: boolean;
  // Cues, filled by scanCues.
  cue: BoilerplateReason | undefined;
  fieldCues: number;
  phraseCues: number;
  anchorCues: number;
  /** Han characters inside the matched cues: what is left is the values of the fields (a name, a source). */
  cueHan: number;
  /** Fields that name a source, an author or a date (来源：, 作者：, 时间：). */
  attributionCues: number;
  /** A share, print or font-size control (分享到, 打印, 字号 大 中 小) on the line. */
  shareBar: boolean;
  /** A cue matched at the first non-space character of the line. */
  cueAtStart: boolean;
  /** A 更多 link of a section heading on the line (see CueSpec.headingLink). */
  headingLink: boolean;
  userCue: boolean;
  /** Lines to the nearest identical line (spaces ignored); Infinity when the line occurs once. */
  repeatGap: number;
  /** Copies of the line in the file (1 when it occurs once). */
  copies: number;
  /** Hash of the line's non-space code units. */
  readonly hash: number;
}

// Character classes for the per-character loop, one table read each.
export const SPACE = 1;
export const SEPARATOR = 2;
export const LATIN = 4;
export const DIGIT = 8;
export const BRACKET = 16;
export const PUNCT = 32;
/** ASCII , ; ! ? . : sentence punctuation when it follows a Han character. */
export const ASCII_PUNCT = 64;
/** A Han character of the BMP (astral ones are recognised from their surrogate pair). */
export const HAN = 128;

let charClasses: Uint8Array | undefined;

export function classes(): Uint8Array {
  if (!charClasses) {
    const t = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      if (isSpace(c)) t[c] = SPACE;
      else if (isSeparator(c)) t[c] = SEPARATOR;
      else if (isLatinLetter(c)) t[c] = LATIN;
      else if (isDigit(c)) t[c] = DIGIT;
      else if (isBracketOrQuote(c)) t[c] = BRACKET;
      else if (isSentencePunct(c)) t[c] = PUNCT;
      else if (c === 0x2c || c === 0x3b || c === 0x21 || c === 0x3f || c === 0x2e) t[c] = ASCII_PUNCT;
      else if (isHanCodePoint(c)) t[c] = HAN;
    }
    charClasses = t;
  }
  return charClasses;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b || (c >= 0x2000 && c <= 0x200a);
}

export function isSentencePunct(c: number): boolean {
  return (
    c === 0x3002 || // 。
    c === 0xff0c || // ，
    c === 0x3001 || // 、
    c === 0xff1b || // ；
    c === 0xff1a || // ：
    c === 0xff01 || // ！
    c === 0xff1f || // ？
    c === 0x2026 // …
  );
}

export function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x2026 || c === 0x21 || c === 0x3f || c === 0x2e || c === 0xff0e;
}

export function isClosingQuote(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0x22 || c === 0x27 || c === 0xff09 || c === 0x29;
}

export function isSeparator(c: number): boolean {
  return c === 0x7c || c === 0xff5c || c === 0xb7 || c === 0x2022 || c === 0x30fb || c === 0x25aa || c === 0x25cf;
}

export function isBullet(c: number): boolean {
  return c === 0xb7 || c === 0x2022 || c === 0x30fb || c === 0x25aa || c === 0x25cf || c === 0x25a0 || c === 0x25b6 || c === 0x25ba || c === 0x2605 || c === 0x2606 || c === 0x2013;
}

export function isBracketOrQuote(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0xff08 || c === 0xff09 || c === 0x300a || c === 0x300b || c === 0x201c || c === 0x201d || c === 0x3010 || c === 0x3011 || c === 0x300c || c === 0x300d;
}

export function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

export function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

export const ENUMERATED = /^\s*(?:[(（]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[0-9]{1,3}\s*、|[一二三四五六七八九十]{1,3}\s*、|第\s*[0-9一二三四五六七八九十百]{1,4}\s*[章节條条款部分场篇回])/;
export const STAMP = /(?:[[(（【]\s*(?:\d{2,4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?)?\s*[\])）】]|[(（]\s*\d+\s*[)）])\s*$/i;
/** A bracketed date or count after an item's text; a date alone in brackets dates a speech, not a list item. */
export function hasTrailingStamp(text: string, start: number, end: number): boolean {
  const tail = text.slice(Math.max(start, end - 40), end);
  const m = STAMP.exec(tail);
  if (!m) return false;
  const before = text.slice(start, end - tail.length + m.index);
  return before.replace(/[\s\u3000]+/g, '').length >= 2;
}

export const TRUNCATED = /(?:[^.]\.{2,6}|[^…]…)\s*(?:[[(（【][^\])）】]{0,20}[\])）】])?\s*$/;
export const LIST_OPENER = /^\s*(?:\d{1,2}\s*[·•]|[[【〔〖][^\]】〕〗\s]{1,6}[\]】〕〗]\s*\S|[[【(（]\d{2,4}[-/.]\d{1,2}[-/.]\d{1,2}[\]】)）])/;
/** A date: numeric (2024-05-09, 2024年5月9日), month and day with a time, or in English with an optional weekday before the year (Dec 28 Sat 2013, as blog platforms stamp posts). */
export const DATE = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|(?<!\d)\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?\d{4}/i;
export const TIME = /\d{1,2}:\d{2}/;
export const LONE_DATE = /^[\s\u3000]*\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})[\s\u3000]*$/;

const POST_MARK = /\d+\s*(?:楼|樓|#|F\b)|楼主|樓主|沙发|沙發|板凳|地板|发表于|發表於|發表于|发表时间|發表時間/i;
const FEED_STAMP = /(?:[·•|｜]\s*\d+\s*(?:秒|分钟|分鐘|小时|小時|天|日|周|週|个月|個月|年)前|\d+\s*(?:跟贴|跟帖|条?评论|條?評論|人已购|人已購|人参与|人參與|人阅读|人閱讀))\s*$/;

/** A date with a time, or with something besides it (a source, a name): not a lone date closing a notice. */
export function isDateline(line: string): boolean {
  const date = DATE.exec(line);
  if (!date) return false;
  if (TIME.test(line)) return true;
  const rest = (line.slice(0, date.index) + line.slice(date.index + date[0].length)).replace(/[\s\u3000\u00a0]+/g, '');
  return rest.length >= 2;
}

export const DAY_NUMBERS = /^(?:(?:[1-9]|[12]\d|3[01])\s+){4,}(?:[1-9]|[12]\d|3[01])$/;
export const WEEKDAYS = /^(?:(?:日|一|二|三|四|五|六|周[日一二三四五六]|星期[日天一二三四五六]|週[日一二三四五六]|su|mo|tu|we|th|fr|sa|sun|mon|tue|wed|thu|fri|sat)\s*){5,7}$/i;
export const MONTH_HEADER = /^[<《«‹]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*[>》»›]$/;

export function measureLines(text: string): LineFeatures[] {
  let n = 1;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) n++;
  const store = newStore(n);
  const features: LineFeatures[] = new Array<LineFeatures>(n);
  let start = 0;
  for (let i = 0; ; i++) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl === -1 ? text.length : nl;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    features[i] = measureInto(store, i * STRIDE, text, start, end);
    if (nl === -1) break;
    start = nl + 1;
  }
  return features;
}

export function measureLine(text: string, start: number, end: number): LineFeatures {
  return measureInto(newStore(1), 0, text, start, end);
}

function measureInto(d: Int32Array, o: number, text: string, start: number, end: number): LineFeatures {
  let han = 0;
  let chars = 0;
  let latinWords = 0;
  let digits = 0;
  let brackets = 0;
  let punct = 0;
  let fullStops = 0;
  let tokens = 0;
  let hanTokens = 0;
  let tokenHasHan = false;
  let separators = 0;
  let inToken = false;
  let inWord = false;
  let prevHan = false;
  let prevLatin = false;
  let first = -1;
  let last = -1;
  let beforeLast = -1;
  // FNV-1a over the non-space code units, to find repeated lines without building a string per line.
  let hash = 0x811c9dc5;
  const table = classes();
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    let k = table[c]!;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      c = text.codePointAt(i)!;
      k = isHanCodePoint(c) ? HAN : 0;
      i++;
    }
    if (k === SPACE) {
      inToken = false;
      inWord = false;
      continue;
    }
    chars++;
    hash = Math.imul(hash ^ c, 0x01000193);
    if (first === -1) first = c;
    beforeLast = last;
    last = c;
    if (k === SEPARATOR) {
      separators++;
      inToken = false;
      inWord = false;
      prevHan = false;
      continue;
    }
    if (!inToken) {
      tokens++;
      inToken = true;
      tokenHasHan = false;
    }
    const hanChar = k === HAN;
    if (hanChar) {
      han++;
      if (!tokenHasHan) hanTokens++;
      tokenHasHan = true;
      inWord = false;
    } else if (k === LATIN) {
      if (!inWord) latinWords++;
      inWord = true;
    } else {
      inWord = false;
      if (k === DIGIT) digits++;
      else if (k === BRACKET) brackets++;
      else if (k === PUNCT) {
        punct++;
        if (c === 0x3002) fullStops++;
      }
      // ASCII , ; ! ? after a Han character: auto-converted and hand-typed pages use them as Chinese punctuation.
      // After a word and before a space they punctuate English prose (not www.sina.com or v1.2).
      // Dots in a row (.. or ...) are a cut-off headline's ellipsis, not a full stop.
      else if (k === ASCII_PUNCT && !(c === 0x2e && (last === 0x2e && beforeLast === 0x2e || (i + 1 < end && text.charCodeAt(i + 1) === 0x2e))) && (prevHan || (prevLatin && (i + 1 >= end || table[text.charCodeAt(i + 1)] === SPACE)))) punct++;
    }
    prevHan = hanChar;
    prevLatin = k === LATIN;
  }
  const short = chars > 0 && chars <= 120;
  const opensList = first === 0x5b || first === 0x3010 || first === 0x3014 || first === 0x3016 || isDigit(first);
  const closesWithBracket = last === 0x5d || last === 0x29 || last === 0xff09 || last === 0x3011;
  const closesTruncated = last === 0x2e || last === 0x2026 || closesWithBracket;
  const mayEnumerate = isDigit(first) || first === 0x28 || first === 0xff08 || first === 0x7b2c || isChineseNumeral(first);
  const lineText = chars > 0 && chars <= 80 && (tokens >= 5 || digits >= 5) ? text.slice(start, end).trim() : '';
  // A line cut off with dots (标题..., 标题..) is truncated, not a finished sentence.
  const endsSentence = last !== -1 && !(last === 0x2e && beforeLast === 0x2e) && (isSentenceEnd(last) || (isClosingQuote(last) && beforeLast !== -1 && isSentenceEnd(beforeLast)));
  d[o + START] = start;
  d[o + END] = end;
  d[o + HASH] = hash & 0x3fffffff; // the hash as a small integer, cheap as a Map key
  const r = new LineRecord(d, o);
  if (chars === 0) return r;
  // Written straight into the slots: a setter per feature was a call per feature per line in this large function.
  d[o + HAN_COUNT] = han;
  d[o + CHARS] = chars;
  d[o + LATIN_WORDS] = latinWords;
  d[o + DIGITS] = digits;
  d[o + PUNCTS] = punct;
  d[o + FULL_STOPS] = fullStops;
  d[o + TOKENS] = tokens;
  d[o + HAN_TOKENS] = hanTokens;
  d[o + BRACKETS] = brackets;
  d[o + SEPARATORS] = separators;
  const enumerated = chars > 1 && mayEnumerate && ENUMERATED.test(text.slice(start, Math.min(end, start + 12)));
  const trailingStamp = short && closesWithBracket && hasTrailingStamp(text, start, end);
  // Cut off (…) after a finished sentence (一个句子。又一个…) is a note or an excerpt shortened by the site, not a headline.
  const truncated = short && closesTruncated && fullStops === 0 && TRUNCATED.test(text.slice(Math.max(start, end - 24), end));
  const listItem = truncated || (short && opensList && LIST_OPENER.test(text.slice(start, Math.min(end, start + 16))));
  const dateline = chars <= 60 && digits >= 5 && isDateline(text.slice(start, end));
  const postMark = chars <= 80 && digits >= 5 && POST_MARK.test(text.slice(start, end)) && isDateline(text.slice(start, end));
  const feedStamp = short && digits > 0 && FEED_STAMP.test(text.slice(Math.max(start, end - 24), end));
  const loneDate = chars <= 16 && digits >= 4 && LONE_DATE.test(text.slice(start, end));
  const calendar = lineText !== '' && (DAY_NUMBERS.test(lineText) || WEEKDAYS.test(lineText) || MONTH_HEADER.test(lineText));
  d[o + FLAGS] =
    MEASURED |
    (endsSentence ? ENDS_SENTENCE : 0) |
    (last === 0xff0c || last === 0x3001 ? ENDS_MID_SENTENCE : 0) |
    (last === 0x3002 || (isClosingQuote(last) && beforeLast === 0x3002) ? ENDS_WITH_FULL_STOP : 0) |
    (enumerated ? ENUMERATED_FLAG : 0) |
    (isBullet(first) ? STARTS_WITH_BULLET : 0) |
    (trailingStamp ? TRAILING_STAMP : 0) |
    (listItem ? LIST_ITEM : 0) |
    (dateline ? DATELINE : 0) |
    (postMark ? POST_MARK_FLAG : 0) |
    (feedStamp ? FEED_STAMP_FLAG : 0) |
    (loneDate ? LONE_DATE_FLAG : 0) |
    (calendar ? CALENDAR : 0) |
    (truncated ? TRUNCATED_FLAG : 0);
  return r;
}

// Every line's features live in one Int32Array, STRIDE slots a line; a LineRecord is only a view of its slots.
// A 10 MB page has 130,000 lines: an object holding all of them in its own fields (and a boxed number for
// repeatGap's Infinity) made the young-generation collector copy about 15 MB of records that all survive the
// run, most of the garbage collector's work; the views are a fifth of that size and hold no numbers of their own.
const START = 0;
const END = 1;
const HASH = 2;
const FLAGS = 3;
const HAN_COUNT = 4;
const CHARS = 5;
const LATIN_WORDS = 6;
const DIGITS = 7;
const PUNCTS = 8;
const FULL_STOPS = 9;
const TOKENS = 10;
const HAN_TOKENS = 11;
const BRACKETS = 12;
const SEPARATORS = 13;
const FIELD_CUES = 14;
const PHRASE_CUES = 15;
const ANCHOR_CUES = 16;
const CUE_HAN = 17;
const ATTRIBUTION_CUES = 18;
const CUE = 19;
/** Lines to the nearest copy (at least 1); 0 stands for Infinity (no copy). */
const REPEAT_GAP = 20;
/** Copies of the line less one. */
const COPIES = 21;
const STRIDE = 22;
// Bits of the FLAGS slot. MEASURED is set on a non-blank line, so that a zeroed record is blank.
const MEASURED = 1;
const ENDS_SENTENCE = 2;
const ENDS_MID_SENTENCE = 4;
const ENDS_WITH_FULL_STOP = 8;
const ENUMERATED_FLAG = 16;
const STARTS_WITH_BULLET = 32;
const TRAILING_STAMP = 64;
const LIST_ITEM = 128;
const DATELINE = 256;
const POST_MARK_FLAG = 512;
const FEED_STAMP_FLAG = 1024;
const LONE_DATE_FLAG = 2048;
const CALENDAR = 4096;
const CUE_AT_START = 8192;
const HEADING_LINK = 16384;
const SHARE_BAR = 32768;
const USER_CUE = 65536;
const TRUNCATED_FLAG = 131072;

/** Zero in every slot is a blank line with no cue, no copy (repeatGap Infinity) and copies 1: no set-up pass. */
function newStore(lines: number): Int32Array {
  return new Int32Array(lines * STRIDE);
}

/**
 * Boilerplate reasons by number, 0 for none: how a record's CUE slot and the evidence store keep a reason in a
 * typed array. One registry for both, so a number means the same reason everywhere.
 */
const reasonsByNumber: (BoilerplateReason | undefined)[] = [undefined];

export function reasonNumber(reason: BoilerplateReason | undefined): number {
  if (reason === undefined) return 0;
  let k = reasonsByNumber.indexOf(reason);
  if (k === -1) k = reasonsByNumber.push(reason) - 1;
  return k;
}

export function reasonOfNumber(k: number): BoilerplateReason | undefined {
  return reasonsByNumber[k];
}

/** One line's features: a view of its slots in the lines' Int32Array, the yes/no features packed into FLAGS. */
class LineRecord implements LineFeatures {
  constructor(
    private readonly d: Int32Array,
    private readonly o: number,
  ) {}
  get start(): number {
    return this.d[this.o + START]!;
  }
  get end(): number {
    return this.d[this.o + END]!;
  }
  get hash(): number {
    return this.d[this.o + HASH]!;
  }
  private num(slot: number): number {
    return this.d[this.o + slot]!;
  }
  private setNum(slot: number, v: number): void {
    this.d[this.o + slot] = v;
  }
  get han(): number {
    return this.num(HAN_COUNT);
  }
  set han(v: number) {
    this.setNum(HAN_COUNT, v);
  }
  get chars(): number {
    return this.num(CHARS);
  }
  set chars(v: number) {
    this.setNum(CHARS, v);
  }
  get latinWords(): number {
    return this.num(LATIN_WORDS);
  }
  set latinWords(v: number) {
    this.setNum(LATIN_WORDS, v);
  }
  get digits(): number {
    return this.num(DIGITS);
  }
  set digits(v: number) {
    this.setNum(DIGITS, v);
  }
  get punct(): number {
    return this.num(PUNCTS);
  }
  set punct(v: number) {
    this.setNum(PUNCTS, v);
  }
  get fullStops(): number {
    return this.num(FULL_STOPS);
  }
  set fullStops(v: number) {
    this.setNum(FULL_STOPS, v);
  }
  get tokens(): number {
    return this.num(TOKENS);
  }
  set tokens(v: number) {
    this.setNum(TOKENS, v);
  }
  get hanTokens(): number {
    return this.num(HAN_TOKENS);
  }
  set hanTokens(v: number) {
    this.setNum(HAN_TOKENS, v);
  }
  get brackets(): number {
    return this.num(BRACKETS);
  }
  set brackets(v: number) {
    this.setNum(BRACKETS, v);
  }
  get separators(): number {
    return this.num(SEPARATORS);
  }
  set separators(v: number) {
    this.setNum(SEPARATORS, v);
  }
  get fieldCues(): number {
    return this.num(FIELD_CUES);
  }
  set fieldCues(v: number) {
    this.setNum(FIELD_CUES, v);
  }
  get phraseCues(): number {
    return this.num(PHRASE_CUES);
  }
  set phraseCues(v: number) {
    this.setNum(PHRASE_CUES, v);
  }
  get anchorCues(): number {
    return this.num(ANCHOR_CUES);
  }
  set anchorCues(v: number) {
    this.setNum(ANCHOR_CUES, v);
  }
  get cueHan(): number {
    return this.num(CUE_HAN);
  }
  set cueHan(v: number) {
    this.setNum(CUE_HAN, v);
  }
  get attributionCues(): number {
    return this.num(ATTRIBUTION_CUES);
  }
  set attributionCues(v: number) {
    this.setNum(ATTRIBUTION_CUES, v);
  }
  get cue(): BoilerplateReason | undefined {
    return reasonOfNumber(this.num(CUE));
  }
  set cue(reason: BoilerplateReason | undefined) {
    this.setNum(CUE, reasonNumber(reason));
  }
  get repeatGap(): number {
    const g = this.num(REPEAT_GAP);
    return g === 0 ? Infinity : g;
  }
  set repeatGap(v: number) {
    this.setNum(REPEAT_GAP, v === Infinity ? 0 : v);
  }
  get copies(): number {
    return this.num(COPIES) + 1;
  }
  set copies(v: number) {
    this.setNum(COPIES, v - 1);
  }
  private get_(bit: number): boolean {
    return (this.d[this.o + FLAGS]! & bit) !== 0;
  }
  private set_(bit: number, on: boolean): void {
    const k = this.o + FLAGS;
    this.d[k] = on ? this.d[k]! | bit : this.d[k]! & ~bit;
  }
  get blank(): boolean {
    return !this.get_(MEASURED);
  }
  set blank(on: boolean) {
    this.set_(MEASURED, !on);
  }
  get endsSentence(): boolean {
    return this.get_(ENDS_SENTENCE);
  }
  set endsSentence(on: boolean) {
    this.set_(ENDS_SENTENCE, on);
  }
  get endsMidSentence(): boolean {
    return this.get_(ENDS_MID_SENTENCE);
  }
  set endsMidSentence(on: boolean) {
    this.set_(ENDS_MID_SENTENCE, on);
  }
  get endsWithFullStop(): boolean {
    return this.get_(ENDS_WITH_FULL_STOP);
  }
  set endsWithFullStop(on: boolean) {
    this.set_(ENDS_WITH_FULL_STOP, on);
  }
  get enumerated(): boolean {
    return this.get_(ENUMERATED_FLAG);
  }
  set enumerated(on: boolean) {
    this.set_(ENUMERATED_FLAG, on);
  }
  get startsWithBullet(): boolean {
    return this.get_(STARTS_WITH_BULLET);
  }
  set startsWithBullet(on: boolean) {
    this.set_(STARTS_WITH_BULLET, on);
  }
  get trailingStamp(): boolean {
    return this.get_(TRAILING_STAMP);
  }
  set trailingStamp(on: boolean) {
    this.set_(TRAILING_STAMP, on);
  }
  get listItem(): boolean {
    return this.get_(LIST_ITEM);
  }
  set listItem(on: boolean) {
    this.set_(LIST_ITEM, on);
  }
  get dateline(): boolean {
    return this.get_(DATELINE);
  }
  set dateline(on: boolean) {
    this.set_(DATELINE, on);
  }
  get postMark(): boolean {
    return this.get_(POST_MARK_FLAG);
  }
  set postMark(on: boolean) {
    this.set_(POST_MARK_FLAG, on);
  }
  get feedStamp(): boolean {
    return this.get_(FEED_STAMP_FLAG);
  }
  set feedStamp(on: boolean) {
    this.set_(FEED_STAMP_FLAG, on);
  }
  get loneDate(): boolean {
    return this.get_(LONE_DATE_FLAG);
  }
  set loneDate(on: boolean) {
    this.set_(LONE_DATE_FLAG, on);
  }
  get calendar(): boolean {
    return this.get_(CALENDAR);
  }
  set calendar(on: boolean) {
    this.set_(CALENDAR, on);
  }
  get cueAtStart(): boolean {
    return this.get_(CUE_AT_START);
  }
  set cueAtStart(on: boolean) {
    this.set_(CUE_AT_START, on);
  }
  get headingLink(): boolean {
    return this.get_(HEADING_LINK);
  }
  set headingLink(on: boolean) {
    this.set_(HEADING_LINK, on);
  }
  get shareBar(): boolean {
    return this.get_(SHARE_BAR);
  }
  set shareBar(on: boolean) {
    this.set_(SHARE_BAR, on);
  }
  get truncated(): boolean {
    return this.get_(TRUNCATED_FLAG);
  }
  set truncated(on: boolean) {
    this.set_(TRUNCATED_FLAG, on);
  }
  get userCue(): boolean {
    return this.get_(USER_CUE);
  }
  set userCue(on: boolean) {
    this.set_(USER_CUE, on);
  }
}

export const CHINESE_NUMERALS = '一二三四五六七八九十';

function isChineseNumeral(c: number): boolean {
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
}

