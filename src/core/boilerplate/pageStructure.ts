/**
 * Page structure: the shapes of whole pages and which side of the article a line is on. Line evidence alone
 * cannot tell a forum post from a badge, an encyclopedia's navbox from its see-also list, or an article's
 * byline from a header full of empty fields; the layout of the page can:
 *  - a forum thread is a run of posts, each with a floor/date line: everything between them that is not named
 *    by a cue is a post (content, however short);
 *  - an encyclopedia ends with navboxes (opened by 查 论 编 or [显示]) and a category line: furniture to the end;
 *  - an error page (404, 页面不存在) with no article is furniture throughout;
 *  - the article's own head (title, byline with a source, author or date) and its closing source line stay;
 *  - after the article, a comments or feed opener (发表评论, 相关推荐, 其他人也在看) starts readers' posts and
 *    headlines of other pages, which read as prose but are not the article.
 * Every pass is one or two walks over the lines.
 */
import { scriptFold } from '../boilerplateCues';
import { CUED, isByline, sizeOf, type Intrinsic } from './evidence';

export { BYLINE_SIZE, BYLINE_VALUE, isByline } from './evidence';
import type { LineFeatures } from './lineFeatures';
import type { Decision } from './segmentation';

/** Evidence that holds a line against boilerplate on both sides: leaving the article and coming back costs two switches (2 × 2). */
export const ANCHORED = 4.5;

/** Posts (floor/date lines) from which a page is a forum thread: two could be an article's dateline and one reply. */
export const MIN_POSTS = 3;

/** Evidence of a navbox, category or error-page line: furniture by the page's structure, as sure as a cue word. */
export const STRUCTURAL = CUED - 1;

/** Han characters of prose that must come before a comments or feed opener for it to close the article. */
export const ARTICLE_BEFORE_COMMENTS = 100;

/** Evidence left to a prose line in a comments section or a feed: its neighbours decide it. */
export const COMMENT_PROSE = 0.5;

/** The first or last non-space code unit of a line, folded (［ reads as [), or -1: a cheap test before `folded`. */
function edgeChar(text: string, f: LineFeatures, last: boolean): number {
  const fold = scriptFold();
  if (last) {
    for (let i = f.end - 1; i >= f.start; i--) if (fold[text.charCodeAt(i)] !== 0x20) return fold[text.charCodeAt(i)]!;
  } else {
    for (let i = f.start; i < f.end; i++) if (fold[text.charCodeAt(i)] !== 0x20) return fold[text.charCodeAt(i)]!;
  }
  return -1;
}

function folded(text: string, f: LineFeatures, limit: number): string {
  const fold = scriptFold();
  let out = '';
  for (let i = f.start; i < f.end && out.length < limit; i++) {
    const c = fold[text.charCodeAt(i)]!;
    if (c !== 0x20) out += String.fromCharCode(c);
  }
  return out;
}

/**
 * The lines of a forum thread's posts, [start, end] inclusive, or undefined when the page is not a thread. The
 * thread runs from one typical post length before the first floor line (Tieba puts the floor line under the
 * post) to the last floor line and on, past lines with no cue, to the first cued line (the board's footer).
 * Floor lines after an article's comments opener are readers' comments, not a thread.
 */
export function forumThread(features: readonly LineFeatures[], lines: readonly Intrinsic[], commentsStart: number): [number, number] | undefined {
  const posts: number[] = [];
  features.forEach((f, i) => {
    if (f.postMark) posts.push(i);
  });
  if (posts.length < MIN_POSTS) return undefined;
  if (commentsStart !== -1 && commentsStart < posts[0]!) return undefined;
  const gaps = posts.slice(1).map((p, k) => p - posts[k]!);
  gaps.sort((a, b) => a - b);
  const gap = gaps[Math.floor(gaps.length / 2)]!;
  const start = Math.max(0, posts[0]! - gap);
  let end = posts[posts.length - 1]!;
  for (let i = end + 1; i < features.length && i <= end + gap; i++) {
    if (!features[i]!.blank && lines[i]!.evidence <= CUED) break;
    end = i;
  }
  return [start, end];
}

