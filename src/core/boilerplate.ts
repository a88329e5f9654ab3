/**
 * Finds web boilerplate in plain text copied or scraped from Chinese web pages: navigation, the
 * 来源/作者/时间/点击数 header, share and print bars, related-article lists, contact and licence footers.
 *
 * The method follows jusText, rebuilt for Chinese plain text where there is no markup to count links in:
 *  1. each line gets an intrinsic class and evidence from its own shape: `good` (prose: enough Han characters
 *     and sentence punctuation), `neargood`, `short`, or `bad` (a cue such as 分享到 or 版权所有, a menu of
 *     short items, a list item closed by a date stamp, a calendar grid, a lone search-engine name, a line
 *     repeated far away in the file);
 *  2. context weighs the undecided lines: a short line between two prose lines is content (a subheading), a
 *     list of titles between menus is not; after the article, a comments cue turns readers' prose into
 *     boilerplate; the title above a 来源/作者 header is vouched for;
 *  3. a two-state segmentation (Viterbi, a cost per switch between content and boilerplate) turns evidence
 *     into runs, so boilerplate clusters at the top and bottom and a lone odd line inside the article stays.
 * Hiding a line of the article is the one unforgivable error, so every threshold leans towards content, and a
 * file that does not look like a web page (notes, a poem, a README) folds nothing.
 * Linear in the text: one character pass per line, one keyword scan over the lines that can hold cues.
 */
import { builtinCues, compileUserCues, REASON_PRIORITY, type BoilerplateReason, type CueSpec, type UserCues } from './boilerplateCues';
import { isHanCodePoint, lineStarts, type TextEdit } from './text';

export type { BoilerplateReason } from './boilerplateCues';

export type BoilerplateSensitivity = 'conservative' | 'balanced' | 'aggressive';

export const BOILERPLATE_SENSITIVITIES: readonly BoilerplateSensitivity[] = ['conservative', 'balanced', 'aggressive'];

export interface BoilerplateOptions {
  /** How readily an undecided line is called boilerplate. Default `conservative`: never risk the article. */
  readonly sensitivity?: BoilerplateSensitivity;
  /**
   * The user's own cues: a line containing one is boilerplate unless it reads as a prose paragraph. A cue is
   * a literal substring (case-insensitive, either script: 廣告 also matches 广告), or a regular expression
   * written `/…/flags` (flags i, u, s). Invalid entries are ignored and listed in `ignoredCues`.
   */
  readonly extraCues?: readonly string[];
}

/**
 * Consecutive boilerplate lines, 0-based and inclusive. Blank lines inside a run belong to it; a block starts
 * and ends on a non-blank line, except that the first block of a file takes the blank lines above it and
 * the last block those below it.
 */
export interface BoilerplateBlock {
  readonly start: number;
  readonly end: number;
  readonly reason: BoilerplateReason;
}

/** What the CLI prints with `--json`. Lines are split on `\n`; a `\r` before it belongs to the break. */
export interface BoilerplateResult {
  /** Number of lines in the text (a final line break starts one more, empty, line). */
  readonly lines: number;
  readonly blocks: readonly BoilerplateBlock[];
}

/** The class a line gets from its own shape, before context (jusText's terms). */
export type IntrinsicClass = 'blank' | 'good' | 'neargood' | 'short' | 'bad';

export interface BoilerplateLine {
  /** Final decision. Blank lines are `blank` unless they lie inside a block. */
  readonly kind: 'content' | 'boilerplate' | 'blank';
  readonly intrinsic: IntrinsicClass;
  /**
   * The line's own evidence, context of its neighbours included, before the final segmentation: positive
   * for content, negative for boilerplate (about -6 for a cued line, up to +8 for a long paragraph).
   */
  readonly evidence: number;
  /** For boilerplate lines: why. For other lines: the cue found on the line, if any (a cue alone does not decide). */
  readonly reason?: BoilerplateReason;
}

export interface BoilerplateAnalysis extends BoilerplateResult {
  /** One entry per line. */
  readonly lineClasses: readonly BoilerplateLine[];
  /** User cues that were ignored because they were empty or not valid regular expressions. */
  readonly ignoredCues: readonly string[];
}

/** Boilerplate blocks of `text`: exactly the CLI's JSON. */
export function detectBoilerplate(text: string, options: BoilerplateOptions = {}): BoilerplateResult {
  const { features, blocks } = run(text, options);
  return { lines: features.length, blocks };
}

