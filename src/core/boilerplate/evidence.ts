/** A line's intrinsic class and evidence from its own shape and cues (jusText's first stage). */
import type { BoilerplateReason } from '../boilerplateCues';
import type { IntrinsicClass, Params } from './types';
import { reasonNumber, reasonOfNumber, type LineFeatures } from './lineFeatures';

// ---------------------------------------------------------------------------------------------------------
// Intrinsic class and evidence

export type UndecidedTier = 'signature' | 'sentence' | 'enumerated' | 'neargood' | 'short' | 'tiny';

export interface Intrinsic {
  cls: IntrinsicClass;
  /** Evidence that the line is content (positive) or boilerplate (negative), in log-odds-like units. */
  evidence: number;
  reason: BoilerplateReason | undefined;
  /** Bad on evidence too weak to decide the undecided lines around it. */
  weak: boolean;
  /** For lines that are neither prose nor cued: their weight class, evidence set by context. */
  tier: UndecidedTier | undefined;
}

export function intrinsic(cls: IntrinsicClass, evidence: number, reason?: BoilerplateReason, weak = false, tier?: UndecidedTier): Intrinsic {
  return { cls, evidence, reason, weak, tier };
}

/** Size from which a line with a comma and a closing 。 is prose. */
export const SENTENCE_SIZE = 10;

/** Han characters per space-separated piece from which an unpunctuated line is phrases of a sentence, not a menu (items of two to four). */
export const SPACED_PHRASE_HAN = 6;

/** Evidence of such a line: content when a few stand together, not enough alone to outweigh a switch. */
export const SPACED_PROSE = 1;

/** Copies from which a repeated short line is furniture whatever its distance (a tagline under every menu panel). */
export const FURNITURE_COPIES = 3;

/** Copies of a line at least this many lines apart are boilerplate given twice. */
export const REPEAT_DISTANCE = 8;

/** Size up to which a line with a filled 来源/作者/时间 field or a dateline is a byline, not a paragraph. */
export const BYLINE_SIZE = 60;

/** Han characters a byline must hold besides its field names: a source, an author, a paper (来源：新华社). */
export const BYLINE_VALUE = 2;

/**
 * A byline says where and when the text appeared: a date with a time or a source, or 来源/作者/编辑 fields
 * with values. A header that is mostly furniture (打印, 分享到, 字号 大 中 小) or whose fields are empty
 * (來源 : 作者 : 時間 : 2023-02-16 點擊數:104 打印) is not one.
 */
export function isByline(f: LineFeatures): boolean {
  if (f.blank || f.shareBar || f.listItem || f.trailingStamp || f.feedStamp || sizeOf(f) > BYLINE_SIZE) return false;
  return (f.attributionCues >= 1 && f.han - f.cueHan >= BYLINE_VALUE) || f.dateline;
}

/** Han characters plus Latin words at 1.5 each: how much a line says. */
export function sizeOf(f: LineFeatures): number {
  return f.han + 1.5 * f.latinWords;
}

export function isProse(f: LineFeatures, params: Params): boolean {
  const size = sizeOf(f);
  if (size >= params.goodSize && f.punct >= 2) return true;
  if (size >= params.goodSize && f.punct >= 1 && f.endsSentence) return true;
  // A whole sentence with a comma and a full stop is prose however short; headlines do not end with 。.
  if (size >= SENTENCE_SIZE && f.punct >= 2 && f.endsWithFullStop) return true;
  return size >= 3 * params.goodSize && f.punct >= 1;
}

function bad(reason: BoilerplateReason | undefined, evidence: number, weak = false): Intrinsic {
  return intrinsic('bad', evidence, reason, weak);
}