/**
 * Inside a thread every line that no cue names and that says something (a name, a sentence, a number long
 * enough to be a user id) is a post or its author: content. Floor/date lines are content too (where and when
 * a post appeared). Badges given under every post fold as repeats, buttons and counters by their cues.
 */
export function keepForumPosts(features: readonly LineFeatures[], lines: Intrinsic[], thread: [number, number]): void {
  for (let i = thread[0]; i <= thread[1]; i++) {
    const f = features[i]!;
    const x = lines[i]!;
    if (f.blank) continue;
    const says = f.han >= 1 || f.latinWords >= 1 || f.digits >= 5;
    if (f.postMark || (says && x.evidence > CUED && x.reason !== 'repeated')) {
      x.cls = x.cls === 'bad' ? 'neargood' : x.cls;
      x.evidence = Math.max(x.evidence, ANCHORED);
      x.reason = undefined;
      x.weak = false;
      x.tier = undefined;
    }
  }
}

/** Openers of the sections after an article: other pages' headlines. */
const FEED_OPENER = /^(?:相关推荐|猜你喜欢|为你推荐|为您推荐|其他人也在看|大家都在看|你可能感兴趣|你可能还喜欢|你可能也喜欢|推荐阅读|延伸阅读|热门推荐|相关阅读|相关新闻|相关文章|精彩推荐|热点推荐|付费内容精选|更多精彩|今日推荐|热门文章|热门新闻|热门资讯|最新资讯|热文推荐|编辑推荐|本周热门)/;

/** The first line of a comments section: a comments cue after ARTICLE_BEFORE_COMMENTS Han characters of prose, or -1. */
export function commentsStart(features: readonly LineFeatures[], lines: readonly Intrinsic[]): number {
  let prose = 0;
  for (let i = 0; i < lines.length; i++) {
    const x = lines[i]!;
    if (x.cls === 'good') prose += features[i]!.han;
    // A sidebar's 最新评论 above a blog's short self-description is not the end of an article.
    else if (prose >= ARTICLE_BEFORE_COMMENTS && x.cls === 'bad' && x.reason === 'comments') return i;
  }
  return -1;
}

/** Content runs of a segmentation, [first, last] non-blank lines, each with its Han characters of prose. */
function contentRuns(features: readonly LineFeatures[], lines: readonly Intrinsic[], decided: readonly Decision[]): Array<{ run: [number, number]; prose: number }> {
  const runs: Array<{ run: [number, number]; prose: number }> = [];
  let start = -1;
  let last = -1;
  let han = 0;
  const close = (): void => {
    if (start !== -1) runs.push({ run: [start, last], prose: han });
    start = -1;
    han = 0;
  };
  features.forEach((f, i) => {
    if (f.blank) return;
    if (decided[i]!.boilerplate) return close();
    if (start === -1) start = i;
    last = i;
    if (lines[i]!.cls === 'good') han += f.han;
  });
  close();
  return runs;
}

/** The content run with the most prose in a segmentation: the article, or undefined when nothing is content. */
export function mainArticle(features: readonly LineFeatures[], lines: readonly Intrinsic[], decided: readonly Decision[]): [number, number] | undefined {
  let best: { run: [number, number]; prose: number } | undefined;
  for (const r of contentRuns(features, lines, decided)) if (r.prose > (best?.prose ?? 0)) best = r;
  return best?.run;
}


/** Non-blank lines between the end of the article's prose and a feed opener that closes it. */
export const FEED_AFTER_ARTICLE = 6;

/**
 * The first feed opener (相关推荐, 其他人也在看) that closes the article, or -1: it follows, within
 * FEED_AFTER_ARTICLE lines, a run of prose of ARTICLE_BEFORE_COMMENTS Han characters, and lies below the start
 * of the article found by a first segmentation (sidebars use the same words above the article: 热门文章) or
 * is followed by stamped feed items (see stampedFeedBelow).
 */
