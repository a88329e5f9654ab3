/** Cue and repeat evidence per line: the keyword scan and identical lines far apart. */
import { builtinCues, type CueSpec, type UserCues } from '../boilerplateCues';
import type { Params } from './types';
import { isProse, sizeOf } from './evidence';
import { isSpace, type LineFeatures } from './lineFeatures';
import { isHanCodePoint } from '../text';

/** Characters of a long prose line searched for cues: only a cue at its start can make it boilerplate. */
export const PROSE_CUE_WINDOW = 24;

/**
 * Finds the cues of each line. A long prose line is searched only at its start, since a cue further in
 * cannot outweigh the prose; that keeps the scan off most of the text of a long document.
 */
export function scanCues(text: string, features: LineFeatures[], userCues: UserCues, params: Params): void {
  const cues = builtinCues();
  let f = features[0]!;
  const found = (spec: CueSpec, offset: number, end: number): void => {
    for (let k = offset; k < end; k++) if (isHanCodePoint(text.charCodeAt(k))) f.cueHan++;
    if (spec.attribution) f.attributionCues++;
    if (spec.reason === 'share-bar') f.shareBar = true;
    if (spec.headingLink) f.headingLink = true;
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

export function isLineStart(text: string, lineStart: number, offset: number): boolean {
  for (let i = lineStart; i < offset; i++) if (!isSpace(text.charCodeAt(i)) && !isBracket(text.charCodeAt(i))) return false;
  return true;
}

export function isBracket(c: number): boolean {
  return c === 0x5b || c === 0x28 || c === 0x3010 || c === 0xff08 || c === 0x300a || c === 0x3c;
}

/**
 * Finds identical lines (spaces ignored), short and medium ones as footers and menus are: how far apart the
 * nearest copies lie and how many copies there are.
 */
export function markRepeats(features: LineFeatures[]): void {
  const lastSeen = new Map<number, number>();
  const copies = new Map<number, number>();
  features.forEach((f, i) => {
    if (f.blank || f.chars > 120) return;
    const j = lastSeen.get(f.hash);
    // Same hash and length, not compared character by character: a collision (about one in 10^9 per pair)
    // costs one line a weak -0.5, while comparing every repeat costs a tenth of the run on a repetitive file.
    if (j !== undefined && features[j]!.chars === f.chars) {
      f.repeatGap = i - j;
      const g = features[j]!;
      g.repeatGap = Math.min(g.repeatGap, i - j);
      copies.set(f.hash, (copies.get(f.hash) ?? 1) + 1);
    }
    lastSeen.set(f.hash, i);
  });
  for (const f of features) if (f.repeatGap !== Infinity) f.copies = copies.get(f.hash) ?? 1;
}