export function intrinsicClass(f: LineFeatures, params: Params): Intrinsic {
  if (f.blank) return intrinsic('blank', 0);
  const size = sizeOf(f);
  const prose = isProse(f, params);
  const cue = f.cue;
  if (f.userCue && !prose) return bad('user', -6);
  if (f.anchorCues > 0 && (!prose || f.cueAtStart || size < 2 * params.goodSize)) return bad(cue, -6);
  if (f.fieldCues >= 2 && (!prose || size < 3 * params.goodSize)) return bad(cue, -6);
  if (f.fieldCues === 1 && !prose && size <= params.phraseCueSize) return bad(cue, -5);
  // A 更多 link and nothing else belongs to the section heading beside it: furniture, but it says nothing about
  // which side of the article its neighbours are on (a reference page puts one beside each of its own sections).
  if (f.phraseCues > 0 && !prose && (size <= params.phraseCueSize || (f.cueAtStart && size <= 2 * params.phraseCueSize))) return bad(cue, -5, f.headingLink && f.han <= f.cueHan);
  if (f.calendar) return bad('calendar', -5);
  if (cue === 'search-stub') return bad(cue, -5);
  // A headline with commas is still a link when a date stamp closes it (…育时代新人…[07-08]).
  if (f.trailingStamp && size < 2 * params.goodSize) return bad('related', -1.5);
  // So is a headline cut off with dots or … (…亮相扬州，展出作品六十余件，观众络绎不绝..); a cut line with a
  // full stop inside is a note or excerpt, and is not `truncated`.
  if (f.truncated && size < 2 * params.goodSize) return bad('related', -1.5);
  if (prose) return intrinsic('good', Math.min(8, 1 + size / 15));
  // Phrases of a sentence split by spaces instead of commas (一波波寒流報到 已將後山層層山巒披上紅衣), as many
  // Traditional-script blogs write: long pieces, where a menu's items are short ones and a headline is one piece.
  // Near-good with evidence of its own, not prose: a sidebar's long link titles can look the same, so such a
  // line decides no neighbours and opens no article; a run of them holds against the furniture around it. A
  // ranked hot list (01  headline words 44,524) carries its numbers.
  if (f.punct === 0 && f.hanTokens >= 2 && size >= params.goodSize && f.han >= SPACED_PHRASE_HAN * f.hanTokens && f.digits <= 2 && !f.listItem && !f.feedStamp && !f.dateline) return intrinsic('neargood', SPACED_PROSE);
  // A menu: short Han items split by | or ·, or three or more split by spaces with no digits or brackets
  // (a row of a table has those; a run of English words is a sentence, not a menu).
  if (f.punct === 0 && f.hanTokens >= 2 && f.separators >= 2 && f.han / f.hanTokens <= 6) return bad('navigation', -1.5);
  // Items of one character each are a name or a heading spaced out with ideographic spaces (习近平, 目录), not a menu.
  if (f.punct === 0 && f.hanTokens >= 3 && f.digits === 0 && f.brackets === 0 && f.han / f.hanTokens <= 4 && f.han >= 2 * f.hanTokens) {
    return bad('navigation', -1.5);
  }
  if (f.trailingStamp || f.listItem || (f.startsWithBullet && f.punct <= 1)) return bad('related', -1.5);
  // A feed item closed by its stamp (…·2 天前, …19 跟贴): headlines of other pages.
  if (f.feedStamp && f.hanTokens >= 1) return bad('feed', -1.5);
  // Given three or more times, every copy far from the others (a tagline under every panel of a mega-menu):
  // furniture. A table written one cell a line repeats its cells a row apart, closer than REPEAT_DISTANCE; an
  // agenda repeats its venue line under every session, so the copies still decide no neighbours (weak).
  if (f.copies >= FURNITURE_COPIES && f.repeatGap >= REPEAT_DISTANCE && f.han >= 4 && !f.endsSentence) return bad('repeated', -1.5, true);
  if (f.dateline) return bad('header', -1.5);
  // A line given again far away (a footer twice, a menu at top and bottom); copies close together are a table.
  // Weak evidence that does not decide neighbours: tables repeat cells and hold stray numbers too.
  // A line ending a sentence is the writer's (an essay's rhetorical question asked again), not a copy of furniture.
  if (f.repeatGap >= REPEAT_DISTANCE && f.repeatGap !== Infinity && !(f.endsSentence && f.punct >= 1)) return bad('repeated', -0.5, true);
  // A stray symbol or letter (x, |, ↑) is debris; a lone number is as likely a table cell as a page link.
  if (f.han === 0 && f.chars <= 3) return f.digits === f.chars ? bad('navigation', -0.5, true) : bad('navigation', -2.5, true);
  const cls = size >= params.nearGoodSize ? 'neargood' : 'short';
  return intrinsic(cls, 0, undefined, false, f.loneDate ? 'signature' : f.endsWithFullStop || f.endsMidSentence ? 'sentence' : f.enumerated ? 'enumerated' : size >= params.nearGoodSize ? 'neargood' : size <= 4 ? 'tiny' : 'short');
}