export function feedStart(text: string, features: readonly LineFeatures[], lines: readonly Intrinsic[], article: [number, number] | undefined): number {
  if (!article) return -1;
  let run = 0;
  let since = Infinity;
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    if (f.blank) continue;
    if (lines[i]!.cls === 'good') {
      run = since > FEED_AFTER_ARTICLE ? f.han : run + f.han;
      since = 0;
      continue;
    }
    since++;
    if (run >= ARTICLE_BEFORE_COMMENTS && since <= FEED_AFTER_ARTICLE && f.chars <= 20 && FEED_OPENER.test(folded(text, f, 8)) && (i > article[0] || stampedFeedBelow(features, i))) return i;
  }
  return -1;
}

/**
 * Non-blank lines after a feed opener searched for its items' stamps: an item is a headline, a blurb and a
 * stamp, and a portal puts an ad panel of a dozen lines (为什么显示这个广告？…) between items.
 */
export const FEED_PROBE = 24;

/** Stamped items (·2 天前, 19 跟贴) within FEED_PROBE lines from which what follows an opener is a feed. */
export const FEED_STAMPS = 2;

/**
 * Whether feed items follow line `i`: FEED_STAMPS lines closed by a feed stamp within FEED_PROBE lines. A feed
 * of blurbs can hold more prose than the article above it, so that the first segmentation takes a stretch of
 * the feed for the article; its stamps still say what it is. A sidebar's list under the same words
 * (热门文章 above a blog post) carries no such stamps.
 */
function stampedFeedBelow(features: readonly LineFeatures[], i: number): boolean {
  let seen = 0;
  let stamps = 0;
  for (let j = i + 1; j < features.length && seen < FEED_PROBE; j++) {
    if (features[j]!.blank) continue;
    seen++;
    if (features[j]!.feedStamp && ++stamps >= FEED_STAMPS) return true;
  }
  return false;
}

/** Consecutive prose lines from which a feed holds an article again (an editorial below a list), not blurbs. */
export const FEED_ARTICLE_RUN = 3;

/**
 * From a comments or feed opener on, prose lines keep only weak evidence and decide no neighbours; the opener
 * itself is furniture. Lines inside a forum thread are left alone (posts are content). With `keepRuns` (a feed),
 * runs of FEED_ARTICLE_RUN prose lines are left alone too: blurbs stand one a headline, an article does not.
 */
export function quietAfterArticle(features: readonly LineFeatures[], lines: Intrinsic[], from: number, thread: [number, number] | undefined, keepRuns = false): void {
  if (from === -1) return;
  const opener = lines[from]!;
  if (opener.evidence > CUED) Object.assign(opener, { cls: 'bad', evidence: CUED, reason: opener.reason ?? 'feed', weak: false, tier: undefined });
  for (let i = from + 1; i < lines.length; i++) {
    if (thread && i >= thread[0] && i <= thread[1]) continue;
    if (lines[i]!.cls !== 'good') continue;
    // In a feed, a run of FEED_ARTICLE_RUN prose lines (blank lines between allowed) is an article: left alone.
    let end = i;
    let count = 0;
    for (let j = i; j < lines.length && (features[j]!.blank || lines[j]!.cls === 'good'); j++) {
      if (features[j]!.blank) continue;
      count++;
      end = j;
    }
    if (!(keepRuns && count >= FEED_ARTICLE_RUN)) {
      for (let j = i; j <= end; j++) {
        const x = lines[j]!;
        if (x.cls !== 'good') continue;
        x.cls = 'neargood';
        x.evidence = Math.min(x.evidence, COMMENT_PROSE);
      }
    }
    i = end;
  }
}

