/**
 * Keyness between two corpora (or two documents): which formulae only one side uses, and for those both use,
 * how surprising the difference in their rates is. The score is Dunning's log-likelihood G² (Rayson & Garside
 * 2000, the statistic AntConc and WordSmith report), computed from raw counts and corpus sizes; rates are per
 * 10,000 characters, the unit Chinese discourse studies usually quote.
 */

/** Rates are per this many Han characters: 提法 are sparse, so per-million figures would all be huge. */
export const RATE_BASE = 10_000;

/**
 * G² with 1 degree of freedom above 3.84 is significant at p < 0.05, above 6.63 at p < 0.01 (Rayson's table);
 * the webview marks rows above the first.
 */
export const LL_SIGNIFICANT_05 = 3.84;
export const LL_SIGNIFICANT_01 = 6.63;

/**
 * Log-likelihood G² for a word seen `a` times in a corpus of `sizeA` and `b` times in one of `sizeB`. 0 when
 * either corpus is empty. Terms with a zero observed count contribute 0 (the limit of x·ln x).
 */
export function logLikelihood(a: number, b: number, sizeA: number, sizeB: number): number {
  if (sizeA <= 0 || sizeB <= 0 || a + b === 0) return 0;
  const total = sizeA + sizeB;
  const expectedA = (sizeA * (a + b)) / total;
  const expectedB = (sizeB * (a + b)) / total;
  const term = (observed: number, expected: number): number => (observed > 0 ? observed * Math.log(observed / expected) : 0);
  return 2 * (term(a, expectedA) + term(b, expectedB));
}

export interface PhraseCount {
  /** Identifies the phrase across documents (the folded key of the core's Slogan). */
  readonly key: string;
  readonly phrase: string;
  readonly kind: string;
  readonly count: number;
}

export type KeynessGroup = 'onlyA' | 'onlyB' | 'both';

export interface KeynessRow {
  readonly key: string;
  readonly phrase: string;
  readonly kind: string;
  readonly group: KeynessGroup;
  readonly countA: number;
  readonly countB: number;
  /** Per RATE_BASE Han characters of its side (0 for an empty side). */
  readonly rateA: number;
  readonly rateB: number;
  /** G², always ≥ 0; `direction` says which side overuses the phrase. */
  readonly logLikelihood: number;
  readonly direction: 'A' | 'B' | 'equal';
}

export interface KeynessComparison {
  readonly sizeA: number;
  readonly sizeB: number;
  /** Strongest keyness first, then by total count, then by phrase. */
  readonly rows: readonly KeynessRow[];
}

/** Sums the counts of the same key over many documents (the phrase and kind of the first one seen are kept). */
export function sumPhraseCounts(lists: Iterable<readonly PhraseCount[]>): PhraseCount[] {
  const totals = new Map<string, { key: string; phrase: string; kind: string; count: number }>();
  for (const list of lists) {
    for (const p of list) {
      const t = totals.get(p.key);
      if (t) t.count += p.count;
      else totals.set(p.key, { key: p.key, phrase: p.phrase, kind: p.kind, count: p.count });
    }
  }
  return [...totals.values()];
}

/** Compares the phrase counts of side A (of `sizeA` Han characters) with those of side B. */
export function compareCounts(a: readonly PhraseCount[], sizeA: number, b: readonly PhraseCount[], sizeB: number): KeynessComparison {
  const byKey = new Map<string, { phrase: string; kind: string; countA: number; countB: number }>();
  for (const p of a) {
    const e = byKey.get(p.key) ?? { phrase: p.phrase, kind: p.kind, countA: 0, countB: 0 };
    e.countA += p.count;
    byKey.set(p.key, e);
  }
  for (const p of b) {
    const e = byKey.get(p.key) ?? { phrase: p.phrase, kind: p.kind, countA: 0, countB: 0 };
    e.countB += p.count;
    byKey.set(p.key, e);
  }
  const rate = (count: number, size: number): number => (size > 0 ? (RATE_BASE * count) / size : 0);
  const rows: KeynessRow[] = [];
  for (const [key, e] of byKey) {
    if (e.countA === 0 && e.countB === 0) continue;
    const rateA = rate(e.countA, sizeA);
    const rateB = rate(e.countB, sizeB);
    rows.push({
      key,
      phrase: e.phrase,
      kind: e.kind,
      group: e.countB === 0 ? 'onlyA' : e.countA === 0 ? 'onlyB' : 'both',
      countA: e.countA,
      countB: e.countB,
      rateA,
      rateB,
      logLikelihood: logLikelihood(e.countA, e.countB, sizeA, sizeB),
      direction: rateA > rateB ? 'A' : rateB > rateA ? 'B' : 'equal',
    });
  }
  rows.sort((x, y) => y.logLikelihood - x.logLikelihood || y.countA + y.countB - (x.countA + x.countB) || (x.phrase < y.phrase ? -1 : x.phrase > y.phrase ? 1 : 0));
  return { sizeA, sizeB, rows };
}