/** Blocks plus the per-line classification behind them, for an editor that dims or explains lines. */
export function analyzeBoilerplate(text: string, options: BoilerplateOptions = {}): BoilerplateAnalysis {
  const { features, intrinsic, decided, blocks, ignoredCues } = run(text, options);
  // Blank lines inside a block take the block's reason.
  const blockReason: (BoilerplateReason | undefined)[] = new Array(features.length);
  for (const b of blocks) for (let i = b.start; i <= b.end; i++) blockReason[i] = b.reason;
  const lineClasses = features.map((f, i): BoilerplateLine => {
    const inBlock = decided[i]!.boilerplate;
    const kind: BoilerplateLine['kind'] = inBlock ? 'boilerplate' : f.blank ? 'blank' : 'content';
    const reason = decided[i]!.reason ?? (inBlock ? blockReason[i] : f.cue);
    const line = { kind, intrinsic: intrinsic[i]!.cls, evidence: Math.round(intrinsic[i]!.evidence * 100) / 100 };
    return reason ? { ...line, reason } : line;
  });
  return { lines: features.length, blocks, lineClasses, ignoredCues };
}

function run(text: string, options: BoilerplateOptions) {
  const params = PARAMS[options.sensitivity ?? 'conservative'] ?? PARAMS.conservative;
  const userCues = compileUserCues(options.extraCues);
  const features = measureLines(text);
  scanCues(text, features, userCues, params);
  markRepeats(features);
  const intrinsic = features.map((f) => intrinsicClass(f, params));
  softenInlineFields(features, intrinsic);
  quietComments(features, intrinsic);
  weighUndecided(intrinsic, features);
  promoteTitles(features, intrinsic);
  keepUnlessWebPage(intrinsic);
  let decided = decide(features, intrinsic, params);
  // A file is never all boilerplate unless every line of it is cued: if nothing was left, fold the cued lines only.
  if (features.some((f, i) => !f.blank && intrinsic[i]!.evidence > CUED) && decided.every((d, i) => d.boilerplate || features[i]!.blank)) {
    for (const x of intrinsic) if (x.evidence > CUED && x.evidence < NOT_A_WEB_PAGE) x.evidence = NOT_A_WEB_PAGE;
    decided = decide(features, intrinsic, params);
  }
  const blocks = toBlocks(features, decided);
  return { features, intrinsic, decided, blocks, ignoredCues: userCues.ignored };
}

/** Number of lines inside blocks (blank lines inside a block included), for "N boilerplate lines folded". */
export function boilerplateLineCount(result: BoilerplateResult): number {
  return result.blocks.reduce((n, b) => n + b.end - b.start + 1, 0);
}

// ---------------------------------------------------------------------------------------------------------
// Parameters

interface Params {
  /** Added to every line's evidence: positive leans towards content. */
  readonly bias: number;
  /** Cost of each change between content and boilerplate along the file. */
  readonly switchCost: number;
  /** Size (Han characters, Latin words count 1.5) from which a punctuated line is prose. */
  readonly goodSize: number;
  /** Size from which an unpunctuated line is near-good rather than short. */
  readonly nearGoodSize: number;
  /** Largest size at which a phrase cue (分享到, 上一篇) decides a line. */
  readonly phraseCueSize: number;
}

const PARAMS: Record<BoilerplateSensitivity, Params> = {
  conservative: { bias: 0.2, switchCost: 2, goodSize: 20, nearGoodSize: 10, phraseCueSize: 30 },
  balanced: { bias: 0, switchCost: 2, goodSize: 25, nearGoodSize: 12, phraseCueSize: 40 },
  aggressive: { bias: -0.3, switchCost: 1.5, goodSize: 30, nearGoodSize: 15, phraseCueSize: 50 },
};

// ---------------------------------------------------------------------------------------------------------
// Line features

interface LineFeatures {
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
  /** Ends with sentence-final punctuation (。！？…, possibly inside closing quotes). */
  endsSentence: boolean;
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
  /** Looks like an item of a link list: truncated (…), or opened by a tag ([头条] 【视频】) or a numbered dot (3·). */
  listItem: boolean;
  /** A short line with a date and a time or a source beside it: the dateline of a post or an article. */
  dateline: boolean;
  /** A full date alone on its line (2024年3月1日): with the line above it, the signature closing a notice. */
  loneDate: boolean;
  /** A grid of day numbers or weekday names. */
  calendar: boolean;
  // Cues, filled by scanCues.
  cue: BoilerplateReason | undefined;
  fieldCues: number;
  phraseCues: number;
  anchorCues: number;
  /** A cue matched at the first non-space character of the line. */
  cueAtStart: boolean;
  userCue: boolean;
  /** Lines to the nearest identical line (spaces ignored); Infinity when the line occurs once. */
  repeatGap: number;
  /** Hash of the line's non-space code units. */
  readonly hash: number;
}

// Character classes for the per-character loop, one table read each.
const SPACE = 1;
const SEPARATOR = 2;
const LATIN = 4;
const DIGIT = 8;
const BRACKET = 16;
const PUNCT = 32;
/** ASCII , ; ! ? . : sentence punctuation when it follows a Han character. */
const ASCII_PUNCT = 64;
/** A Han character of the BMP (astral ones are recognised from their surrogate pair). */
const HAN = 128;

let charClasses: Uint8Array | undefined;

function classes(): Uint8Array {
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

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b || (c >= 0x2000 && c <= 0x200a);
}