/** A navbox's controls: 查 论 编 (view, talk, edit) on three lines or one, [显示] / [隐藏], v·t·e. */
function navboxOpenerAt(text: string, features: readonly LineFeatures[], i: number): boolean {
  const f = features[i]!;
  if (f.chars > 8 || f.blank) return false;
  const s = folded(text, f, 8).toLowerCase();
  if (/^(?:\[(?:显示|隐藏|展开|收起|显示\/隐藏)\]|查[·・]?论[·・]?编|v[·・]?t[·・]?e)$/.test(s)) return true;
  if (s !== '查' && s !== 'v') return false;
  const next = (k: number): string => {
    let j = i;
    for (let n = 0; n < k; n++) {
      j++;
      while (j < features.length && features[j]!.blank) j++;
    }
    return j < features.length ? folded(text, features[j]!, 3).toLowerCase() : '';
  };
  return s === '查' ? next(1) === '论' && next(2) === '编' : next(1) === 't' && next(2) === 'e';
}

/** Section headings with an edit link from which a page is an encyclopedia article. */
export const ENCYCLOPEDIA_HEADINGS = 2;

/**
 * In an encyclopedia article (ENCYCLOPEDIA_HEADINGS headings with [编辑]) the article runs from the first line
 * after the page's cued furniture above the first heading (the lead with its infobox and caption) down to
 * `end` (the line before the navboxes or categories). Every line in it that no cue names is content: infobox
 * rows, tables, track lists, filmographies, captions, references, external links. Tables and lists look like
 * link lists on their own; inside the article they are its content.
 */
function keepEncyclopediaArticle(text: string, features: readonly LineFeatures[], lines: Intrinsic[], end: number): void {
  let headings = 0;
  let first = -1;
  for (let i = 0; i <= end && i < features.length; i++) {
    const f = features[i]!;
    if (f.blank || edgeChar(text, f, true) !== 0x5d || !/\[(?:编辑|编辑源代码|编辑原始码)\]$/.test(folded(text, f, 200))) continue;
    headings++;
    if (first === -1) first = i;
  }
  if (headings < ENCYCLOPEDIA_HEADINGS) return;
  let start = first;
  for (let i = first - 1; i >= 0; i--) {
    if (features[i]!.blank) continue;
    if (lines[i]!.evidence <= CUED) break;
    start = i;
  }
  for (let i = start; i <= end; i++) {
    const x = lines[i]!;
    if (features[i]!.blank || x.evidence <= CUED) continue;
    Object.assign(x, { evidence: Math.max(x.evidence, ANCHORED), reason: undefined, weak: false, tier: undefined });
  }
}

/** A line of the article proper in an encyclopedia: a section heading with its edit link, or a reference. */
function articleAnchor(text: string, f: LineFeatures): boolean {
  if (f.blank) return false;
  const first = edgeChar(text, f, false);
  if (first === 0x5e) return true;
  if (edgeChar(text, f, true) !== 0x5d) return false;
  const s = folded(text, f, 200);
  return /\[(?:编辑|编辑源代码|编辑原始码)\]$/.test(s) || s.startsWith('^');
}

/**
 * An encyclopedia's tail: from the first of the navboxes that follow the last piece of the article (a section
 * heading with [编辑] or a reference line) down to the category line, everything is furniture; the category
 * line and the category names below it too. A navbox in the middle of the article (a series box) has article
 * after it and is left to the line evidence.
 */
