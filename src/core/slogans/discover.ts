/**
 * Candidates for slogans the document itself repeats: quoted phrases, enumerations joined by 、, parallel
 * clauses joined by a comma (反腐倡廉必须常抓不懈，拒腐防变必须警钟长鸣), numeral formulae (两个先行, 三个一号工程) and other maximal repeats. Each candidate carries the number of occurrences
 * it needs; the caller counts real occurrences with the same matcher as known slogans and keeps those that
 * reach it.
 */
import { containsHan, countHan, partitionPoint } from '../text';
import { findAnchoredRepeats } from './repeats';
import { EXCLUDED_UNIT, foldPhrase, HAN as HAN_CLASS, isHanUnit, SEPARATOR_CLASS, unitClasses, type TextStreams } from './streams';

export type DiscoveryMethod = 'quoted' | 'enumeration' | 'parallel' | 'numeral' | 'repeat';

export interface Candidate {
  /** Folded form, enumeration separators as 、. */
  readonly key: string;
  readonly method: DiscoveryMethod;
  /** Occurrences the phrase needs in the document to be reported. */
  readonly minCount: number;
  /** A costlier test, run only for a candidate that has its occurrences (word boundaries at the cuts). */
  readonly verify?: () => boolean;
  /** Why the phrase is taken for a formula, for the hover and the report (English, one short clause). */
  readonly reason: string;
}

export interface DiscoveryOptions {
  /** For quoted phrases, enumerations and numeral formulae. */
  readonly minDiscoveredCount: number;
  /** For other repeats. */
  readonly minRepeatCount: number;
  /** Known phrase keys: candidates equal to one are not discoveries. */
  readonly isKnownKey: (key: string) => boolean;
  /** True when the string contains a known phrase (a repeat that merely extends a known slogan). */
  readonly containsKnown: (text: string) => boolean;
  /** True when [start, end) of the match view starts and ends on word boundaries. */
  readonly isWordBounded: (start: number, end: number) => boolean;
  /** True when a short string is one word of the general vocabulary (the segmenter's dictionary). */
  readonly isDictionaryWord: (word: string) => boolean;
  /** True when [start, end) of `text` starts and ends on word boundaries. */
  readonly isWordBoundedIn: (text: string, start: number, end: number) => boolean;
}

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』']];
/** A quoted phrase longer than this is a quotation, not a phrase. */
const MAX_QUOTED = 24;
/** Arabic numeral formulae written without Han characters: 8+4, 4+1. */
const DIGIT_FORMULA = /^[0-9]+(?:\+[0-9A-Za-z]+)+$/;

export interface QuotedPhrases {
  /** Folded content of every quoted phrase, with the number of times it is quoted. */
  readonly counts: ReadonlyMap<string, number>;
  /** The quoted phrases, sorted: a binary search tells whether a string starts a quoted phrase. */
  readonly sorted: readonly string[];
  /** The quoted phrases reversed, sorted: tells whether a string ends one (科技创新工程 of “八大科技创新工程”). */
  readonly reversedSorted: readonly string[];
}


/**
 * Every phrase inside quote marks (“…” ‘…’ 「…」 『…』), counted by folded form. Quotes are found in the
 * original text (quote marks are not folded); one that opens inside an excluded range does not count.
 */