function isSentencePunct(c: number): boolean {
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

function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x2026 || c === 0x21 || c === 0x3f || c === 0x2e || c === 0xff0e;
}

function isClosingQuote(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0x22 || c === 0x27 || c === 0xff09 || c === 0x29;
}

function isSeparator(c: number): boolean {
  return c === 0x7c || c === 0xff5c || c === 0xb7 || c === 0x2022 || c === 0x30fb || c === 0x25aa || c === 0x25cf;
}

function isBullet(c: number): boolean {
  return c === 0xb7 || c === 0x2022 || c === 0x30fb || c === 0x25aa || c === 0x25cf || c === 0x25a0 || c === 0x25b6 || c === 0x25ba || c === 0x2605 || c === 0x2606 || c === 0x2013;
}

function isBracketOrQuote(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0xff08 || c === 0xff09 || c === 0x300a || c === 0x300b || c === 0x201c || c === 0x201d || c === 0x3010 || c === 0x3011 || c === 0x300c || c === 0x300d;
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

const ENUMERATED = /^\s*(?:[(（]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[0-9]{1,3}\s*、|[一二三四五六七八九十]{1,3}\s*、|第\s*[0-9一二三四五六七八九十百]{1,4}\s*[章节條条款部分场篇回])/;
const STAMP = /(?:[[(（【]\s*(?:\d{2,4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?)?\s*[\])）】]|[(（]\s*\d+\s*[)）])\s*$/i;
/** A bracketed date or count after an item's text; a date alone in brackets dates a speech, not a list item. */
function hasTrailingStamp(text: string, start: number, end: number): boolean {
  const tail = text.slice(Math.max(start, end - 40), end);
  const m = STAMP.exec(tail);
  if (!m) return false;
  const before = text.slice(start, end - tail.length + m.index);
  return before.replace(/[\s\u3000]+/g, '').length >= 2;
}

const TRUNCATED = /(?:[^.]\.{3,6}|[^…]…)\s*(?:[[(（【][^\])）】]{0,20}[\])）】])?\s*$/;
const LIST_OPENER = /^\s*(?:\d{1,2}\s*[·•]|[[【〔〖][^\]】〕〗\s]{1,6}[\]】〕〗]\s*\S|[[【(（]\d{2,4}[-/.]\d{1,2}[-/.]\d{1,2}[\]】)）])/;
const DATE = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|(?<!\d)\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/i;
const TIME = /\d{1,2}:\d{2}/;
const LONE_DATE = /^[\s\u3000]*\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})[\s\u3000]*$/;

/** A date with a time, or with something besides it (a source, a name): not a lone date closing a notice. */
function isDateline(line: string): boolean {
  const date = DATE.exec(line);
  if (!date) return false;
  if (TIME.test(line)) return true;
  const rest = (line.slice(0, date.index) + line.slice(date.index + date[0].length)).replace(/[\s\u3000\u00a0]+/g, '');
  return rest.length >= 2;
}

const DAY_NUMBERS = /^(?:(?:[1-9]|[12]\d|3[01])\s+){4,}(?:[1-9]|[12]\d|3[01])$/;
const WEEKDAYS = /^(?:(?:日|一|二|三|四|五|六|周[日一二三四五六]|星期[日天一二三四五六]|週[日一二三四五六]|su|mo|tu|we|th|fr|sa|sun|mon|tue|wed|thu|fri|sat)\s*){5,7}$/i;
const MONTH_HEADER = /^[<《«‹]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*[>》»›]$/;

function measureLines(text: string): LineFeatures[] {
  const features: LineFeatures[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl === -1 ? text.length : nl;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    features.push(measureLine(text, start, end));
    if (nl === -1) break;
    start = nl + 1;
  }
  return features;
}

