/**
 * Maximal repeats of Han characters anchored at given positions: strings of `minLength` to `maxLength` Han
 * characters that start at an anchor (or, growing leftwards, end at one), occur at least `minCount` times, and
 * cannot be extended away from the anchor without losing an occurrence. Found by refining groups of anchors one
 * character at a time (a depth-limited MSD radix sort of the anchored suffixes, by buckets), so the work is
 * proportional to the anchors and stops at `maxLength`: a numeral formula grows rightwards from its numeral, a
 * named project leftwards from its head noun (…工程).
 */
import { isHanUnit } from './streams';

export interface Repeat {
  /** Start offset of each occurrence (occurrences may overlap); a sample of them when there are very many. */
  readonly positions: readonly number[];
  readonly length: number;
}

export interface RepeatOptions {
  readonly minLength: number;
  readonly maxLength: number;
  readonly minCount: number;
  /** `right`: anchors are where repeats start. `left`: anchors are where they end. */
  readonly direction: 'right' | 'left';
  /** Stop after this many repeats. */
  readonly maxRepeats?: number;
}


export function findAnchoredRepeats(text: string, anchors: Int32Array, options: RepeatOptions): Repeat[] {
  const { minLength, maxLength, minCount } = options;
  const right = options.direction === 'right';
  const maxRepeats = options.maxRepeats ?? 100_000;
  /** The unit that extends the repeat of `length` at anchor `a`, or -1 where the Han run ends. */
  const nextUnit = (a: number, length: number): number => {
    const i = right ? a + length : a - length - 1;
    if (i < 0 || i >= text.length) return -1;
    const c = text.charCodeAt(i);
    return isHanUnit(c) ? c : -1;
  };
  const seedLength = Math.min(minLength, 4);
  const repeats: Repeat[] = [];
  const stack: Array<{ anchors: number[]; length: number }> = [];
  for (const group of seedGroups(text, anchors, seedLength, minCount, right)) stack.push({ anchors: sample(group), length: seedLength });
  while (stack.length > 0 && repeats.length < maxRepeats) {
    const { anchors: group, length } = stack.pop()!;
    // Bucket by the extending unit (-1 where the run ends): linear, however large the group.
    const buckets = new Map<number, number[]>();
    for (const a of group) {
      const unit = nextUnit(a, length);
      const bucket = buckets.get(unit);
      if (bucket) bucket.push(a);
      else buckets.set(unit, [a]);
    }
    const maximal = !(buckets.size === 1 && !buckets.has(-1));
    if (length < maxLength) for (const [unit, bucket] of buckets) if (unit >= 0 && bucket.length >= minCount) stack.push({ anchors: sample(bucket), length: length + 1 });
    if (maximal && length >= minLength) {
      const positions = group.map((a) => (right ? a : a - length));
      repeats.push({ positions: positions.sort((x, y) => x - y), length });
    }
  }
  return repeats;
}

/**
 * Anchors of a group, thinned to at most `MAX_GROUP` evenly spaced ones. A string repeated that often is a
 * repeat for certain; the repeats found are candidates whose occurrences the matcher counts exactly, so a sample
 * keeps text made of one phrase over and over from costing a pass over every copy at every length.
 */
const MAX_GROUP = 4096;

function sample(group: number[]): number[] {
  if (group.length <= MAX_GROUP) return group;
  const step = group.length / MAX_GROUP;
  return Array.from({ length: MAX_GROUP }, (_, i) => group[Math.floor(i * step)]!);
}

/** A 15-bit key per Han unit: 0x3000–0xafff as is, compatibility ideographs into the unused 0xa000 block. */
function hanKey(c: number): number {
  return c >= 0xf900 ? c - 0xf900 + 0x7000 : c - 0x3000;
}

/**
 * Groups of anchors whose first `length` Han units (away from the anchor) are equal, for grams that occur at
 * least `minCount` times. Grams of up to four units are packed exactly into two 30-bit halves and counted in an
 * open-addressing table.
 */
function seedGroups(text: string, anchors: Int32Array, length: number, minCount: number, right: boolean): number[][] {
  const valid: number[] = [];
  for (const a of anchors) {
    let ok = true;
    for (let k = 0; k < length && ok; k++) {
      const i = right ? a + k : a - 1 - k;
      ok = i >= 0 && i < text.length && isHanUnit(text.charCodeAt(i));
    }
    if (ok) valid.push(a);
  }
  if (valid.length < minCount) return [];
  let capacity = 1024;
  while (capacity < valid.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const hi = new Int32Array(capacity);
  const lo = new Int32Array(capacity);
  const counts = new Int32Array(capacity);
  const slotOf = new Int32Array(valid.length);
  const half = Math.ceil(length / 2);
  valid.forEach((a, v) => {
    let h = 0;
    let l = 0;
    for (let k = 0; k < length; k++) {
      const u = hanKey(text.charCodeAt(right ? a + k : a - 1 - k));
      if (k < half) h = h * 0x8000 + u;
      else l = l * 0x8000 + u;
    }
    // The top bit marks a used slot, so an all-zero gram is never mistaken for an empty one.
    h |= 0x40000000;
    let slot = (Math.imul(h ^ Math.imul(l, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
    while (counts[slot]! > 0 && (hi[slot] !== h || lo[slot] !== l)) slot = (slot + 1) & mask;
    hi[slot] = h;
    lo[slot] = l;
    counts[slot]!++;
    slotOf[v] = slot;
  });
  const groups = new Map<number, number[]>();
  valid.forEach((a, v) => {
    const slot = slotOf[v]!;
    if (counts[slot]! < minCount) return;
    let group = groups.get(slot);
    if (!group) groups.set(slot, (group = []));
    group.push(a);
  });
  return [...groups.values()];
}
