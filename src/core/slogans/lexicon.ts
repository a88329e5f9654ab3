/**
 * The slogan lexicon: formulaic phrases (提法) of national and provincial official discourse with what a
 * reader wants to know about each. The built-in list is data (data/slogans/lexicon.json), loaded on first use
 * through the vendor entry `sloganLexicon`, so activation never parses it.
 */
import { containsHan } from '../text';

export interface SloganEntry {
  /** The phrase in Simplified script, as the lexicon writes it. */
  readonly phrase: string;
  /** What kind of formula it is (指导思想, 发展理念, 浙江省委提法 …). */
  readonly category: string;
  /** The year it first appeared, where known. */
  readonly year: number | null;
  /** Short forms and other wordings that count as this formula (两山 for 绿水青山就是金山银山). */
  readonly abbreviations: readonly string[];
  /** The document, meeting or speech it comes from; empty when unknown. */
  readonly source: string;
}

/** Categories of the built-in lexicon. User entries may use any category. */
export const SLOGAN_CATEGORIES: readonly string[] = [
  '指导思想', '政治要求', '奋斗目标', '发展理念', '经济政策', '改革举措', '国家战略', '民生', '生态', '治理经验',
  '法治安全', '党建', '精神谱系', '文化', '教育', '外交', '港澳台', '规划', '著作', '浙江省委提法',
  '国防', '地方提法',
];

/** The category user entries get when they name none. */
export const USER_CATEGORY = '自定义';

interface LexiconModule {
  readonly entries: readonly SloganEntry[];
}

let builtin: readonly SloganEntry[] | undefined;

/** The built-in lexicon, loaded on first call. */
export function builtinSloganLexicon(): readonly SloganEntry[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  builtin ??= (require('zhdoc-vendor:sloganLexicon') as LexiconModule).entries;
  return builtin;
}

/** True once the built-in lexicon has been loaded in this process. */
export function isSloganLexiconLoaded(): boolean {
  return builtin !== undefined;
}

/**
 * Checks a list of entries against the lexicon schema and returns one line per problem (empty when valid):
 * field types, a phrase with Han characters, a plausible year, no phrase or abbreviation listed twice, and,
 * with `categories`, a category from that list.
 */
export function validateSloganEntries(entries: unknown, categories?: readonly string[]): string[] {
  const problems: string[] = [];
  if (!Array.isArray(entries)) return ['entries: not an array'];
  const seen = new Map<string, number>();
  entries.forEach((e: unknown, i) => {
    const at = `entry ${i}`;
    if (typeof e !== 'object' || e === null) {
      problems.push(`${at}: not an object`);
      return;
    }
    const r = e as Record<string, unknown>;
    const phrase = r.phrase;
    const label = typeof phrase === 'string' ? `${at} (${phrase})` : at;
    if (typeof phrase !== 'string' || phrase.trim() !== phrase || phrase.length === 0) problems.push(`${label}: phrase must be a non-empty trimmed string`);
    else if (!containsHan(phrase)) problems.push(`${label}: phrase has no Han characters`);
    if (typeof r.category !== 'string' || r.category.length === 0) problems.push(`${label}: category must be a non-empty string`);
    else if (categories && !categories.includes(r.category)) problems.push(`${label}: unknown category ${r.category}`);
    if (r.year !== null && !(Number.isInteger(r.year) && (r.year as number) >= 1900 && (r.year as number) <= 2100)) problems.push(`${label}: year must be null or a year`);
    if (!Array.isArray(r.abbreviations) || r.abbreviations.some((a) => typeof a !== 'string' || a.length === 0 || !containsHan(a))) {
      problems.push(`${label}: abbreviations must be an array of strings with Han characters`);
    }
    if (typeof r.source !== 'string') problems.push(`${label}: source must be a string`);
    const keys = Object.keys(r).filter((k) => !['phrase', 'category', 'year', 'abbreviations', 'source'].includes(k));
    if (keys.length > 0) problems.push(`${label}: unknown fields ${keys.join(', ')}`);
    const forms = [phrase, ...(Array.isArray(r.abbreviations) ? r.abbreviations : [])].filter((f): f is string => typeof f === 'string');
    for (const form of forms) {
      const before = seen.get(form);
      if (before !== undefined && before !== i) problems.push(`${label}: "${form}" is already listed by entry ${before}`);
      seen.set(form, i);
    }
  });
  return problems;
}

/**
 * Reads user entries from a setting leniently: a bare string is a phrase; `category`, `year`, `abbreviations`
 * and `source` are optional. Entries that cannot be read are reported and skipped, never fatal.
 */
export function readUserSloganEntries(value: unknown): { entries: SloganEntry[]; problems: string[] } {
  const entries: SloganEntry[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { entries, problems };
  if (!Array.isArray(value)) return { entries, problems: ['user lexicon: not an array'] };
  value.forEach((v: unknown, i) => {
    const r: Record<string, unknown> = typeof v === 'string' ? { phrase: v } : typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    const phrase = typeof r.phrase === 'string' ? r.phrase.trim() : '';
    if (!phrase || !containsHan(phrase)) {
      problems.push(`user lexicon entry ${i}: needs a phrase with Han characters`);
      return;
    }
    const abbreviations = Array.isArray(r.abbreviations) ? r.abbreviations.filter((a): a is string => typeof a === 'string' && containsHan(a)).map((a) => a.trim()) : [];
    entries.push({
      phrase,
      category: typeof r.category === 'string' && r.category.trim() ? r.category.trim() : USER_CATEGORY,
      year: Number.isInteger(r.year) ? (r.year as number) : null,
      abbreviations,
      source: typeof r.source === 'string' ? r.source : '',
    });
  });
  return { entries, problems };
}