export function foldEncyclopediaTail(text: string, features: readonly LineFeatures[], lines: Intrinsic[]): void {
  const n = features.length;
  let lastAnchor = -1;
  let firstOpener = -1;
  let categories = -1;
  for (let i = 0; i < n; i++) {
    const f = features[i]!;
    if (f.cue === 'categories' && f.cueAtStart) {
      if (categories === -1) categories = i;
      continue;
    }
    if (categories !== -1) continue;
    if (articleAnchor(text, f)) {
      lastAnchor = i;
      firstOpener = -1;
    } else if (firstOpener === -1 && navboxOpenerAt(text, features, i)) firstOpener = i;
  }
  const mark = (i: number, reason: 'navbox' | 'categories'): void => {
    if (features[i]!.blank) return;
    Object.assign(lines[i]!, { cls: 'bad', evidence: Math.min(lines[i]!.evidence, STRUCTURAL), reason, weak: false, tier: undefined });
  };
  const tail = firstOpener !== -1 && firstOpener > lastAnchor ? firstOpener : categories;
  keepEncyclopediaArticle(text, features, lines, tail === -1 ? lastAnchor : tail - 1);
  if (firstOpener !== -1 && firstOpener > lastAnchor) for (let i = firstOpener; i < (categories === -1 ? n : categories); i++) mark(i, 'navbox');
  if (categories === -1) return;
  // The category names: short lines under the category line, up to the footer's first cued line.
  mark(categories, 'categories');
  for (let i = categories + 1; i < n; i++) {
    const f = features[i]!;
    if (f.blank) continue;
    if (lines[i]!.cls === 'good' || (lines[i]!.evidence <= CUED && f.cue !== 'categories')) break;
    mark(i, 'categories');
  }
}

/** A references section's heading (参考资料, 参考文献, 注释, References), its edit link allowed: what an article cites. */
const REFERENCES_HEADING = /^(?:参考资料|参考文献|参考来源|资料来源|引用来源|引用文献|引用资料|注释|注解|脚注|references|bibliography|notes|sources)[:：]?(?:\[(?:编辑|编辑源代码|编辑原始码)\])?$/;

/** First characters (folded) of a references heading: a cheap test before the heading's text is built. */
const REFERENCES_FIRST = new Set([...'参资引注脚rbnsRBNS'].map((c) => c.charCodeAt(0)));

/** A reference's marker at the start of a line: ^, [1], 1. / 1、 / （1）. */
const REFERENCE_MARKER = /^(?:\^|\[\d{1,3}\]|\d{1,3}[.、．]|[(（]\d{1,3}[)）])/;

/**
 * A citation's shape: its parts closed by full stops between title, source and date (题目．来源．2024-05-09, the
 * ASCII and full-width forms), a bibliography tag ([J] [M] [D] [EB/OL]) or an access date ([引用日期…]).
 */
const CITATION_SHAPE = /\S[.．]\s*\S.*(?:19|20)\d\d|\[(?:j|m|d|c|n|r|s|z|eb\/ol|j\/ol)\]|\[引用日期/;

/** Citations from which the lines under a references heading are the article's reference list, not a menu under a lookalike word. */
export const MIN_REFERENCES = 2;

/** Characters of a lone reference number (1, [12]) on its own line, as a reference list set in two columns puts it. */
const REFERENCE_NUMBER = 4;

/** A line no longer than a lone reference number, without Han. */
const isReferenceNumber = (f: LineFeatures): boolean => f.han === 0 && f.chars <= REFERENCE_NUMBER;

/**
 * An article's reference list: under a references heading (参考资料, 参考文献, 注释) that closes at least
 * ARTICLE_BEFORE_COMMENTS Han characters of prose, the run of citations (a marker, or a title, source and date
 * with a year) and of lone reference numbers. A citation ends in a date and reads as a dateline, and the numbers
 * as page links; in the article's own reference list they are content, on an encyclopedia, a paper or a news
 * page alike. The list ends at the first line of another shape (the page's statistics, its footer). A heading
 * with fewer than MIN_REFERENCES citations under it is left to the line evidence.
 */
export function keepReferenceLists(text: string, features: readonly LineFeatures[], lines: Intrinsic[]): void {
  let prose = 0;
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    if (f.blank) continue;
    // A heading closes prose above it: until there is enough, only the prose is counted.
    if (prose < ARTICLE_BEFORE_COMMENTS) {
      if (lines[i]!.cls === 'good') prose += f.han;
      continue;
    }
    if (f.chars > 24 || f.han > 10 || !REFERENCES_FIRST.has(edgeChar(text, f, false)) || !REFERENCES_HEADING.test(folded(text, f, 30).toLowerCase())) continue;
    const entries: number[] = [];
    let citations = 0;
    let j = i + 1;
    for (; j < features.length; j++) {
      const g = features[j]!;
      if (g.blank) continue;
      const s = folded(text, g, 200).toLowerCase();
      const number = isReferenceNumber(g) && g.digits >= 1 && /^\[?\d+\]?$/.test(s);
      const citation = !number && lines[j]!.evidence > STRUCTURAL && (REFERENCE_MARKER.test(s) || CITATION_SHAPE.test(s));
      if (!number && !citation) break;
      if (citation) citations++;
      entries.push(j);
    }
    // A lone number last in the run numbers nothing.
    while (entries.length && isReferenceNumber(features[entries[entries.length - 1]!]!)) entries.pop();
    if (citations < MIN_REFERENCES) continue;
    for (const k of [i, ...entries]) Object.assign(lines[k]!, { evidence: Math.max(lines[k]!.evidence, ANCHORED), reason: undefined, weak: false, tier: undefined });
    i = j - 1;
  }
}

