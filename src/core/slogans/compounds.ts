/**
 * Known formulae that a document writes together as one unit: two or more lexicon formulae joined by 、 or a
 * conjunction (一个中国原则和九二共识), marked as one span rather than as pieces with an unmarked joiner between.
 *
 * Two formulae side by side are as often a list made for one sentence (八八战略和两个先行), so a join counts only
 * when the document writes the same pair with the same joiner at least twice: a repeated pairing is a set
 * phrase of this text; a pairing written once is left as two formulae. A formula never joins itself (八八战略，
 * 八八战略 is a repetition), and a chain stops after a few members (a long run of formulae is a list).
 */

/** Joiners between the members of a compound, as the match view writes them (quote marks already dropped). */
const JOINERS = new Set(['、', '和', '与', '同', '及', '以及']);
/** A pairing must be written at least this often to be one unit. */
export const COMPOUND_MIN_COUNT = 2;
/** The longest chain of formulae taken for one unit; longer runs are lists. */
export const COMPOUND_MAX_MEMBERS = 4;

export interface KnownMatches {
  readonly count: number;
  /** Start and end of each match in the match view, sorted, not overlapping. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export interface CompoundSpan {
  /** Index of the first and last member match. */
  readonly first: number;
  readonly last: number;
  /** The compound's key: the members' keys with their joiners (、 for a separator). */
  readonly key: string;
}

/**
 * Compounds among `matches`: runs of consecutive matches joined by a joiner whose every pair is written at least
 * `COMPOUND_MIN_COUNT` times in the document. `keyOf(j)` is the folded key of the formula of match j (the same
 * key for every wording of one formula), `isIgnored` refuses a compound by its key. Linear in the matches.
 */
export function compoundSpans(match: string, matches: KnownMatches, keyOf: (j: number) => string, isIgnored: (key: string) => boolean = () => false): CompoundSpan[] {
  const { count, starts, ends } = matches;
  if (count < 2) return [];
  const links: Array<string | undefined> = new Array(count - 1);
  const pairCounts = new Map<string, number>();
  for (let j = 0; j + 1 < count; j++) {
    const gap = ends[j]! <= starts[j + 1]! && starts[j + 1]! - ends[j]! <= 2 ? match.slice(ends[j], starts[j + 1]) : '';
    if (!JOINERS.has(gap)) continue;
    const a = keyOf(j);
    const b = keyOf(j + 1);
    if (a === b) continue;
    const pair = `${a}\u0000${gap}\u0000${b}`;
    links[j] = pair;
    pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + 1);
  }
  const out: CompoundSpan[] = [];
  let j = 0;
  while (j + 1 < count) {
    if (!joined(j)) {
      j++;
      continue;
    }
    const first = j;
    const members = [keyOf(j)];
    let key = keyOf(j);
    while (j + 1 < count && joined(j) && members.length < COMPOUND_MAX_MEMBERS && !members.includes(keyOf(j + 1))) {
      const gap = match.slice(ends[j], starts[j + 1]);
      key += gap + keyOf(j + 1);
      members.push(keyOf(j + 1));
      j++;
    }
    if (!isIgnored(key)) out.push({ first, last: j, key });
    j++;
  }
  return out;

  function joined(at: number): boolean {
    const pair = links[at];
    return pair !== undefined && (pairCounts.get(pair) ?? 0) >= COMPOUND_MIN_COUNT;
  }
}
