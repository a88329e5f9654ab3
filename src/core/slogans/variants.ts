/**
 * Wordings of a lexicon form that official texts use for the same formula, derived instead of listed: the form
 * without its one 的 (积极的财政政策 / 积极财政政策), its one 和 written as 、 (政治纪律、政治规矩), and numbers written in the other script of numerals
 * (二〇三五年远景目标 / 2035年远景目标, 十八亿亩耕地红线 / 18亿亩耕地红线, 二十一世纪 / 21世纪). Forms are folded
 * lexicon keys; what comes back is folded too.
 */
import { countHan } from '../text';

/**
 * A form keeps at least this many Han characters without its 的: a shorter one (国之的 …) would be a word, and the
 * lexicon's short forms need word boundaries that a derived form should not have to earn.
 */
const MIN_HAN_WITHOUT_DE = 5;

/**
 * What a current wording adds before an item (全面 of 全面从严治党, which renamed 从严治党; 坚持 of a principle's
 * imperative form): modifiers, not nouns (青年大学习 or 爱国统一战线 are other things than 大学习, 统一战线).
 */
const RENAMING_PREFIXES = ['全面', '坚持', '新的', '决胜', '深入'];
/** Items shorter than this are words (开放, 协调) that many longer forms end with. */
const MIN_RENAMED_ITEM = 3;
/** Wordings derived per enumeration at most, so a lexicon of long lists stays small. */
const MAX_RENAMED_PER_KEY = 4;

/**
 * Wordings of enumerations whose items official language renamed by a prefix: 党要管党、从严治党 is written
 * 党要管党、全面从严治党 since 全面从严治党 became the formula (2014), as 依法治国 became 全面依法治国. For each
 * enumeration among `keys` (folded, items joined by 、), each item of MIN_RENAMED_ITEM characters or more that
 * is another of the `keys` without one of RENAMING_PREFIXES gives a wording with that one item replaced by it. Returns the new wordings by enumeration key (never a key itself), in a fixed order.
 */
export function renamedItemVariants(keys: readonly string[]): Map<string, string[]> {
  const listed = new Set(keys);
  /** Listed non-enumeration forms by what is left of them without their first one or two characters. */
  const byTail = new Map<string, string[]>();
  for (const key of keys) {
    if (key.includes('、')) continue;
    for (const prefix of RENAMING_PREFIXES) {
      if (!key.startsWith(prefix) || key.length - prefix.length < MIN_RENAMED_ITEM) continue;
      const tail = key.slice(prefix.length);
      let list = byTail.get(tail);
      if (!list) byTail.set(tail, (list = []));
      list.push(key);
    }
  }
  const out = new Map<string, string[]>();
  for (const key of keys) {
    if (!key.includes('、')) continue;
    const items = key.split('、');
    const variants: string[] = [];
    items.forEach((item, i) => {
      for (const longer of byTail.get(item) ?? []) {
        if (variants.length >= MAX_RENAMED_PER_KEY || items.includes(longer)) continue;
        const variant = items.map((it, k) => (k === i ? longer : it)).join('、');
        if (!listed.has(variant) && !variants.includes(variant)) variants.push(variant);
      }
    });
    if (variants.length) out.set(key, variants);
  }
  return out;
}

/** Units after which a number is a quantity or a year and is written with digits as often as with numerals. */
const NUMBER_UNITS = /^(?:周年|年|世纪|亿|万)/;

const DIGITS = '〇一二三四五六七八九';
const CHINESE_NUMBER = /[〇零一二两三四五六七八九十百千]+/g;
const ARABIC_NUMBER = /[0-9]+/g;

/** The other wordings of `key` (never `key` itself), in a fixed order. */
export function formVariants(key: string): string[] {
  const out = new Set<string>();
  const withoutDe = dropDe(key);
  if (withoutDe) out.add(withoutDe);
  const listed = andAsSeparator(key);
  if (listed) out.add(listed);
  for (const form of [key, ...out]) {
    const swapped = swapNumerals(form);
    if (swapped && swapped !== form) out.add(swapped);
  }
  out.delete(key);
  return [...out];
}

/** The form without its 的, when it has exactly one, inside a phrase (not next to a separator or an end). */
function dropDe(key: string): string | undefined {
  const at = key.indexOf('的');
  if (at <= 0 || at === key.length - 1 || key.indexOf('的', at + 1) >= 0) return undefined;
  if (key[at - 1] === '、' || key[at + 1] === '、') return undefined;
  const without = key.slice(0, at) + key.slice(at + 1);
  return countHan(without) >= MIN_HAN_WITHOUT_DE ? without : undefined;
}

