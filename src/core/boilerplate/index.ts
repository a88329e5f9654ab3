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
 *  3. page structure (pageStructure.ts) overrides line evidence where the page's layout is clear: the posts of
 *     a forum thread are content however short; an encyclopedia article's span, from the lead with its
 *     infobox down to the navboxes, keeps its tables, lists and captions, and the navboxes and categories
 *     below it fold; an article's reference list (参考资料, 参考文献) stays, its citations and their numbers;
 *     an error page without an article folds whole; a feed below the article is quieted;
 *  4. a two-state segmentation (Viterbi, a cost per switch between content and boilerplate) turns evidence
 *     into runs, so boilerplate clusters at the top and bottom and a lone odd line inside the article stays;
 *     a second pass holds each text's own head and foot (title, byline with a source, author or date, closing
 *     source line) and segments again.
 * Hiding a line of the article is the one unforgivable error, so every threshold leans towards content, and a
 * file that does not look like a web page (notes, a poem, a README) folds nothing.
 * Linear in the text: one character pass per line, one keyword scan over the lines that can hold cues, a
 * fixed number of walks over the lines and at most three segmentations.
 */
import { compileUserCues, type BoilerplateReason } from '../boilerplateCues';
import { toBlocks } from './blocks';
import { joinBrokenSentences, promoteTitles, softenInlineFields, weighUndecided } from './context';
import { commentsStart, feedStart, foldEncyclopediaTail, foldErrorPage, forumThread, keepArticleHead, keepForumPosts, keepReferenceLists, mainArticle, quietAfterArticle } from './pageStructure';
import { markRepeats, scanCues } from './cueScan';
import { CUED, intrinsicClasses, keepUnlessWebPage, NOT_A_WEB_PAGE } from './evidence';
import { measureLines } from './lineFeatures';
import { decide } from './segmentation';
import { PARAMS, type BoilerplateAnalysis, type BoilerplateLine, type BoilerplateOptions, type BoilerplateResult } from './types';

export * from './types';
export { boilerplateFoldingRanges, mainText, removeBoilerplateEdits, type LineRange } from './edits';

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
  const intrinsic = intrinsicClasses(features, params);
  softenInlineFields(features, intrinsic);
  joinBrokenSentences(features, intrinsic);
  const comments = commentsStart(features, intrinsic);
  const thread = forumThread(features, intrinsic, comments);
  quietAfterArticle(features, intrinsic, comments, thread);
  weighUndecided(intrinsic, features);
  promoteTitles(features, intrinsic);
  if (thread) keepForumPosts(features, intrinsic, thread);
  foldEncyclopediaTail(text, features, intrinsic);
  keepReferenceLists(text, features, intrinsic);
  foldErrorPage(text, features, intrinsic);
  keepUnlessWebPage(intrinsic);
  let decided = decide(features, intrinsic, params);
  // Below the article a feed of other pages' headlines and blurbs: quiet its prose and segment again.
  const feed = feedStart(text, features, intrinsic, mainArticle(features, intrinsic, decided));
  if (feed !== -1 && (comments === -1 || feed < comments)) {
    quietAfterArticle(features, intrinsic, feed, thread, true);
    weighUndecided(intrinsic, features);
    keepUnlessWebPage(intrinsic);
    decided = decide(features, intrinsic, params);
  }
  if (keepArticleHead(features, intrinsic, decided)) decided = decide(features, intrinsic, params);
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