export function quotedPhrases(streams: TextStreams): QuotedPhrases {
  const { text, folded } = streams;
  const counts = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const [open, close] of QUOTE_PAIRS) {
    const re = new RegExp(`${open}([^${open}${close}\\n]{1,${MAX_QUOTED}})${close}`, 'g');
    for (const m of text.matchAll(re)) {
      if (folded[m.index] === EXCLUDED_UNIT) continue;
      const content = m[1]!;
      let key = keys.get(content);
      if (key === undefined) {
        const trimmed = content.trim();
        key = /[。！？!?]/.test(trimmed) || (!containsHan(trimmed) && !DIGIT_FORMULA.test(trimmed)) ? '' : foldPhrase(trimmed);
        if (key.length < 2) key = '';
        keys.set(content, key);
      }
      if (!key) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const sorted = [...counts.keys()].sort();
  const reversedSorted = sorted.map(reverse).sort();
  return { counts, sorted, reversedSorted };
}

/**
 * Quoted phrases quoted at least `minCount` times that show the structure of a formula. Being quoted does not
 * make a phrase a formula (JUDGING.md rule 1: study pages quote anecdote words and metaphors, 接力赛, 总开关,
 * 路径依赖), so a quoted phrase must also be one of:
 *  - a numeral formula of three characters or more (三大战略, 五险一金, 八大科技创新工程);
 *  - balanced parallel clauses (率先发展、统筹发展、和谐发展; 一个不杀，大部不捉), not only numeral formulae side by side;
 *  - five characters or more, with two parallel halves (干在实处永无止境) or a head noun that names a programme
 *    (狠抓落实年, …工程), and neither the name of a publication, contest or event nor a theme built around a
 *    known formula (建设共同富裕逐梦美好生活).
 * A four-character coinage in quotes (“溪畔共富”) is as often a metaphor in scare quotes (“凤凰涅槃”, “路径依赖”):
 * nothing in one text tells them apart, so it is left to the lexicon and the user's own entries.
 * Phrases with a particle (“我眼中的中国式现代化”), dates, and words or idioms of the general vocabulary are out.
 */
export function quotedCandidates(quoted: QuotedPhrases, minCount: number, options: QuotedRuleOptions): Candidate[] {
  const out: Candidate[] = [];
  for (const [key, count] of quoted.counts) {
    if (count < minCount) continue;
    const reason = quotedFormulaReason(key, options);
    if (!reason) continue;
    const verify = isNumeralFormula(key) ? undefined : (): boolean => !options.isDictionaryWord(key);
    const because = `${reason}; quoted ${count}×`;
    out.push(verify ? { key, method: 'quoted', minCount, verify, reason: because } : { key, method: 'quoted', minCount, reason: because });
  }
  return out;
}

type QuotedRuleOptions = Pick<DiscoveryOptions, 'isDictionaryWord' | 'containsKnown' | 'isWordBoundedIn' | 'isKnownKey'>;

/** Quoted phrases shorter than this need a designator or a numeral: at four characters and less, a quote is mostly a scare quote. */
const MIN_PLAIN_QUOTED = 5;
/** Each half of a two-part slogan (干在实处永无止境, 思想大解放行动大担当) has four to seven characters. */
const HALF_MIN = 4;
const HALF_MAX = 7;
/** Head nouns that end the name of a programme, campaign or principle (狠抓落实年 is a campaign year). */
const PROGRAMME_HEAD = /(?:工程|战略|行动|计划|方针|原则|体系|机制|制度|布局|倡议|攻坚战|保卫战|活动年|落实年|建设年|作风年|[^〇零一二两三四五六七八九十百千万\d]年)$/;
/** Heads of proper names that are not formulae: publications, contests and awards, events, courses, media. */
const NAME_HEAD = /(?:大系|丛书|全集|文库|选集|文集|读本|辞典|词典|年鉴|杂志|期刊|报|奖|杯|赛|大赛|课|节|展|论坛|会|大会|峰会|班|营|栏目|专栏|频道|公众号|网|台风|号)$/;

export function quotedFormulaReason(key: string, options: QuotedRuleOptions): string | undefined {
  if (FREE_PHRASE_PARTICLES.test(key) || DATE_WORDS.test(key) || PERSON_WORDS.test(key)) return undefined;
  if (/[0-9]/.test(key)) return DIGIT_FORMULA.test(key) ? 'numeral formula in digits' : undefined;
  const items = key.split('、');
  if (items.length > 1) {
    // An enumeration of single characters (“六、四”) would match any two numerals with a comma between.
    if (items.some((item) => item.length < 2)) return undefined;
    if (!balanced(items)) return undefined;
    // Two numeral formulae quoted together are two formulae, not one (JUDGING.md: 两个基本、两个率先 is M).
    if (items.every(isNumeralFormula)) return undefined;
    return `${items.length} parallel clauses of ${items[0]!.length} characters`;
  }
  if (isNumeralFormula(key)) return key.length >= 3 ? 'numeral formula' : undefined;
  if (NAME_HEAD.test(key)) return undefined;
  if (key.length < MIN_PLAIN_QUOTED || NOT_FIRST.has(key[0]!) || NOT_LAST.has(key[key.length - 1]!)) return undefined;
  if (key.length % 2 === 0 && key.length / 2 >= HALF_MIN && key.length / 2 <= HALF_MAX) {
    const half = key.length / 2;
    const [a, b] = [key.slice(0, half), key.slice(half)];
    // A known formula inside must be a whole half: 干在实处 + 永无止境, not 建设共同富裕 + 逐梦美好生活.
    const knownHalf = options.isKnownKey(a) || options.isKnownKey(b);
    const embedsKnown = options.containsKnown(key) && !knownHalf;
    // Halves are parallel when one is a known formula or they share a character at the same place
    // (思想大解放 / 行动大担当); two halves of a name (中国历代 / 绘画大系) share nothing.
    const parallel = knownHalf || [...a].some((c, i) => c === b[i]);
    if (!embedsKnown && parallel && options.isWordBoundedIn(key, half, key.length)) return knownHalf ? 'a known formula and its parallel half' : 'two parallel halves';
  }
  if (PROGRAMME_HEAD.test(key) && !options.containsKnown(key)) return 'named programme (head noun)';
  return undefined;
}

/** Parallel clauses have lengths within one character of each other (对党忠诚、服务人民 …, 权为民所用、情为民所系). */
function balanced(items: readonly string[]): boolean {
  let min = Infinity;
  let max = 0;
  for (const item of items) {
    min = Math.min(min, item.length);
    max = Math.max(max, item.length);
  }
  return max - min <= 1;
}

/** True when `key` is quoted somewhere in the document, alone or as the start of a quoted phrase. */
function quotedWithin(quoted: QuotedPhrases, key: string): boolean {
  return quoted.counts.has(key) || startsSome(quoted.sorted, key, false);
}

/** True when some string of `sorted` starts with `prefix` (and, with `proper`, is longer than it and passes `test`). */
function startsSome(sorted: readonly string[], prefix: string, proper: boolean, test: (s: string) => boolean = () => true): boolean {
  for (let i = partitionPoint(sorted.length, (k) => sorted[k]! < prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) if (!proper || (sorted[i]!.length > prefix.length && test(sorted[i]!))) return true;
  return false;
}

/**
 * Verbs that take a named goal or programme as their object (成为海洋经济强省, 建设文化大省, 实施人才强省战略):
 * a quoted clause that is such a verb and a name is about the whole name, so the name is not the tail of a longer
 * one (as 科技创新工程 is of “八大科技创新工程”).
 */
const OBJECT_VERB_AT_END = /(?:成为|建设|建成|打造|创建|争创|争当|实施|推进|推动|加快|坚持|实现|提出|迈向|走向)$/;

/**
 * True when a longer quoted phrase ends with `key` as a piece of a longer name: not merely a clause whose verb
 * takes `key` as its object. `reversedLonger` is such a quoted phrase, reversed.
 */
function longerNameEnding(key: string): (reversedLonger: string) => boolean {
  return (reversedLonger) => !OBJECT_VERB_AT_END.test(reverse(reversedLonger.slice(key.length)));
}

function reverse(s: string): string {
  return s.split('').reverse().join('');
}

const hanCount = countHan;

/**
 * Enumerations of parallel items joined by 、 (创新深化、改革攻坚、开放提升). Items are runs of Han characters; the
 * outer items are cut to the length of the inner ones, so 强力推进创新深化、改革攻坚、开放提升大会 yields the
 * three four-character items, provided the cuts fall on word boundaries. Lists of plain words (立法、行政、司法),
 * of places and of offices are not formulae. An enumeration written out once is a candidate: it recurs when the
 * same items come again with any separators or none, which matching counts.
 */
export function enumerationCandidates(streams: TextStreams, minCount: number, isWordBoundedIn: (text: string, start: number, end: number) => boolean): Candidate[] {
  const { text } = streams;
  // Counted by the text as written first, then merged by folded form: folding once per distinct enumeration.
  const written = new Map<string, { count: number; start: number; end: number; junctions: number[] }>();
  forEachEnumeration(streams, (runs) => {
    if (runs.length / 2 > MAX_ENUMERATION_ITEMS) return;
    const items = parallelItemSpans(runs);
    // Lists of plain words (立法、行政、司法) are not formulae: items need three characters, or there must be four
    // items of two; a pair of three-character items is mostly a pair of verb phrases (摆事实、讲道理).
    const length = items ? items[0]![1] - items[0]![0] : 0;
    if (!items || (length < 3 && items.length < 4) || (length < 4 && items.length === 2)) return;
    const raw = text.slice(items[0]![0], items[items.length - 1]![1]);
    const seen = written.get(raw);
    if (seen) seen.count++;
    else written.set(raw, { count: 1, start: items[0]![0], end: items[items.length - 1]![1], junctions: items.slice(1).map(([start], i) => pairKey(streams.folded[items[i]![1] - 1]!, streams.folded[start]!)) });
  });
  // An enumeration written out fewer times than it needs recurs only if its items meet again with other
  // separators or none, which matching counts. Most never do; counting the pairs of characters that meet across
  // its junctions (at most one separator between) rules those out before they cost a place in the matcher.
  const wanted = new Set<number>();
  for (const { count, junctions } of written.values()) if (count < minCount) for (const j of junctions) wanted.add(j);
  const pairs = junctionCounts(streams.match, wanted);
  const found = new Map<string, { start: number; end: number }>();
  for (const [raw, { count, start, end, junctions }] of written) {
    if (count < minCount && junctions.some((j) => (pairs.get(j) ?? 0) < 2)) continue;
    const key = foldPhrase(raw);
    // Numeral formulae side by side (两个基本、两个率先) are two formulae, each found on its own.
    const items = key.split('、');
    if (!found.has(key) && formulaicItems(items) && !items.every(isNumeralFormula)) found.set(key, { start, end });
  }
  return [...found].map(([key, { start, end }]) => {
    const items = key.split('、');
    return { key, method: 'enumeration' as const, minCount, verify: () => isWordBoundedIn(text, start, end), reason: `enumeration of ${items.length} parallel items of ${items[0]!.length} characters` };
  });
}

/**
 * A chain of more items than this is a list (of names, places, tasks), never a formula: the longest fixed
 * enumerations have about ten items. Also keeps a 1 MB chain of 、 from becoming one 1 MB pattern.
 */
const MAX_ENUMERATION_ITEMS = 12;

function pairKey(a: number, b: number): number {
  return (a << 16) | b;
}

/** A bit per hashed pair: most pairs of the text are none of the wanted ones, and one bit in 8 KB says so. */
const FILTER_BITS = 16;

function filterIndex(pair: number): number {
  return Math.imul(pair, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

/** How often each wanted pair of Han units meets in the match view, adjacent or across one run of separators. */
function junctionCounts(match: string, wanted: ReadonlySet<number>): Map<number, number> {
  const counts = new Map<number, number>();
  if (wanted.size === 0) return counts;
  const filter = new Uint8Array(1 << (FILTER_BITS - 3));
  for (const pair of wanted) {
    const f = filterIndex(pair);
    filter[f >> 3]! |= 1 << (f & 7);
  }
  const classes = unitClasses();
  const n = match.length;
  for (let i = 0; i + 1 < n; i++) {
    const a = match.charCodeAt(i);
    if (!(classes[a]! & HAN_CLASS)) continue;
    let j = i + 1;
    while (j < n && classes[match.charCodeAt(j)]! & SEPARATOR_CLASS) j++;
    if (j >= n) break;
    const b = match.charCodeAt(j);
    if (!(classes[b]! & HAN_CLASS)) continue;
    const pair = pairKey(a, b);
    const f = filterIndex(pair);
    if (!(filter[f >> 3]! & (1 << (f & 7))) || !wanted.has(pair)) continue;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/**
 * Calls `visit` for each chain of Han runs joined by 、 (at least two runs), found from the separators outwards
 * in linear time, with the flattened starts and ends of its runs. Runs in excluded ranges are left out.
 */
function forEachEnumeration(streams: TextStreams, visit: (runs: number[]) => void): void {
  const { text, folded } = streams;
  const classes = unitClasses();
  const n = folded.length;
  const isHan = (i: number): boolean => i >= 0 && i < n && (classes[folded[i]!]! & HAN_CLASS) !== 0;
  let i = text.indexOf('、');
  while (i !== -1) {
    if (!isHan(i - 1) || !isHan(i + 1)) {
      i = text.indexOf('、', i + 1);
      continue;
    }
    let start = i - 1;
    while (isHan(start - 1)) start--;
    const runs = [start, i];
    let end = i + 1;
    for (;;) {
      const runStart = end;
      while (isHan(end)) end++;
      runs.push(runStart, end);
      if (text.charCodeAt(end) === 0x3001 && isHan(end + 1)) end++;
      else break;
    }
    visit(runs);
    i = text.indexOf('、', end);
  }
}

/**
 * The spans of parallel items: inner runs of one length (2 to 8), outer runs cut to that length (a two-run
 * enumeration takes the length of its last run). Undefined when the runs are not parallel.
 */
function parallelItemSpans(runs: readonly number[]): Array<[number, number]> | undefined {
  const count = runs.length / 2;
  const length = runs[3]! - runs[2]!;
  if (length < 2 || length > 8) return undefined;
  for (let r = 1; r < count - 1; r++) if (runs[2 * r + 1]! - runs[2 * r]! !== length) return undefined;
  const firstStart = runs[1]! - length;
  const lastEnd = runs[2 * count - 2]! + length;
  if (firstStart < runs[0]! || lastEnd > runs[2 * count - 1]!) return undefined;
  const spans: Array<[number, number]> = [[firstStart, runs[1]!]];
  for (let r = 1; r < count - 1; r++) spans.push([runs[2 * r]!, runs[2 * r + 1]!]);
  spans.push([runs[2 * count - 2]!, lastEnd]);
  return spans;
}

/** Province-level names: an enumeration of them is a list of places, not a formula. */
const PLACES = /^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)/;

function formulaicItems(items: readonly string[]): boolean {
  for (const item of items) {
    if (NOT_FIRST.has(item[0]!) || NOT_LAST.has(item[item.length - 1]!) || item.endsWith('好')) return false;
    if (FREE_PHRASE_PARTICLES.test(item) || PLACES.test(item) || PERSON_WORDS.test(item)) return false;
  }
  return true;
}

const NUMERALS = '一二两三四五六七八九十百千万双';
/** Characters of written numbers: a formula begins with one numeral, a number with several (十八大, 二〇三五年). */
const NUMBER_CHARS = '〇零一二两三四五六七八九十百千万亿';
let numeralTable: Uint8Array | undefined;

/** One byte per code unit: 1 for a numeral that can begin a formula, 2 for any other character of a number. */
function numeralUnits(): Uint8Array {
  if (!numeralTable) {
    numeralTable = new Uint8Array(0x10000);
    for (const c of NUMBER_CHARS) numeralTable[c.charCodeAt(0)] = 2;
    for (const c of NUMERALS) numeralTable[c.charCodeAt(0)] = 1;
  }
  return numeralTable;
}
const MEASURES = '个大号项条张种位';
/** Numeral + measure heads that count things rather than name a formula (一个, 一种, 三个月, 两个人). */
const COUNTING_BODIES = ['月', '年', '人', '百分点', '小时', '国家', '地区', '城市', '省', '市', '县', '村', '乡镇', '部门', '单位', '项目', '问题', '多', '余', '以上', '左右', '方面', '阶段', '部分', '层次', '环节', '步'];
/** Several numerals, each with one or two characters of content: 三去一降一补, 两学一做, 五险一金. */
const INTERLEAVED_GROUP = /[一二两三四五六七八九十双][^一二两三四五六七八九十双〇零百千万亿个届次年月日号]{1,2}/g;
/** Measure words that count things (两个女儿, 三种办法): with them a numeral phrase needs more evidence. */
const COUNTING_MEASURES = '个种位';

/**
 * Several numerals interleaved with content in balanced groups: 三去一降一补, 两学一做, 五险一金. Groups of unequal
 * length (两强三提高) are a local label more often than a fixed formula (JUDGING.md: M), and 一句王八蛋 has numerals
 * but no parallel groups.
 */
function isInterleaved(phrase: string): boolean {
  const groups = phrase.match(INTERLEAVED_GROUP);
  if (!groups || groups.length < 2 || groups.length > 4 || groups.join('') !== phrase) return false;
  const length = groups[0]!.length;
  return groups.every((g) => g.length === length);
}

/** A cheap test before the repeat search: a measure word follows (一 only with 号), or another numeral soon does. */
function mayStartNumeralFormula(match: string, i: number): boolean {
  const next = match[i + 1] ?? '';
  if (MEASURES.includes(next)) return match[i] !== '一' || next === '号';
  const numerals = numeralUnits();
  return numerals[match.charCodeAt(i + 2)] === 1 || numerals[match.charCodeAt(i + 3)] === 1;
}

/**
 * A numeral formula: one Chinese numeral, an optional measure word, then the named thing (两个先行, 四个意识,
 * 三个一号工程, 五位一体), or several numerals interleaved with content (三去一降一补, 两学一做). Two characters
 * qualify as a numeral and a noun (三农, 四风).
 */
export function isNumeralFormula(phrase: string): boolean {
  const chars = [...phrase];
  if (!NUMERALS.includes(chars[0]!)) return false;
  if (chars.length === 2) return '两三四五六七八九十双'.includes(chars[0]!) && !NUMBER_CHARS.includes(chars[1]!) && !MEASURES.includes(chars[1]!);
  if (isInterleaved(phrase)) return true;
  if (NUMBER_CHARS.includes(chars[1]!)) return false;
  const measure = chars[1]!;
  const hasMeasure = MEASURES.includes(measure);
  // 一个, 一种, 一项 … count one thing; 一号 (一号工程) names one.
  if (chars[0] === '一' && hasMeasure && measure !== '号') return false;
  if (!hasMeasure) return false;
  const body = chars.slice(2).join('');
  if (body.length < 2) return false;
  return !COUNTING_BODIES.some((b) => body.startsWith(b));
}

/** Characters that do not begin a formula: particles, prepositions, conjunctions. */
const NOT_FIRST = new Set([...'的了着过和与及或是在对把被将从向于由等也都就而并又还其之所让使给得地吗呢吧啊即这那该此每各某们']);
/** Characters that do not end one. */
const NOT_LAST = new Set([...'的了着过和与及或是在对把被将从向于由也都就而并又还其之所让使给得地等为以要会能可上下中里时后前们这那']);
/** Particles that mark a free phrase, not a fixed one, when they occur inside. */
const FREE_PHRASE_PARTICLES = /[的了着吗呢吧啊们]/;
/** People and offices: a repeated 习近平同志 or 省委书记 is a name or a title, not a formula. */
const PERSON_WORDS = /同志|书记|主席|总理|省长|市长|县长|区长|部长|主任|委员|常委|秘书长|记者|校长|院长|局长|厅长|处长|教授|先生|女士|通讯员|负责人|老师|同学/;
/** Dates and clock times. */
const DATE_WORDS = /[〇零一二三四五六七八九十]年|[一二三四五六七八九十]月|[一二三四五六七八九十]日/;
/** Verbs and adverbs that open an ordinary clause around a formula (深入学习贯彻, 进一步加强, 认真落实). */
const CLAUSE_OPENERS = /^(?:深入|认真|进一步|切实|不断|积极|努力|大力|着力|坚决|扎实|全面贯彻|贯彻落实|学习贯彻|深刻|充分|始终|持续|加快|加强|推动|推进|围绕|按照|根据|通过|结合|关于|作为|成为|实现|提高|提升|发挥|开展|组织|召开|参加|进行|发展|做好|抓好|办好|打造|构建|培育|促进|支持|鼓励|扩大|加大)/;

/** Why a repeated string is an ordinary phrase rather than a formula, or undefined when it may be a formula. */
export function ordinaryPhraseReason(phrase: string): string | undefined {
  const chars = [...phrase];
  if (NOT_FIRST.has(chars[0]!)) return 'starts with a function word';
  if (NOT_LAST.has(chars[chars.length - 1]!)) return 'ends with a function word';
  if (FREE_PHRASE_PARTICLES.test(phrase)) return 'contains a particle';
  if (PERSON_WORDS.test(phrase)) return 'a name or a title';
  if (DATE_WORDS.test(phrase)) return 'a date';
  if (CLAUSE_OPENERS.test(phrase)) return 'opens an ordinary clause';
  return undefined;
}

/** Nouns that head a named formula: a repeat ending in one names a strategy, project, spirit or experience. */
// Not 示范区/先行区 (a zone is a place: 国家自主创新示范区 is a category of zones) nor 品牌 (contest categories).
// 强省 ends a province's named goal (海洋经济强省, like 人才强省 and 文化强省 of the lexicon). Not 体系 (社会保障体系,
// 全球治理体系 are concept terms) nor 一体化 (思政课一体化 is mostly a piece of the names of alliances and bases).
const FORMULA_HEAD_WORDS = '战略|工程|精神|经验|行动|模式|先行|窗口|方针|布局|攻坚战|保卫战|倡议|计划|强省';
const FORMULA_HEADS_ANYWHERE = new RegExp(`(?:${FORMULA_HEAD_WORDS})`, 'g');
const FORMULA_HEADS_AT_END = new RegExp(`(?:${FORMULA_HEAD_WORDS})$`);
/** A head noun after an evaluative or counting modifier (重大水利工程, 一批示范工程) describes, it does not name. */
const GENERIC_MODIFIER = /^(?:重大|重要|重点|主要|有关|相关|各项|各类|一批|若干|部分|优秀|先进|典型|一系列|系列|新的|总体|整体|一般)/;
/** The spirit of a meeting or a speech (全国教育大会精神, 重要指示精神) is what to study, not a formula. */
const MEETING_SPIRIT = /(?:会|讲话|指示|批示|文件)精神$/;

/**
 * Repeats that look like formulae, from three sources. Repetition alone makes a term (经济发展, 领导干部), not a
 * formula, so a repeat must also show what makes one:
 *  - numeral formulae: maximal repeats starting at a numeral (两个先行, 三个一号工程, 三去一降一补);
 *  - named things: maximal repeats of five characters or more ending in a head noun that names a strategy,
 *    project, spirit or experience (…战略, …工程, …精神, …经验; 国家战略 and 重大工程 are too generic);
 *  - coined terms of five characters or more that the document quotes, but fewer times than a quoted phrase needs.
 * Then a repeat must not be an ordinary phrase (a function word at either end, a particle inside, a name, title
 * or date, a clause opener, a word or idiom of the dictionary such as 千方百计), must not merely extend a known
 * slogan, and must stand on word boundaries at most of its occurrences.
 */
export function repeatCandidates(match: string, quoted: QuotedPhrases, options: DiscoveryOptions): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  /** `positions` are known occurrences for a repeat; quoted terms are counted later, by matching. */
  const consider = (key: string, positions: readonly number[] | undefined, method: DiscoveryMethod, needed: number): void => {
    if (seen.has(key) || options.isKnownKey(key)) return;
    seen.add(key);
    if (positions && positions.length < needed) return;
    if (method === 'numeral' ? NOT_LAST.has(key[key.length - 1]!) || FREE_PHRASE_PARTICLES.test(key) : ordinaryPhraseReason(key)) return;
    if (options.containsKnown(key)) return;
    const verify = (): boolean => !options.isDictionaryWord(key) && (!positions || mostlyBounded(positions, key.length, options.isWordBounded));
    out.push({ key, method, minCount: needed, verify, reason: reasonOf(key, method) });
  };
  const reasonOf = (key: string, method: DiscoveryMethod): string => {
    if (method === 'numeral') return 'numeral formula';
    const head = key.match(FORMULA_HEADS_AT_END)?.[0];
    if (head) return `named ${head} (head noun), repeated`;
    return `coined term: ${quotedFormulaReason(key, options) ?? 'quoted'}, quoted and repeated`;
  };

  const numerals = numeralUnits();
  const numeralStarts: number[] = [];
  const headEnds: number[] = [];
  for (let i = 0; i < match.length; i++) {
    if (numerals[match.charCodeAt(i)] === 1 && (i === 0 || numerals[match.charCodeAt(i - 1)] === 0) && mayStartNumeralFormula(match, i)) numeralStarts.push(i);
  }
  for (const m of match.matchAll(FORMULA_HEADS_ANYWHERE)) headEnds.push(m.index + m[0].length);
  for (const r of findAnchoredRepeats(match, Int32Array.from(numeralStarts), { minLength: 4, maxLength: 12, minCount: options.minDiscoveredCount, direction: 'right' })) {
    const key = match.slice(r.positions[0]!, r.positions[0]! + r.length);
    if (!isNumeralFormula(key)) continue;
    // 两个先行 and 两个女儿 look alike: a counted thing is a formula if the document quotes it or keeps repeating it.
    const counting = COUNTING_MEASURES.includes(key[1]!) && !quotedWithin(quoted, key);
    consider(key, r.positions, 'numeral', counting ? options.minRepeatCount : options.minDiscoveredCount);
  }
  // Named things grow leftwards from the end of their head noun.
  for (const r of findAnchoredRepeats(match, Int32Array.from(headEnds), { minLength: 5, maxLength: 12, minCount: options.minRepeatCount, direction: 'left' })) {
    const key = match.slice(r.positions[0]!, r.positions[0]! + r.length);
    // The tail of a longer name the text quotes, never quoted itself, is a piece shared by several names
    // (科技创新工程 of “八大科技创新工程”, 现代农业科技创新工程 …), not a formula (JUDGING.md: N).
    const tail = !quoted.counts.has(key) && startsSome(quoted.reversedSorted, reverse(key), true, longerNameEnding(key));
    if (!MEETING_SPIRIT.test(key) && !GENERIC_MODIFIER.test(key) && !tail) consider(key, r.positions, 'repeat', options.minRepeatCount);
  }

  // Quoted once or more but short of a quoted phrase's count: a coined term if it recurs as often as a repeat must.
  // Four characters in quotes are as often a scare-quoted common term (“直属机构”), so five are needed.
  // The same structure as a quoted phrase needs (a name, a proverb or a slogan-like title is quoted and repeated
  // as often as a coined term is).
  for (const key of quoted.counts.keys()) {
    if (hanCount(key) >= 5 && key.length === hanCount(key) && quotedFormulaReason(key, options)) consider(key, undefined, 'repeat', options.minRepeatCount);
  }
  return out;
}

/** True when at least two of three sampled occurrences (or all, when fewer) lie on word boundaries. */
function mostlyBounded(positions: readonly number[], length: number, isWordBounded: (s: number, e: number) => boolean): boolean {
  const samples = positions.length <= 3 ? positions : [positions[0]!, positions[positions.length >> 1]!, positions[positions.length - 1]!];
  const needed = Math.min(2, samples.length);
  let bounded = 0;
  let failed = 0;
  for (const p of samples) {
    if (isWordBounded(p, p + length)) bounded++;
    else failed++;
    if (bounded >= needed) return true;
    if (failed > samples.length - needed) return false;
  }
  return false;
}

/** True for a unit that can be part of a phrase's word (used when cutting a window for word segmentation). */
export function isWordUnit(c: number): boolean {
  return isHanUnit(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Each clause of a couplet has this many characters: shorter ones are phrases (摆事实，讲道理), longer ones prose. */
const COUPLET_MIN = 4;
const COUPLET_MAX = 10;
/**
 * Characters the two clauses share at the same place (反腐倡廉必须常抓不懈 / 拒腐防变必须警钟长鸣 share 必须):
 * parallel wording, not two clauses that merely have the same length (一人死亡，三人受伤 share one).
 */
const COUPLET_SHARED = 2;
const COMMA = 0x2c; // ， and , fold to ,

/**
 * Two parallel clauses joined by a comma, each a whole clause (punctuation or a line on both sides), written as
 * a couplet at least `minCount` times: a principle or a slogan of two clauses (JUDGING.md: Y, a parallel set
 * of 2–4 short clauses) that the text does not quote. A couplet with a third clause of the same length before
 * or after it is a piece of a longer set, and is left out; so are clauses with a particle (a sentence, not a
 * set phrase), a date, a name or a function word at an edge. Linear: each clause is read at most twice.
 */
export function coupletCandidates(streams: TextStreams, minCount: number): Candidate[] {
  const { folded } = streams;
  const classes = unitClasses();
  const n = folded.length;
  const isHan = (i: number): boolean => i >= 0 && i < n && (classes[folded[i]!]! & HAN_CLASS) !== 0;
  /** Length of the Han run ending at `end` (exclusive), counted up to COUPLET_MAX + 1. */
  const runBefore = (end: number): number => {
    let a = end;
    while (end - a <= COUPLET_MAX && isHan(a - 1)) a--;
    return end - a;
  };
  const runAfter = (start: number): number => {
    let b = start;
    while (b - start <= COUPLET_MAX && isHan(b)) b++;
    return b - start;
  };
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (folded[i] !== COMMA || !isHan(i - 1) || !isHan(i + 1)) continue;
    const length = runBefore(i);
    if (length < COUPLET_MIN || length > COUPLET_MAX || runAfter(i + 1) !== length) continue;
    const a = i - length;
    const b = i + 1 + length;
    if ((folded[a - 1] === COMMA && runBefore(a - 1) === length) || (folded[b] === COMMA && runAfter(b + 1) === length)) continue;
    let shared = 0;
    for (let k = 0; k < length; k++) if (folded[a + k] === folded[i + 1 + k]) shared++;
    if (shared < COUPLET_SHARED) continue;
    const left = String.fromCharCode(...folded.subarray(a, i));
    const right = String.fromCharCode(...folded.subarray(i + 1, b));
    if (!formulaicItems([left, right]) || DATE_WORDS.test(left + right)) continue;
    const key = `${left}、${right}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: Candidate[] = [];
  for (const [key, count] of counts) {
    if (count < minCount) continue;
    out.push({ key, method: 'parallel', minCount, reason: `2 parallel clauses of ${key.indexOf('、')} characters joined by a comma, written ${count}×` });
  }
  return out;
}

/** All discovery candidates of a text, one per folded key (a key found by several rules keeps the first). */
export function candidatesFor(streams: TextStreams, options: DiscoveryOptions): Candidate[] {
  const byKey = new Map<string, Candidate>();
  const add = (c: Candidate): void => {
    if (!byKey.has(c.key) && !options.isKnownKey(c.key)) byKey.set(c.key, c);
  };
  const quoted = quotedPhrases(streams);
  quotedCandidates(quoted, options.minDiscoveredCount, options).forEach(add);
  enumerationCandidates(streams, options.minDiscoveredCount, options.isWordBoundedIn).forEach(add);
  coupletCandidates(streams, options.minDiscoveredCount).forEach(add);
  repeatCandidates(streams.match, quoted, options).forEach(add);
  return [...byKey.values()];
}
