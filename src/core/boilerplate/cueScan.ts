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
  // An open-addressing table of Int32Arrays keyed by the lines' hashes (small non-negative integers): two Maps
  // of 130,000 entries on a 10 MB page grew and rehashed on the heap, for the garbage collector to copy.
  let size = 16;
  while (size < 2 * features.length) size *= 2;
  const mask = size - 1;
  const keys = new Int32Array(size); // hash + 1; 0 is an empty slot
  const lastSeen = new Int32Array(size);
  const copies = new Int32Array(size); // copies of a repeated line; 0 for a line seen once so far
  const slotOf = (hash: number): number => {
    let k = Math.imul(hash, 0x9e3779b1) & mask;
    while (keys[k] !== 0 && keys[k] !== hash + 1) k = (k + 1) & mask;
    return k;
  };
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    if (f.blank || f.chars > 120) continue;
    const k = slotOf(f.hash);
    // Same hash and length, not compared character by character: a collision (about one in 10^9 per pair)
    // costs one line a weak -0.5, while comparing every repeat costs a tenth of the run on a repetitive file.
    if (keys[k] !== 0) {
      const j = lastSeen[k]!;
      if (features[j]!.chars === f.chars) {
        f.repeatGap = i - j;
        const g = features[j]!;
        g.repeatGap = Math.min(g.repeatGap, i - j);
        copies[k] = (copies[k] === 0 ? 1 : copies[k]!) + 1;
      }
    } else keys[k] = f.hash + 1;
    lastSeen[k] = i;
  }
  for (const f of features) {
    if (f.repeatGap === Infinity) continue;
    const c = copies[slotOf(f.hash)]!;
    f.copies = c === 0 ? 1 : c;
  }
}