/** Each side of a 和 that joins two formulae has this many Han characters: shorter ones are words (统筹发展和安全). */
const MIN_AND_SIDE = 4;
/** 和 inside a word, not between two items (和平, 和谐, 共和, 温和 …). */
const AND_IN_WORD = /和[平谐美睦合衷]|[共温缓柔调饱总附应唱]和/;

/**
 * The form with its one 和 written as an enumeration's 、 (政治纪律和政治规矩 / 政治纪律、政治规矩, 党风廉政建设和
 * 反腐败斗争 / 党风廉政建设、反腐败斗争): official texts join the two items of such a formula either way, as they
 * join the last item of a 、 enumeration with 和. Only for a form without other punctuation whose two sides are
 * each MIN_AND_SIDE Han characters or more and where the 和 is not inside a word.
 */
function andAsSeparator(key: string): string | undefined {
  const at = key.indexOf('和');
  if (at < 0 || key.indexOf('和', at + 1) >= 0 || /[、，,；：]/.test(key) || AND_IN_WORD.test(key)) return undefined;
  const [left, right] = [key.slice(0, at), key.slice(at + 1)];
  if (countHan(left) < MIN_AND_SIDE || countHan(right) < MIN_AND_SIDE) return undefined;
  return `${left}、${right}`;
}

/**
 * The form with every number before a unit (年, 世纪, 亿, 万) written the other way: Chinese numerals to digits,
 * digits to Chinese numerals. Years go digit by digit (二〇三五年), other numbers by place (十八亿, 三十年).
 * Undefined when the form has no such number.
 */
function swapNumerals(key: string): string | undefined {
  let changed = false;
  let out = key.replace(CHINESE_NUMBER, (run, at: number) => {
    // A bare place (千年大计, 百年未有之大变局) is a word, not a number.
    if (!NUMBER_UNITS.test(key.slice(at + run.length)) || !/[〇零一二两三四五六七八九]/.test(run)) return run;
    const value = chineseToNumber(run);
    if (value === undefined) return run;
    changed = true;
    return String(value);
  });
  if (!changed) {
    out = key.replace(ARABIC_NUMBER, (run, at: number) => {
      const rest = key.slice(at + run.length);
      if (!NUMBER_UNITS.test(rest) || run.length > 4 || run.startsWith('0')) return run;
      changed = true;
      return run.length === 4 && rest.startsWith('年') ? [...run].map((d) => DIGITS[Number(d)]).join('') : numberToChinese(Number(run));
    });
  }
  return changed ? out : undefined;
}

const DIGIT_VALUES: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const PLACE_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** 二〇三五 → 2035 (digit by digit), 十八 → 18, 二十一 → 21, 一百 → 100; undefined for what is not a number. */
export function chineseToNumber(run: string): number | undefined {
  if (!/[十百千]/.test(run)) {
    // Digit by digit: a year (二〇三五) or a single numeral (一亿).
    if (run.length > 1 && run.length !== 4) return undefined;
    let value = 0;
    for (const c of run) value = value * 10 + DIGIT_VALUES[c]!;
    return value;
  }
  let total = 0;
  let digit: number | undefined;
  let lastPlace = Infinity;
  for (const c of run) {
    if (c in DIGIT_VALUES) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGIT_VALUES[c];
      continue;
    }
    const place = PLACE_VALUES[c]!;
    if (place >= lastPlace) return undefined;
    total += (digit ?? 1) * place;
    digit = undefined;
    lastPlace = place;
  }
  return total + (digit ?? 0);
}

/** 18 → 十八, 21 → 二十一, 30 → 三十, 100 → 一百, 1 → 一 (numbers below 10000). */
export function numberToChinese(value: number): string {
  if (value === 0) return '〇';
  const places: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十']];
  let out = '';
  let rest = value;
  let zero = false;
  for (const [place, name] of places) {
    const d = Math.floor(rest / place);
    rest %= place;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // 十八, not 一十八, when the number starts at the tens.
    out += (d === 1 && place === 10 && !out ? '' : DIGITS[d]!) + name;
  }
  if (rest) out += (zero ? '零' : '') + DIGITS[rest]!;
  return out;
}