const ERROR_CUE = /(?:^|[^\d])404(?:[^\d]|$)|页面不存在|页面找不到|找不到(?:该|此|您要的|你要的|您访问的)?页面|页面已删除|页面已被删除|无法找到该页|not\s*found|您访问的页面|你访问的页面|您要访问的页面|你要访问的页面/i;

/** Han characters of the longest run of prose from which a page with an error message has an article anyway. */
export const ERROR_PAGE_ARTICLE = 200;

/**
 * A page whose short lines say 404 or 页面不存在 and that has no article (no run of prose of
 * ERROR_PAGE_ARTICLE Han characters) is furniture throughout: its menus, its hot list, its footer.
 */
export function foldErrorPage(text: string, features: readonly LineFeatures[], lines: Intrinsic[]): boolean {
  let run = 0;
  let longest = 0;
  for (let i = 0; i < features.length && longest < ERROR_PAGE_ARTICLE; i++) {
    const f = features[i]!;
    if (f.blank) continue;
    if (lines[i]!.cls === 'good') run += f.han;
    else if (lines[i]!.cls === 'bad' && !lines[i]!.weak) run = 0;
    longest = Math.max(longest, run);
  }
  if (longest >= ERROR_PAGE_ARTICLE) return false;
  // Only a page without an article is searched for the message.
  let cue = -1;
  for (let i = 0; i < features.length && cue === -1; i++) {
    const f = features[i]!;
    if (!f.blank && f.chars <= 60 && ERROR_CUE.test(folded(text, f, 80))) cue = i;
  }
  if (cue === -1) return false;
  features.forEach((f, i) => {
    if (f.blank) return;
    const x = lines[i]!;
    Object.assign(x, { cls: 'bad', evidence: Math.min(x.evidence, STRUCTURAL), reason: i === cue ? 'error-page' : x.reason ?? 'error-page', weak: false, tier: undefined });
  });
  return true;
}

/** Non-blank lines above the article searched for its byline: share bars and ads may sit between. */
export const HEAD_REACH = 16;
/** Non-blank lines below the article searched for its source line (来源：…, 责任编辑：…). */
export const TAIL_REACH = 3;

/** Non-blank lines above a byline that may make up the text's title block (title, subtitle, romanisation, era, source). */
export const TITLE_BLOCK = 4;

/**
 * The lines above a text's first byline that name it. When page furniture (a cued line or a menu) closes them
 * off within TITLE_BLOCK lines, every line between is the title block (夜雨 / yè yǔ / 朝代：唐代 above 作者：白居易),
 * however short. Otherwise (no furniture above, or more lines than a title block has) only the line right
 * above the byline is taken, and only when it is long enough to be a title: a short line there may as well be
 * the last item of a menu.
 */