function measureLine(text: string, start: number, end: number): LineFeatures {
  let han = 0;
  let chars = 0;
  let latinWords = 0;
  let digits = 0;
  let brackets = 0;
  let punct = 0;
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
      else if (k === PUNCT) punct++;
      // ASCII , ; ! ? after a Han character: auto-converted and hand-typed pages use them as Chinese punctuation.
      // After a word and before a space they punctuate English prose (not www.sina.com or v1.2).
      else if (k === ASCII_PUNCT && (prevHan || (prevLatin && (i + 1 >= end || table[text.charCodeAt(i + 1)] === SPACE)))) punct++;
    }
    prevHan = hanChar;
    prevLatin = k === LATIN;
  }
  const short = chars > 0 && chars <= 120;
  const opensList = first === 0x5b || first === 0x3010 || first === 0x3014 || first === 0x3016 || isDigit(first);
  const closesWithBracket = last === 0x5d || last === 0x29 || last === 0xff09 || last === 0x3011;
  const closesTruncated = last === 0x2e || last === 0x2026 || closesWithBracket;
  const mayEnumerate = isDigit(first) || first === 0x28 || first === 0xff08 || first === 0x7b2c || CHINESE_NUMERALS.includes(String.fromCharCode(first));
  const lineText = chars > 0 && chars <= 80 && (tokens >= 5 || digits >= 5) ? text.slice(start, end).trim() : '';
  const endsSentence = last !== -1 && (isSentenceEnd(last) || (isClosingQuote(last) && beforeLast !== -1 && isSentenceEnd(beforeLast)));
  return {
    start,
    end,
    blank: chars === 0,
    han,
    chars,
    latinWords,
    digits,
    punct,
    endsSentence,
    endsWithFullStop: last === 0x3002 || (isClosingQuote(last) && beforeLast === 0x3002),
    tokens,
    hanTokens,
    brackets,
    enumerated: chars > 1 && mayEnumerate && ENUMERATED.test(text.slice(start, Math.min(end, start + 12))),
    separators,
    startsWithBullet: first !== -1 && isBullet(first),
    trailingStamp: short && closesWithBracket && hasTrailingStamp(text, start, end),
    listItem:
      short &&
      ((closesTruncated && TRUNCATED.test(text.slice(Math.max(start, end - 24), end))) || (opensList && LIST_OPENER.test(text.slice(start, Math.min(end, start + 16))))),
    dateline: chars > 0 && chars <= 60 && digits >= 5 && isDateline(text.slice(start, end)),
    loneDate: chars > 0 && chars <= 16 && digits >= 4 && LONE_DATE.test(text.slice(start, end)),
    calendar: lineText !== '' && (DAY_NUMBERS.test(lineText) || WEEKDAYS.test(lineText) || MONTH_HEADER.test(lineText)),
    cue: undefined,
    fieldCues: 0,
    phraseCues: 0,
    anchorCues: 0,
    cueAtStart: false,
    userCue: false,
    repeatGap: Infinity,
    hash: hash & 0x3fffffff, // a small integer, cheap as a Map key
  };
}

const CHINESE_NUMERALS = '一二三四五六七八九十';

/** Characters of a long prose line searched for cues: only a cue at its start can make it boilerplate. */
const PROSE_CUE_WINDOW = 24;

/**
 * Finds the cues of each line. A long prose line is searched only at its start, since a cue further in
 * cannot outweigh the prose; that keeps the scan off most of the text of a long document.
 */
function scanCues(text: string, features: LineFeatures[], userCues: UserCues, params: Params): void {
  const cues = builtinCues();
  let f = features[0]!;
  const found = (spec: CueSpec, offset: number): void => {
    if (spec.kind === 'field') f.fieldCues++;
    else if (spec.kind === 'anchor') f.anchorCues++;
    else f.phraseCues++;
    f.cue ??= spec.reason;
    if (!f.cueAtStart && isLineStart(text, f.start, offset)) {
      f.cueAtStart = true;
      f.cue = spec.reason;
    }
  };
  const foundUser = (): void => {
    f.userCue = true;
  };
  for (const line of features) {
    if (line.blank) continue;
    f = line;
    const longProse = isProse(f, params) && sizeOf(f) >= 3 * params.goodSize;
    const end = longProse ? Math.min(f.end, f.start + PROSE_CUE_WINDOW) : f.end;
    cues.scan(text, f.start, f.start, end, found);
    if (longProse) continue;
    userCues.literals?.scan(text, f.start, f.start, end, foundUser);
    if (userCues.regexes.length && !f.userCue) {
      const lineText = text.slice(f.start, f.end);
      f.userCue = userCues.regexes.some((r) => r.test(lineText));
    }
  }
}

function isLineStart(text: string, lineStart: number, offset: number): boolean {
  for (let i = lineStart; i < offset; i++) if (!isSpace(text.charCodeAt(i)) && !isBracket(text.charCodeAt(i))) return false;
  return true;
}

function isBracket(c: number): boolean {
  return c === 0x5b || c === 0x28 || c === 0x3010 || c === 0xff08 || c === 0x300a || c === 0x3c;
}