/**
 * The intrinsic class of every line, each a view of its slots in typed arrays: 130,000 lines of a 10 MB page
 * each holding its own object with a boxed evidence number all survive the run, and the young-generation
 * collector copied every one of them.
 */
export function intrinsicClasses(features: readonly LineFeatures[], params: Params): Intrinsic[] {
  const n = features.length;
  const store: IntrinsicStore = { evidence: new Float64Array(n), cls: new Uint8Array(n), reason: new Uint8Array(n), weak: new Uint8Array(n), tier: new Uint8Array(n) };
  const out = new Array<Intrinsic>(n);
  for (let i = 0; i < n; i++) {
    const x = intrinsicClass(features[i]!, params);
    const v = new IntrinsicView(store, i);
    v.cls = x.cls;
    v.evidence = x.evidence;
    v.reason = x.reason;
    v.weak = x.weak;
    v.tier = x.tier;
    out[i] = v;
  }
  return out;
}

interface IntrinsicStore {
  readonly evidence: Float64Array;
  readonly cls: Uint8Array;
  readonly reason: Uint8Array;
  readonly weak: Uint8Array;
  readonly tier: Uint8Array;
}

const CLASSES: readonly IntrinsicClass[] = ['blank', 'good', 'neargood', 'short', 'bad'];
const TIERS: readonly (UndecidedTier | undefined)[] = [undefined, 'signature', 'sentence', 'enumerated', 'neargood', 'short', 'tiny'];

class IntrinsicView implements Intrinsic {
  constructor(
    private readonly s: IntrinsicStore,
    private readonly i: number,
  ) {}
  get cls(): IntrinsicClass {
    return CLASSES[this.s.cls[this.i]!]!;
  }
  set cls(c: IntrinsicClass) {
    this.s.cls[this.i] = CLASSES.indexOf(c);
  }
  get evidence(): number {
    return this.s.evidence[this.i]!;
  }
  set evidence(e: number) {
    this.s.evidence[this.i] = e;
  }
  get reason(): BoilerplateReason | undefined {
    return reasonOfNumber(this.s.reason[this.i]!);
  }
  set reason(r: BoilerplateReason | undefined) {
    this.s.reason[this.i] = reasonNumber(r);
  }
  get weak(): boolean {
    return this.s.weak[this.i] === 1;
  }
  set weak(w: boolean) {
    this.s.weak[this.i] = w ? 1 : 0;
  }
  get tier(): UndecidedTier | undefined {
    return TIERS[this.s.tier[this.i]!];
  }
  set tier(t: UndecidedTier | undefined) {
    this.s.tier[this.i] = TIERS.indexOf(t);
  }
}

/** Lines of web furniture (cues, menus, list items) from which a file is taken for a web page. */
export const WEB_PAGE_CUES = 3;

/**
 * A web page shows WEB_PAGE_CUES lines of furniture, at least two of them named by a cue word: shape alone
 * is not enough (a spaced-out name looks like a menu item, the date under a speech's title like a stamp),
 * nor is a word list headed 来源：… 作者：… with a 版权所有 line.
 */
export function looksLikeWebPage(lines: readonly Intrinsic[]): boolean {
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
export const CUED = -5;

/**
 * A file with fewer than WEB_PAGE_CUES decisive boilerplate lines is not a web page (notes that say 作者：鲁迅,
 * a README with a copyright line): nothing in it folds but the lines the user's own cues name.
 */
export function keepUnlessWebPage(lines: Intrinsic[]): void {
  if (looksLikeWebPage(lines)) return;
  for (const x of lines) if (x.reason !== 'user' && x.evidence < NOT_A_WEB_PAGE) x.evidence = NOT_A_WEB_PAGE;
}

/** Evidence every line gets at least in a file that is not a web page. */
export const NOT_A_WEB_PAGE = 1;