function keepTitleBlock(features: readonly LineFeatures[], lines: readonly Intrinsic[], byline: number, anchor: (i: number) => void): void {
  const block: number[] = [];
  let closed = false;
  for (let j = byline - 1; j >= 0 && block.length < TITLE_BLOCK; j--) {
    const f = features[j]!;
    if (f.blank) continue;
    const x = lines[j]!;
    if (x.evidence <= CUED || (x.cls === 'bad' && !x.weak) || x.cls === 'good' || f.listItem || f.feedStamp) {
      closed = true;
      break;
    }
    block.push(j);
  }
  if (!closed) {
    const first = block[0];
    if (first !== undefined && sizeOf(features[first]!) >= 6) anchor(first);
    return;
  }
  // Debris (a lone x or |) is not part of a title.
  for (const j of block) if (features[j]!.han > 0 || features[j]!.latinWords > 1 || features[j]!.chars > 3) anchor(j);
}

/** Han characters of prose from which a content run is a text with a head and foot of its own (a section of a reference page). */
export const TEXT_WITH_HEAD = 50;

/**
 * The head and foot of each text on the page (the article, or each section of a reference page): content runs
 * of a first segmentation with TEXT_WITH_HEAD Han characters of prose. Above a run, the bylines within
 * HEAD_REACH lines (skipping furniture such as share bars, stopping at other prose) and the title right above
 * the first of them stay; below it, consecutive bylines (来源：无锡交警, 责任编辑：吴金明) stay. Returns whether
 * any line changed, so the caller segments again.
 */
export function keepArticleHead(features: readonly LineFeatures[], lines: Intrinsic[], decided: readonly Decision[]): boolean {
  let changed = false;
  const anchor = (i: number): void => {
    const x = lines[i]!;
    if (x.evidence >= ANCHORED) return;
    Object.assign(x, { evidence: ANCHORED, weak: false, tier: undefined });
    changed = true;
  };
  const runs = contentRuns(features, lines, decided);
  const texts = textsAcrossGaps(features, runs);
  // The head above each run with enough prose, and above each text whose first run is short (a quatrain of
  // twenty characters, then its translation below a 更多 link).
  const heads = [...runs, ...texts.map((t) => ({ run: t.runs[0]!, prose: t.prose }))];
  for (const { run, prose } of heads) {
    if (prose < TEXT_WITH_HEAD) continue;
    let topByline = -1;
    for (let i = run[0] - 1, seen = 0; i >= 0 && seen < HEAD_REACH; i--) {
      const f = features[i]!;
      if (f.blank) continue;
      seen++;
      if (lines[i]!.cls === 'good' && !isByline(f)) break;
      if (isByline(f)) {
        anchor(i);
        topByline = i;
      }
    }
    if (topByline !== -1) keepTitleBlock(features, lines, topByline, anchor);
  }
  // The foot of a text whose last lines were cut off from it by a line or two of furniture (a caption's
  // （点击看大图）, an ad): the text's runs are taken together, and the source line may follow any of them.
  for (const text of texts) {
    if (text.prose < TEXT_WITH_HEAD) continue;
    for (const run of text.runs) {
      for (let i = run[1] + 1, seen = 0; i < features.length && seen < TAIL_REACH; i++) {
        const f = features[i]!;
        if (f.blank) continue;
        seen++;
        if (!isByline(f)) break;
        anchor(i);
      }
    }
  }
  return changed;
}

/** Non-blank furniture lines between two content runs up to which they are one text (a caption tag, an ad inside it). */
export const TEXT_GAP = 2;

/** Content runs joined across gaps of at most TEXT_GAP non-blank lines, their prose added up. */
function textsAcrossGaps(features: readonly LineFeatures[], runs: ReadonlyArray<{ run: [number, number]; prose: number }>): Array<{ runs: Array<[number, number]>; prose: number }> {
  const out: Array<{ runs: Array<[number, number]>; prose: number }> = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last) {
      let gap = 0;
      for (let i = last.runs[last.runs.length - 1]![1] + 1; i < r.run[0] && gap <= TEXT_GAP; i++) if (!features[i]!.blank) gap++;
      if (gap <= TEXT_GAP) {
        last.runs.push(r.run);
        last.prose += r.prose;
        continue;
      }
    }
    out.push({ runs: [r.run], prose: r.prose });
  }
  return out;
}
