/** Context: neighbours and page structure adjust the evidence of lines that their own shape leaves open. */
import type { LineFeatures } from './lineFeatures';
import { CUED, isByline, looksLikeWebPage, sizeOf, type Intrinsic, type UndecidedTier } from './evidence';

/**
 * Evidence for a line that is neither prose nor cued, by tier and by how many of its nearest decided lines
 * (prose or boilerplate, skipping other undecided lines; in a web page the file's edges count as
 * boilerplate) are prose: none, one, both. jusText's rule in graded form: a subheading between two
 * paragraphs is content, a list of link titles between a menu and the footer is boilerplate, a table hanging
 * off the end of an article is left to its own tier.
 */
export const UNDECIDED_EVIDENCE: Record<UndecidedTier, readonly [number, number, number]> = {
  signature: [-0.4, 0.6, 0.6],
  sentence: [0, 0.5, 0.5],
  enumerated: [-0.2, 0.5, 0.5],
  neargood: [-0.4, 0.3, 0.3],
  short: [-0.5, 0, 0.3],
  tiny: [-0.8, -0.4, 0],
};

export function weighUndecided(lines: Intrinsic[], features: readonly LineFeatures[]): void {
  const n = lines.length;
  // The line above a closing date signs the notice (教务处 / 2024年3月1日).
  for (let i = 1; i < n; i++) {
    if (lines[i]!.tier !== 'signature') continue;
    let j = i - 1;
    while (j > 0 && features[j]!.blank) j--;
    const above = lines[j]!;
    if (above.tier === 'tiny' || above.tier === 'short' || above.tier === 'neargood') above.tier = 'signature';
  }
  // The file's edges count as boilerplate only in a web page: in a poem, a word list or notes, undecided lines
  // must not fold for want of prose.
  const edge = looksLikeWebPage(lines) ? 0 : 1;
  // A byline (作者：佚名) is the head of a text, not furniture: it decides no neighbours, so a section heading
  // above a section's byline still has the section's prose below it.
  const decides = (i: number): boolean => lines[i]!.cls === 'bad' && !lines[i]!.weak && !isByline(features[i]!);
  const { before, after } = proseAround(lines, decides, edge);
  for (let i = 0; i < n; i++) {
    const x = lines[i]!;
    if (x.tier) x.evidence = UNDECIDED_EVIDENCE[x.tier][before[i]! + after[i]!]!;
  }
}

/**
 * For each line, 1 when the nearest line before it (in `before`) or after it (in `after`) that is prose or that
 * `decides` is prose, 0 when it is boilerplate; `edge` where there is none.
 */
function proseAround(lines: readonly Intrinsic[], decides: (i: number) => boolean, edge: 0 | 1): { before: Uint8Array; after: Uint8Array } {
  const n = lines.length;
  const before = new Uint8Array(n);
  const after = new Uint8Array(n);
  let last = edge;
  for (let i = 0; i < n; i++) {
    before[i] = last;
    if (lines[i]!.cls === 'good') last = 1;
    else if (decides(i)) last = 0;
  }
  last = edge;
  for (let i = n - 1; i >= 0; i--) {
    after[i] = last;
    if (lines[i]!.cls === 'good') last = 1;
    else if (decides(i)) last = 0;
  }
  return { before, after };
}

/** Evidence left to a label line (地址： 电话：) that sits between paragraphs of the article. */
export const INLINE_FIELD = -1;

/** Han characters besides the cue from which a contacts heading names whose contacts they are (…年会会务组联系方式：), not the site's 联系我们. */
export const CONTACT_OWNER_HAN = 4;

/** Size (Han characters, Latin words 1.5) up to which a line above a contact block is its heading (溪谷營地 資訊). */
export const CONTACT_HEADING_SIZE = 16;

/**
 * Contact lines (邮政编码：… 联系电话：…) with prose on both sides, skipping other such lines, belong to the
 * article (a notice giving its own contacts); a footer's contact block has the licence or the file's end
 * after it. They keep weak evidence and stop deciding their neighbours.
 *
 * A contact block right below the article's prose (nothing decisive between) under a heading of its own is
 * the article's fact box too: a blog post's campsite with its phone, address and price under 營地 資訊, a
 * notice's organisers with their phones under …会务组联系方式：, before the page's share bar or related list.
 * Its lines become undecided, weighed like the article's other short lines. The site's contact block is told
 * apart by its heading (a bare 联系我们 decides, so the lines under it have no prose above), by having no
 * heading (an address line glued to the last paragraph), or by the licence line that follows it with nothing
 * decisive between (地址… 电话… 版权所有), or by the file ending below it.
 */