/** Finds identical lines (spaces ignored), short and medium ones as footers and menus are, and how far apart they lie. */
function markRepeats(features: LineFeatures[]): void {
  const lastSeen = new Map<number, number>();
  features.forEach((f, i) => {
    if (f.blank || f.chars > 120) return;
    const j = lastSeen.get(f.hash);
    // Same hash and length, not compared character by character: a collision (about one in 10^9 per pair)
    // costs one line a weak -0.5, while comparing every repeat costs a tenth of the run on a repetitive file.
    if (j !== undefined && features[j]!.chars === f.chars) {
      f.repeatGap = i - j;
      const g = features[j]!;
      g.repeatGap = Math.min(g.repeatGap, i - j);
    }
    lastSeen.set(f.hash, i);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Intrinsic class and evidence

type UndecidedTier = 'signature' | 'sentence' | 'enumerated' | 'neargood' | 'short' | 'tiny';

interface Intrinsic {
  cls: IntrinsicClass;
  /** Evidence that the line is content (positive) or boilerplate (negative), in log-odds-like units. */
  evidence: number;
  reason: BoilerplateReason | undefined;
  /** Bad on evidence too weak to decide the undecided lines around it. */
  weak: boolean;
  /** For lines that are neither prose nor cued: their weight class, evidence set by context. */
  tier: UndecidedTier | undefined;
}

function intrinsic(cls: IntrinsicClass, evidence: number, reason?: BoilerplateReason, weak = false, tier?: UndecidedTier): Intrinsic {
  return { cls, evidence, reason, weak, tier };
}

/** Size from which a line with a comma and a closing 。 is prose. */
const SENTENCE_SIZE = 10;

/** Copies of a line at least this many lines apart are boilerplate given twice. */
const REPEAT_DISTANCE = 8;

/** Han characters plus Latin words at 1.5 each: how much a line says. */
function sizeOf(f: LineFeatures): number {
  return f.han + 1.5 * f.latinWords;
}

function isProse(f: LineFeatures, params: Params): boolean {
  const size = sizeOf(f);
  if (size >= params.goodSize && f.punct >= 2) return true;
  if (size >= params.goodSize && f.punct >= 1 && f.endsSentence) return true;
  // A whole sentence with a comma and a full stop is prose however short; headlines do not end with 。.
  if (size >= SENTENCE_SIZE && f.punct >= 2 && f.endsWithFullStop) return true;
  return size >= 3 * params.goodSize && f.punct >= 1;
}

function intrinsicClass(f: LineFeatures, params: Params): Intrinsic {
  if (f.blank) return intrinsic('blank', 0);
  const size = sizeOf(f);
  const prose = isProse(f, params);
  const cue = f.cue;
  const bad = (reason: BoilerplateReason | undefined, evidence: number, weak = false): Intrinsic => intrinsic('bad', evidence, reason, weak);
  if (f.userCue && !prose) return bad('user', -6);
  if (f.anchorCues > 0 && (!prose || f.cueAtStart || size < 2 * params.goodSize)) return bad(cue, -6);
  if (f.fieldCues >= 2 && (!prose || size < 3 * params.goodSize)) return bad(cue, -6);
  if (f.fieldCues === 1 && !prose && size <= params.phraseCueSize) return bad(cue, -5);
  if (f.phraseCues > 0 && !prose && (size <= params.phraseCueSize || (f.cueAtStart && size <= 2 * params.phraseCueSize))) return bad(cue, -5);
  if (f.calendar) return bad('calendar', -5);
  if (cue === 'search-stub') return bad(cue, -5);
  // A headline with commas is still a link when a date stamp closes it (…育时代新人…[07-08]).
  if (f.trailingStamp && size < 2 * params.goodSize) return bad('related', -1.5);
  if (prose) return intrinsic('good', Math.min(8, 1 + size / 15));
  // A menu: short Han items split by | or ·, or three or more split by spaces with no digits or brackets
  // (a row of a table has those; a run of English words is a sentence, not a menu).
  if (f.punct === 0 && f.hanTokens >= 2 && f.separators >= 2 && f.han / f.hanTokens <= 6) return bad('navigation', -1.5);
  // Items of one character each are a name or a heading spaced out with ideographic spaces (习近平, 目录), not a menu.
  if (f.punct === 0 && f.hanTokens >= 3 && f.digits === 0 && f.brackets === 0 && f.han / f.hanTokens <= 4 && f.han >= 2 * f.hanTokens) {
    return bad('navigation', -1.5);
  }
  if (f.trailingStamp || f.listItem || (f.startsWithBullet && f.punct <= 1)) return bad('related', -1.5);
  if (f.dateline) return bad('header', -1.5);
  // A line given again far away (a footer twice, a menu at top and bottom); copies close together are a table.
  // Weak evidence that does not decide neighbours: tables repeat cells and hold stray numbers too.
  if (f.repeatGap >= REPEAT_DISTANCE && f.repeatGap !== Infinity) return bad('repeated', -0.5, true);
  // A stray symbol or letter (x, |, ↑) is debris; a lone number is as likely a table cell as a page link.
  if (f.han === 0 && f.chars <= 3) return f.digits === f.chars ? bad('navigation', -0.5, true) : bad('navigation', -2.5, true);
  const cls = size >= params.nearGoodSize ? 'neargood' : 'short';
  return intrinsic(cls, 0, undefined, false, f.loneDate ? 'signature' : f.endsWithFullStop ? 'sentence' : f.enumerated ? 'enumerated' : size >= params.nearGoodSize ? 'neargood' : size <= 4 ? 'tiny' : 'short');
}

/** Lines of web furniture (cues, menus, list items) from which a file is taken for a web page. */
const WEB_PAGE_CUES = 3;

/**
 * A web page shows WEB_PAGE_CUES lines of furniture, at least two of them named by a cue word: shape alone
 * is not enough (a spaced-out name looks like a menu item, the date under a speech's title like a stamp),
 * nor is a word list headed 来源：… 作者：… with a 版权所有 line.
 */
function looksLikeWebPage(lines: readonly Intrinsic[]): boolean {
  let cued = 0;
  let decisive = 0;
  for (const x of lines) {
    if (x.cls !== 'bad' || x.weak || x.reason === 'user') continue;
    decisive++;
    if (x.evidence <= CUED) cued++;
    if (cued >= 2 && decisive >= WEB_PAGE_CUES) return true;
  }
  return false;
}

/** Evidence of a line named by a cue word (-5, -6), as opposed to shape (-1.5). */
const CUED = -5;

/**
 * A file with fewer than WEB_PAGE_CUES decisive boilerplate lines is not a web page (notes that say 作者：鲁迅,
 * a README with a copyright line): nothing in it folds but the lines the user's own cues name.
 */
function keepUnlessWebPage(lines: Intrinsic[]): void {
  if (looksLikeWebPage(lines)) return;
  for (const x of lines) if (x.reason !== 'user' && x.evidence < NOT_A_WEB_PAGE) x.evidence = NOT_A_WEB_PAGE;
}

/** Evidence every line gets at least in a file that is not a web page. */
const NOT_A_WEB_PAGE = 1;

/**
 * Evidence for a line that is neither prose nor cued, by tier and by how many of its nearest decided lines
 * (prose or boilerplate, skipping other undecided lines; in a web page the file's edges count as
 * boilerplate) are prose: none, one, both. jusText's rule in graded form: a subheading between two
 * paragraphs is content, a list of link titles between a menu and the footer is boilerplate, a table hanging
 * off the end of an article is left to its own tier.
 */
const UNDECIDED_EVIDENCE: Record<UndecidedTier, readonly [number, number, number]> = {
  signature: [-0.4, 0.6, 0.6],
  sentence: [0, 0.5, 0.5],
  enumerated: [-0.2, 0.5, 0.5],
  neargood: [-0.4, 0.3, 0.3],
  short: [-0.5, 0, 0.3],
  tiny: [-0.8, -0.4, 0],
};

function weighUndecided(lines: Intrinsic[], features: readonly LineFeatures[]): void {
  const n = lines.length;
  // The line above a closing date signs the notice (教务处 / 2024年3月1日).
  for (let i = 1; i < n; i++) {
    if (lines[i]!.tier !== 'signature') continue;
    let j = i - 1;
    while (j > 0 && features[j]!.blank) j--;
    const above = lines[j]!;
    if (above.tier === 'tiny' || above.tier === 'short' || above.tier === 'neargood') above.tier = 'signature';
  }
  const prevGood = new Uint8Array(n);
  // The file's edges count as boilerplate only in a web page: in a poem, a word list or notes, undecided lines
  // must not fold for want of prose.
  const edge = looksLikeWebPage(lines) ? 0 : 1;
  let last = edge;
  for (let i = 0; i < n; i++) {
    prevGood[i] = last;
    const x = lines[i]!;
    if (x.cls === 'good') last = 1;
    else if (x.cls === 'bad' && !x.weak) last = 0;
  }
  last = edge;
  for (let i = n - 1; i >= 0; i--) {
    const x = lines[i]!;
    if (x.tier) x.evidence = UNDECIDED_EVIDENCE[x.tier][prevGood[i]! + last]!;
    if (x.cls === 'good') last = 1;
    else if (x.cls === 'bad' && !x.weak) last = 0;
  }
}

/** Evidence left to a label line (地址： 电话：) that sits between paragraphs of the article. */
const INLINE_FIELD = -1;

/**
 * Contact lines (邮政编码：… 联系电话：…) with prose on both sides, skipping other such lines, belong to the
 * article (a notice giving its own contacts); a footer's contact block has the licence or the file's end
 * after it. They keep weak evidence and stop deciding their neighbours.
 */
function softenInlineFields(features: readonly LineFeatures[], lines: Intrinsic[]): void {
  const n = lines.length;
  const isField = (i: number): boolean => {
    const f = features[i]!;
    const x = lines[i]!;
    return x.cls === 'bad' && f.cue === 'contact' && f.fieldCues > 0 && f.anchorCues === 0 && f.phraseCues === 0 && !f.userCue;
  };
  const prevGood = new Uint8Array(n);
  let last = 0;
  for (let i = 0; i < n; i++) {
    prevGood[i] = last;
    const x = lines[i]!;
    if (x.cls === 'good') last = 1;
    else if (x.cls === 'bad' && !x.weak && !isField(i)) last = 0;
  }
  last = 0;
  for (let i = n - 1; i >= 0; i--) {
    const x = lines[i]!;
    if (isField(i) && prevGood[i] && last) {
      x.evidence = Math.max(x.evidence, INLINE_FIELD);
      x.weak = true;
    }
    if (x.cls === 'good') last = 1;
    else if (x.cls === 'bad' && !x.weak && !isField(i)) last = 0;
  }
}

/** Evidence left to a prose line in a comments section: its neighbours decide it. */
const COMMENT_PROSE = 0.5;

/**
 * After the article, a comments cue (发表评论, 共3篇评论, 回复线索) opens a section of readers' posts that read as
 * prose but are not the article: from there on prose lines keep only weak evidence and decide no neighbours.
 */
function quietComments(features: readonly LineFeatures[], intrinsic: Intrinsic[]): void {
  let prose = 0;
  let inComments = false;
  for (let i = 0; i < intrinsic.length; i++) {
    const x = intrinsic[i]!;
    if (inComments) {
      if (x.cls === 'good') {
        x.cls = 'neargood';
        x.evidence = Math.min(x.evidence, COMMENT_PROSE);
      }
    } else if (x.cls === 'good') prose += features[i]!.han;
    // A sidebar's 最新评论 above a blog's short self-description is not the end of an article.
    else if (prose >= ARTICLE_BEFORE_COMMENTS && x.cls === 'bad' && x.reason === 'comments') inComments = true;
  }
}

/** Han characters of prose that must come before a comments cue for it to open a comments section. */
const ARTICLE_BEFORE_COMMENTS = 100;

/** Evidence for a title: enough to hold it between a menu above and the header below. */
const TITLE_EVIDENCE = 4.5;

/**
 * A news page puts the title right above its 来源/作者/时间 header. The title has no sentence punctuation and
 * sits between boilerplate, so on shape alone it would fold with the header; the header vouches for it.
 */
function promoteTitles(features: readonly LineFeatures[], intrinsic: Intrinsic[]): void {
  for (let i = 0; i < features.length; i++) {
    // A cued header (来源：… 作者：…), not a mere dateline: a forum reply's signature line vouches for nothing.
    if (intrinsic[i]!.reason !== 'header' || intrinsic[i]!.cls !== 'bad' || intrinsic[i]!.evidence > CUED) continue;
    let seen = 0;
    for (let j = i - 1; j >= 0 && seen < 2; j--) {
      const f = features[j]!;
      if (f.blank) continue;
      seen++;
      const x = intrinsic[j]!;
      if ((x.cls === 'neargood' || x.cls === 'short' || x.cls === 'good') && sizeOf(f) >= 6) {
        x.evidence = Math.max(x.evidence, TITLE_EVIDENCE);
        x.tier = undefined;
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Context

interface Decision {
  boilerplate: boolean;
  reason: BoilerplateReason | undefined;
}

/**
 * Splits the non-blank lines into content and boilerplate runs: the labelling that best agrees with each
 * line's evidence when every change between content and boilerplate costs `switchCost` (a two-state Viterbi
 * pass). A short line inside the article stays content because leaving the article and coming back costs
 * two switches; a menu at the top of the file costs only one, so boilerplate clusters at the edges.
 */
function decide(features: readonly LineFeatures[], intrinsic: readonly Intrinsic[], params: Params): Decision[] {
  const lines: number[] = [];
  features.forEach((f, i) => {
    if (!f.blank) lines.push(i);
  });
  const m = lines.length;
  const fromContent = new Uint8Array(m); // for state content at k: previous state was boilerplate (1) or content (0)
  const fromBoiler = new Uint8Array(m);
  const s = params.switchCost;
  let c = 0;
  let b = 0;
  for (let k = 0; k < m; k++) {
    const e = intrinsic[lines[k]!]!.evidence + params.bias;
    let nc: number;
    let nb: number;
    if (k === 0) {
      nc = e / 2;
      nb = -e / 2;
    } else {
      if (c >= b - s) {
        nc = c;
        fromContent[k] = 0;
      } else {
        nc = b - s;
        fromContent[k] = 1;
      }
      if (b >= c - s) {
        nb = b;
        fromBoiler[k] = 1;
      } else {
        nb = c - s;
        fromBoiler[k] = 0;
      }
      nc += e / 2;
      nb -= e / 2;
    }
    c = nc;
    b = nb;
  }
  const decisions: Decision[] = features.map(() => ({ boilerplate: false, reason: undefined }));
  let state = b > c ? 1 : 0;
  for (let k = m - 1; k >= 0; k--) {
    const i = lines[k]!;
    if (state === 1) decisions[i] = { boilerplate: true, reason: intrinsic[i]!.reason };
    state = state === 1 ? fromBoiler[k]! : fromContent[k]!;
  }
  return decisions;
}

// ---------------------------------------------------------------------------------------------------------
// Blocks

function toBlocks(features: readonly LineFeatures[], decided: Decision[]): BoilerplateBlock[] {
  const n = features.length;
  let firstContent = -1;
  let lastContent = -1;
  let firstLine = -1;
  let lastLine = -1;
  for (let i = 0; i < n; i++) {
    if (features[i]!.blank) continue;
    if (firstLine === -1) firstLine = i;
    lastLine = i;
    if (!decided[i]!.boilerplate) {
      if (firstContent === -1) firstContent = i;
      lastContent = i;
    }
  }
  const blocks: BoilerplateBlock[] = [];
  let i = 0;
  while (i < n) {
    if (!decided[i]!.boilerplate) {
      i++;
      continue;
    }
    let end = i;
    // Extend over blank lines only when boilerplate follows them.
    for (let j = i + 1; j < n; j++) {
      if (decided[j]!.boilerplate) end = j;
      else if (!features[j]!.blank) break;
    }
    const position = firstContent === -1 || end < firstContent ? 'top' : i > lastContent ? 'bottom' : 'middle';
    const counts = new Map<BoilerplateReason, number>();
    for (let j = i; j <= end; j++) {
      const d = decided[j]!;
      if (!d.boilerplate) continue;
      if (features[j]!.blank) {
        d.reason = undefined;
        continue;
      }
      d.reason ??= position === 'top' ? 'navigation' : position === 'bottom' ? 'footer' : 'related';
      counts.set(d.reason, (counts.get(d.reason) ?? 0) + 1);
    }
    // Blank lines before the first block of the file and after its last belong to them: nothing is left
    // above or below for them to separate.
    const start = i === firstLine ? 0 : i;
    if (end === lastLine) end = n - 1;
    for (let j = start; j <= end; j++) if (features[j]!.blank) decided[j]!.boilerplate = true;
    blocks.push({ start, end, reason: dominantReason(counts) });
    i = end + 1;
  }
  return blocks;
}

function dominantReason(counts: Map<BoilerplateReason, number>): BoilerplateReason {
  let best: BoilerplateReason = 'navigation';
  let bestCount = 0;
  for (const reason of REASON_PRIORITY) {
    const c = counts.get(reason) ?? 0;
    if (c > bestCount) {
      best = reason;
      bestCount = c;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Removing, extracting, folding

/**
 * Whole lines to delete: every block, with the blank lines after it (so the text keeps one gap where a block
 * was), and at the end of the text the blank lines before it too (so no blank lines trail the article).
 */
function removalRuns(text: string, result: BoilerplateResult): Array<[number, number]> {
  const starts = lineStarts(text);
  const n = starts.length;
  const isBlank = (line: number): boolean => /^[\s\u3000\u00a0]*$/.test(lineText(text, starts, line));
  const runs: Array<[number, number]> = [];
  for (const block of result.blocks) {
    let a = Math.max(0, block.start);
    let b = Math.min(n - 1, block.end);
    if (a > b) continue;
    while (b + 1 < n && isBlank(b + 1)) b++;
    if (b === n - 1) while (a > 0 && isBlank(a - 1)) a--;
    const last = runs[runs.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else runs.push([a, b]);
  }
  return runs;
}

function lineText(text: string, starts: readonly number[], line: number): string {
  const end = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
  return text.slice(starts[line]!, end);
}

/**
 * Edits that delete the boilerplate blocks (whole lines, with their breaks) and the blank lines they leave
 * behind; content lines are kept exactly as written. Sorted, non-overlapping: apply them as one undo step.
 */
export function removeBoilerplateEdits(text: string, result: BoilerplateResult): TextEdit[] {
  const starts = lineStarts(text);
  const n = starts.length;
  const edits: TextEdit[] = [];
  for (const [a, b] of removalRuns(text, result)) {
    let from = starts[a]!;
    const to = b + 1 < n ? starts[b + 1]! : text.length;
    // The run reaches the end of a text that does not end with a line break: take the break before the run
    // too, so the text still does not end with one.
    if (b + 1 >= n && a > 0 && !text.endsWith('\n')) from = starts[a]! - 1 - (starts[a]! >= 2 && text.charCodeAt(starts[a]! - 2) === 0x0d ? 1 : 0);
    if (to > from) edits.push({ offset: from, length: to - from, text: '' });
  }
  return edits;
}

/**
 * The content only: the text with the boilerplate blocks and the blank lines they leave behind removed.
 * Content lines and their own line breaks are kept exactly as written; this is what the CLI prints
 * without --json and what Remove Boilerplate leaves in the editor.
 */
export function mainText(text: string, result: BoilerplateResult): string {
  const parts: string[] = [];
  let last = 0;
  for (const e of removeBoilerplateEdits(text, result)) {
    parts.push(text.slice(last, e.offset));
    last = e.offset + e.length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** A folding range: line `start` stays visible, lines start + 1 … end are hidden. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Folding ranges that hide every line of each block: the range starts on the line before the block (content
 * or blank; it stays visible as the fold's handle). A block at line 0 starts its range there, so its first
 * line stays visible; a one-line block at line 0 cannot be folded and gets no range.
 */
export function boilerplateFoldingRanges(result: BoilerplateResult): LineRange[] {
  const ranges: LineRange[] = [];
  for (const b of result.blocks) {
    const start = b.start > 0 ? b.start - 1 : 0;
    if (b.end > start) ranges.push({ start, end: b.end });
  }
  return ranges;
}
