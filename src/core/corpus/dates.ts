/**
 * The date of a document, for trends over time: from a sidecar file (explicit, so it wins), else from the file
 * name (2023-03-05-speech.txt, 20230305.txt, 2023年3月5日.txt), else from the first line of the text that
 * holds a date (发布时间：2023年3月5日, 2023-03-05 10:00, 二〇二三年三月五日). Only real calendar dates between
 * MIN_YEAR and MAX_YEAR count, so an ID like 99991231 or a phone number is not read as a date.
 */

/** Documents of interest are modern; a wider range would read document numbers as years. */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;
/** A page's date line sits in its header: looking further would pick up dates quoted in the article body. */
export const DATE_LINE_SEARCH_LINES = 40;

export interface DocumentDate {
  readonly year: number;
  /** 1–12, or null when only the year is known. */
  readonly month: number | null;
  /** 1–31, or null. */
  readonly day: number | null;
}

export type DateSource = 'sidecar' | 'name' | 'text';

export interface FoundDate extends DocumentDate {
  readonly source: DateSource;
}

function valid(year: number, month: number | null, day: number | null): DocumentDate | undefined {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (month === null) return day === null ? { year, month: null, day: null } : undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day === null) return { year, month, day: null };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return undefined;
  return { year, month, day };
}

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二三 → 2023 (digit by digit), 十二 → 12, 二十五 → 25, 三十一 → 31; full-width digits too. */
function readNumber(s: string): number {
  const ascii = s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (!ascii.includes('十')) return Number([...ascii].map((c) => CHINESE_DIGITS[c] ?? NaN).join(''));
  const [tens, units] = ascii.split('十');
  const t = tens === '' ? 1 : CHINESE_DIGITS[tens!];
  const u = units === '' ? 0 : CHINESE_DIGITS[units!];
  return t === undefined || u === undefined ? NaN : t * 10 + u;
}

const D = '[0-9０-９]';
const CN = '[〇零Ｏ一二三四五六七八九十]';
/** 2023年3月5日, 2023 年 03 月 05 日, 二〇二三年三月五日; the day is optional (2023年3月). */
const CHINESE_DATE = new RegExp(`(${D}{4}|${CN}{4})\\s*年\\s*(${D}{1,2}|${CN}{1,3})\\s*月(?:\\s*(${D}{1,2}|${CN}{1,3})\\s*[日号])?`, 'u');
/** 2023-03-05, 2023/3/5, 2023.03.05 (not inside a longer number). */
const NUMERIC_DATE = /(?<![0-9])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![0-9])/;

/** The first date in one line of text, or undefined. */
export function dateInLine(line: string): DocumentDate | undefined {
  const c = CHINESE_DATE.exec(line);
  const n = NUMERIC_DATE.exec(line);
  // Whichever comes first in the line: a header "2023-03-05 来源：… 2022年…" means the first one.
  const candidates: Array<{ at: number; date: DocumentDate | undefined }> = [];
  if (c) candidates.push({ at: c.index, date: valid(readNumber(c[1]!), readNumber(c[2]!), c[3] === undefined ? null : readNumber(c[3])) });
  if (n) candidates.push({ at: n.index, date: valid(Number(n[1]), Number(n[3]), Number(n[4])) });
  candidates.sort((a, b) => a.at - b.at);
  return candidates.find((x) => x.date)?.date;
}

/** 2023-03-05 / 2023_03_05 / 2023.03.05 / 20230305 / 2023-03 / 2023年3月5日 in a file name (directory parts ignored). */
export function dateFromName(name: string): DocumentDate | undefined {
  const base = name.replace(/^.*[\\/]/, '');
  const chinese = dateInLine(base);
  if (chinese) return chinese;
  const separated = /(?<![0-9])((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?![0-9])/.exec(base);
  if (separated) {
    const d = valid(Number(separated[1]), Number(separated[2]), Number(separated[3]));
    if (d) return d;
  }
  const month = /(?<![0-9])((?:19|20)\d{2})[-_.](\d{2})(?![0-9])/.exec(base);
  if (month) {
    const d = valid(Number(month[1]), Number(month[2]), null);
    if (d) return d;
  }
  const year = /(?<![0-9])((?:19|20)\d{2})(?![0-9])/.exec(base);
  return year ? valid(Number(year[1]), null, null) : undefined;
}

/** The date of the first of the first DATE_LINE_SEARCH_LINES lines that holds one. */
export function dateFromText(text: string): DocumentDate | undefined {
  let start = 0;
  for (let n = 0; n < DATE_LINE_SEARCH_LINES && start <= text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // A minified page can be one huge line: only its head is a header.
    const d = dateInLine(text.slice(start, Math.min(end, start + 500)));
    if (d) return d;
    start = end + 1;
  }
  return undefined;
}

/**
 * The date in a sidecar (NAME.json or NAME.meta.json beside the file): `{"date": "2023-03-05"}` (or `"2023年3月5日"`,
 * `"2023"`), also under `published`; undefined when the JSON holds none or is not JSON.
 */
export function dateFromSidecar(json: string): DocumentDate | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const field of ['date', 'published', 'year']) {
    const v = record[field];
    if (typeof v === 'number') return valid(v, null, null);
    if (typeof v === 'string') {
      const d = dateInLine(v) ?? dateFromName(v);
      if (d) return d;
    }
  }
  return undefined;
}

/** The sidecar date, else the name's, else the text's. */
export function documentDate(name: string, text: string, sidecarJson?: string): FoundDate | undefined {
  const sidecar = sidecarJson === undefined ? undefined : dateFromSidecar(sidecarJson);
  if (sidecar) return { ...sidecar, source: 'sidecar' };
  const fromName = dateFromName(name);
  if (fromName) return { ...fromName, source: 'name' };
  const fromText = dateFromText(text);
  return fromText ? { ...fromText, source: 'text' } : undefined;
}