export function softenInlineFields(features: readonly LineFeatures[], lines: Intrinsic[]): void {
  const n = lines.length;
  // One pass: 1 for a contact field line, 2 for a heading naming whose contacts follow, 0 otherwise.
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = features[i]!;
    if (f.blank || f.cue !== 'contact' || f.anchorCues > 0 || f.userCue || lines[i]!.cls !== 'bad') continue;
    if (f.fieldCues > 0 && f.phraseCues === 0) kind[i] = 1;
    else if (f.fieldCues === 0 && f.phraseCues > 0 && f.han - f.cueHan >= CONTACT_OWNER_HAN) kind[i] = 2;
  }
  const isField = (i: number): boolean => kind[i] === 1;
  const ownerHeading = (i: number): boolean => kind[i] === 2;
  const isContact = (i: number): boolean => kind[i] !== 0;
  const { before, after } = proseAround(lines, (i) => lines[i]!.cls === 'bad' && !lines[i]!.weak && !isContact(i), 0);
  for (let i = 0; i < n; i++) {
    if (isField(i) && before[i] && after[i]) {
      const x = lines[i]!;
      x.evidence = Math.max(x.evidence, INLINE_FIELD);
      x.weak = true;
    }
  }
  for (let i = 0; i < n; i++) {
    if (!isContact(i) || !before[i] || after[i]) continue;
    // The block: contact lines with the article's undecided short lines among them (a name, a price).
    let end = i;
    for (let j = i + 1; j < n; j++) {
      if (features[j]!.blank || lines[j]!.tier) continue;
      if (!isContact(j)) break;
      end = j;
    }
    let above = i - 1;
    while (above >= 0 && features[above]!.blank) above--;
    const heading = ownerHeading(i) || (above >= 0 && lines[above]!.tier !== undefined && features[above]!.punct <= 1 && sizeOf(features[above]!) <= CONTACT_HEADING_SIZE);
    let next = end + 1;
    while (next < n && (features[next]!.blank || lines[next]!.tier || lines[next]!.weak)) next++;
    const footer = next >= n || lines[next]!.reason === 'licence';
    if (heading && !footer) {
      for (let j = i; j <= end; j++) {
        if (!isContact(j)) continue;
        Object.assign(lines[j]!, { cls: 'neargood', evidence: 0, reason: undefined, weak: false, tier: 'neargood' });
      }
    }
    i = end;
  }
}

/** Evidence for a title: enough to hold it between a menu above and the header below. */
export const TITLE_EVIDENCE = 4.5;

/**
 * A news page puts the title right above its 来源/作者/时间 header. The title has no sentence punctuation and
 * sits between boilerplate, so on shape alone it would fold with the header; the header vouches for it.
 */
export function promoteTitles(features: readonly LineFeatures[], intrinsic: Intrinsic[]): void {
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


/** Lines from which a run of lines that each end with punctuation is one paragraph broken over lines. */
export const BROKEN_RUN = 3;

/** Han characters a broken paragraph must hold: a few words each line, as a self-media post writes them. */
export const BROKEN_HAN = 20;

/** Evidence of a line of a broken paragraph: prose, though each line alone is short. */
export const BROKEN_PROSE = 1;

/** Evidence left to a phrase cue inside a broken paragraph (快点击这里了解一下！): a sentence of the text that names a link. */
export const CUE_IN_SENTENCE = -1.5;

/**
 * A self-media post breaks its sentences over short lines (下周一， / 京沪高速施工就将进入第二阶段， / …一段。).
 * Each line alone is too short for prose, but a run of BROKEN_RUN or more lines that each end with
 * punctuation, one of them with a comma or 、 (a sentence that goes on below), is a paragraph: menus, tags and
 * headlines do not end that way. Its lines become prose; a phrase cue among them that ends a sentence of its own
 * keeps only weak evidence. Lines named by a field or anchor cue (来源：, 版权所有) break the run.
 */
export function joinBrokenSentences(features: readonly LineFeatures[], lines: Intrinsic[]): void {
  const n = features.length;
  const member = (i: number): boolean => {
    const f = features[i]!;
    const x = lines[i]!;
    if (!(f.endsSentence || f.endsMidSentence) || f.han === 0) return false;
    if (f.listItem || f.trailingStamp || f.feedStamp || f.dateline || f.calendar || f.userCue) return false;
    if (x.cls !== 'bad') return true;
    return f.fieldCues === 0 && f.anchorCues === 0 && f.phraseCues > 0 && f.endsSentence && f.han - f.cueHan >= 2;
  };
  for (let i = 0; i < n; ) {
    if (features[i]!.blank || !member(i)) {
      i++;
      continue;
    }
    let end = i;
    let count = 0;
    let han = 0;
    // A line ending with ， or 、 with another line of the run after it: a sentence that goes on below.
    let continues = false;
    for (let j = i; j < n && (features[j]!.blank || member(j)); j++) {
      if (features[j]!.blank) continue;
      if (count > 0 && features[end]!.endsMidSentence) continues = true;
      end = j;
      count++;
      han += features[j]!.han;
    }
    if (count >= BROKEN_RUN && han >= BROKEN_HAN && continues) {
      for (let j = i; j <= end; j++) {
        const x = lines[j]!;
        if (features[j]!.blank || x.cls === 'good') continue;
        if (x.cls === 'bad') Object.assign(x, { evidence: Math.max(x.evidence, CUE_IN_SENTENCE), weak: true });
        else Object.assign(x, { cls: 'good', evidence: Math.max(x.evidence, BROKEN_PROSE), tier: undefined });
      }
    }
    i = end + 1;
  }
}
