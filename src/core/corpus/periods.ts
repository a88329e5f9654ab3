/**
 * Frequencies per period (year or month) over dated documents: for each formula, its count in each period and
 * its rate per 10,000 Han characters of that period, so a year with more documents does not look like a rise.
 */
import type { DocumentDate } from './dates';
import { RATE_BASE, type PhraseCount } from './keyness';

export type PeriodUnit = 'year' | 'month';

/** "2023" or "2023-03"; undefined for a month period of a document whose date has no month. */
export function periodOf(date: DocumentDate, unit: PeriodUnit): string | undefined {
  if (unit === 'year') return String(date.year);
  return date.month === null ? undefined : `${date.year}-${String(date.month).padStart(2, '0')}`;
}

export interface DatedCounts {
  readonly date: DocumentDate;
  readonly han: number;
  readonly slogans: readonly PhraseCount[];
}

export interface PhraseSeries {
  readonly key: string;
  readonly phrase: string;
  readonly kind: string;
  readonly total: number;
  /** Per period, in the order of `periods`. */
  readonly counts: readonly number[];
  readonly rates: readonly number[];
}

export interface PeriodAggregation {
  readonly unit: PeriodUnit;
  /** Sorted; every period between the first and last, empty ones too, so a gap shows as a gap. */
  readonly periods: readonly string[];
  readonly documents: readonly number[];
  readonly han: readonly number[];
  /** Most frequent phrase first. */
  readonly series: readonly PhraseSeries[];
  /** Documents left out of a month aggregation because only their year is known. */
  readonly undatedForUnit: number;
}

/** Every period from `first` to `last` inclusive (both of the same unit). */
export function periodRange(first: string, last: string, unit: PeriodUnit): string[] {
  const out: string[] = [];
  if (unit === 'year') {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y));
    return out;
  }
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * Periods past this many are not expanded with empty ones between (a stray 1950 date among 2020s documents would
 * otherwise make 900 empty months); only the periods that have documents are listed then.
 */
export const MAX_EXPANDED_PERIODS = 600;

export function aggregateByPeriod(documents: readonly DatedCounts[], unit: PeriodUnit): PeriodAggregation {
  const perPeriod = new Map<string, { documents: number; han: number; counts: Map<string, number> }>();
  const phrases = new Map<string, { phrase: string; kind: string; total: number }>();
  let undatedForUnit = 0;
  for (const d of documents) {
    const period = periodOf(d.date, unit);
    if (period === undefined) {
      undatedForUnit++;
      continue;
    }
    let p = perPeriod.get(period);
    if (!p) perPeriod.set(period, (p = { documents: 0, han: 0, counts: new Map() }));
    p.documents++;
    p.han += d.han;
    for (const s of d.slogans) {
      p.counts.set(s.key, (p.counts.get(s.key) ?? 0) + s.count);
      const t = phrases.get(s.key);
      if (t) t.total += s.count;
      else phrases.set(s.key, { phrase: s.phrase, kind: s.kind, total: s.count });
    }
  }
  const present = [...perPeriod.keys()].sort();
  let periods = present;
  if (present.length > 0) {
    const full = periodRange(present[0]!, present[present.length - 1]!, unit);
    if (full.length <= MAX_EXPANDED_PERIODS) periods = full;
  }
  const han = periods.map((p) => perPeriod.get(p)?.han ?? 0);
  const series: PhraseSeries[] = [...phrases.entries()]
    .map(([key, t]) => {
      const counts = periods.map((p) => perPeriod.get(p)?.counts.get(key) ?? 0);
      return { key, phrase: t.phrase, kind: t.kind, total: t.total, counts, rates: counts.map((c, i) => (han[i]! > 0 ? (RATE_BASE * c) / han[i]! : 0)) };
    })
    .sort((a, b) => b.total - a.total || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return { unit, periods, documents: periods.map((p) => perPeriod.get(p)?.documents ?? 0), han, series, undatedForUnit };
}
