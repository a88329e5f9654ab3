import * as assert from 'node:assert/strict';
import misconversions from '../../data/slogans/known-misconversions.json';
import { describe, it } from 'node:test';
import { builtinSloganLexicon, foldPhrase, readUserSloganEntries, SLOGAN_CATEGORIES, validateSloganEntries } from '../../src/core/slogans';
import { scriptOf } from '../../src/core/script';
import { countHan } from '../../src/core/text';
import lexiconFile from '../../data/slogans/lexicon.json';

/** The smallest lexicon that covers the formulae of party congresses, plenums and work reports (issue 10). */
const MIN_ENTRIES = 1500;

/**
 * Forms of fewer than three Han characters match ordinary words (改革, 发展) unless they count something
 * (六稳, 双减, 三农). The two listed here are fixed official terms that never occur as anything else.
 */
const SHORT_FORMS_ALLOWED = new Set(['台独', '亲清']);
const NUMERAL = /[一二三四五六七八九十两双百千万〇0-9]/;

/** Every form of an entry, as it is matched. */
function formsOf(e: { phrase: string; abbreviations: readonly string[] }): string[] {
  return [e.phrase, ...e.abbreviations];
}

describe('built-in slogan lexicon', () => {
  const entries = builtinSloganLexicon();

  it(`has at least ${MIN_ENTRIES} entries`, () => {
    assert.ok(entries.length >= MIN_ENTRIES, `${entries.length} entries`);
  });

  it('uses every built-in category, none for fewer than three entries', () => {
    const perCategory = new Map<string, number>();
    for (const e of entries) perCategory.set(e.category, (perCategory.get(e.category) ?? 0) + 1);
    const thin = SLOGAN_CATEGORIES.filter((c) => (perCategory.get(c) ?? 0) < 3 && c !== '著作');
    assert.deepEqual(thin, []);
  });

  it('writes every form with Simplified characters only, none of them Traditional-only', () => {
    const traditional = entries.flatMap(formsOf).filter((f) => [...f].some((ch) => scriptOf(ch) === 'traditional'));
    assert.deepEqual(traditional, []);
  });

  it('has no form shorter than three Han characters unless it is a numeral formula', () => {
    const short = entries.flatMap(formsOf).filter((f) => countHan(f) < 3 && !NUMERAL.test(f) && !SHORT_FORMS_ALLOWED.has(f));
    assert.deepEqual(short, []);
  });

  it('has no form that is another entry\'s form once enumeration separators are dropped', () => {
    // The matcher also looks for an enumeration written without 、, so 共商、共建、共享 and 共商共建共享 are one form.
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      for (const form of new Set(formsOf(e).map((f) => foldPhrase(f).replace(/、/g, '')))) {
        const before = owner.get(form);
        if (before !== undefined && before !== e.phrase) clashes.push(`${form}: ${before} / ${e.phrase}`);
        owner.set(form, e.phrase);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('names a source for every entry, and a given year appears in its source', () => {
    assert.deepEqual(entries.filter((e) => e.source.trim() === '').map((e) => e.phrase), []);
    const unbacked = entries.filter((e) => e.year !== null && !e.source.includes(String(e.year)));
    assert.deepEqual(unbacked.map((e) => `${e.phrase} ${e.year}`), []);
  });

  it('keeps separators and 和 as the formula writes them: no doubled or dangling separators', () => {
    const ragged = entries.flatMap(formsOf).filter((f) => /^[、，；]|[、，；]$|[、，；]{2}|\s/.test(f));
    assert.deepEqual(ragged, []);
  });

  it('lists no abbreviation that repeats its own phrase', () => {
    assert.deepEqual(entries.filter((e) => e.abbreviations.some((a) => foldPhrase(a) === foldPhrase(e.phrase))).map((e) => e.phrase), []);
  });

  it('follows the schema: fields, Han characters, years, known categories, no form listed twice', () => {
    assert.deepEqual(validateSloganEntries(lexiconFile.entries, SLOGAN_CATEGORIES), []);
  });

  it('writes every phrase in Simplified script, so folding leaves it unchanged', () => {
    // Matching also folds characters OpenCC writes for a common Simplified one (著 for 着 in 接著): 著 of 显著 is
    // Simplified too, so a phrase may differ from its fold there and only there.
    const misconverted = new Map(misconversions.folds.map((f) => [f.written, f.folds]));
    const expected = (phrase: string) => [...phrase.replace(/[，,；; ]/g, '、')].map((c) => misconverted.get(c) ?? c).join('');
    const traditional = entries.filter((e) => foldPhrase(e.phrase) !== expected(e.phrase));
    assert.deepEqual(traditional.map((e) => e.phrase), []);
  });

  it('has no two entries that fold to the same form (八八战略 and 八八戰略 would be one)', () => {
    const seen = new Map<string, string>();
    for (const e of entries) {
      for (const form of [e.phrase, ...e.abbreviations]) {
        const key = foldPhrase(form);
        assert.ok(!seen.has(key), `${form} folds like ${seen.get(key)}`);
        seen.set(key, form);
      }
    }
  });

  it('holds the provincial formulae of the seed article with their sources', () => {
    const byPhrase = new Map(entries.map((e) => [e.phrase, e]));
    for (const phrase of ['八八战略', '两个先行', '重要窗口', '地瓜经济', '一号发展工程', '创新深化、改革攻坚、开放提升', '干在实处、走在前列、勇立潮头', '千村示范、万村整治', '枫桥经验']) {
      assert.ok(byPhrase.has(phrase), phrase);
    }
    assert.ok(byPhrase.get('千村示范、万村整治')!.abbreviations.includes('千万工程'));
    assert.equal(byPhrase.get('八八战略')!.year, 2003);
    assert.match(byPhrase.get('八八战略')!.source, /2003年7月/);
    assert.deepEqual(byPhrase.get('八八战略')!.abbreviations, []);
    assert.ok(byPhrase.get('绿水青山就是金山银山')!.abbreviations.includes('两山理论'));
  });

  it('holds the core formulae of congress and work reports, with 和 and 、 as they are written (issue 10)', () => {
    const forms = new Map<string, string>();
    for (const e of entries) for (const f of formsOf(e)) forms.set(f, e.phrase);
    for (const phrase of [
      '积极的财政政策', '稳健的货币政策', '党的建设新的伟大工程', '两岸关系和平发展', '一个中国原则', '九二共识', '和平统一、一国两制',
      '现代化经济体系', '政治纪律和政治规矩', '党风廉政建设和反腐败斗争', '统筹发展和安全', '法治国家、法治政府、法治社会',
      '千村示范、万村整治', '最多跑一次', '共同富裕示范区', '两个先行',
    ]) {
      assert.equal(forms.get(phrase), phrase, phrase);
    }
    assert.equal(forms.get('统筹发展与安全'), '统筹发展和安全');
  });

  it('leaves year and source empty rather than guessing', () => {
    const unknownYears = entries.filter((e) => e.year === null).length;
    assert.ok(unknownYears > 0 && unknownYears < entries.length);
  });
});

describe('validateSloganEntries', () => {
  const good = { phrase: '八八战略', category: '浙江省委提法', year: 2003, abbreviations: [], source: 'x' };

  it('accepts a valid entry', () => {
    assert.deepEqual(validateSloganEntries([good]), []);
  });

  it('reports each kind of problem', () => {
    const problems = validateSloganEntries([
      { ...good, phrase: 'ABC' },
      { ...good, phrase: '两山', year: 1800 },
      { ...good, phrase: '双碳', abbreviations: ['two carbons'] },
      { ...good, phrase: '三农', category: '' },
      { ...good, phrase: '四风', extra: 1 },
      good,
      { ...good, phrase: '八八战略 ' },
      { ...good, phrase: '五水共治', category: '其他' },
    ], SLOGAN_CATEGORIES);
    const text = problems.join('\n');
    assert.match(text, /entry 0 \(ABC\): phrase has no Han characters/);
    assert.match(text, /entry 1 \(两山\): year must be null or a year/);
    assert.match(text, /entry 2 \(双碳\): abbreviations must be/);
    assert.match(text, /entry 3 \(三农\): category must be a non-empty string/);
    assert.match(text, /entry 4 \(四风\): unknown fields extra/);
    assert.match(text, /entry 6 \(八八战略 \): phrase must be a non-empty trimmed string/);
    assert.match(text, /entry 7 \(五水共治\): unknown category 其他/);
    assert.deepEqual(validateSloganEntries({}), ['entries: not an array']);
  });

  it('finds a form listed by two entries', () => {
    const problems = validateSloganEntries([good, { ...good, phrase: '两山理论', abbreviations: ['八八战略'] }]);
    assert.deepEqual(problems, ['entry 1 (两山理论): "八八战略" is already listed by entry 0']);
  });
});

describe('readUserSloganEntries', () => {
  it('reads strings and partial entries, reports and skips the rest', () => {
    const { entries, problems } = readUserSloganEntries(['胆剑精神', { phrase: '越思政', category: '绍兴', year: 2021 }, { phrase: 'abc' }, 7]);
    assert.deepEqual(entries, [
      { phrase: '胆剑精神', category: '自定义', year: null, abbreviations: [], source: '' },
      { phrase: '越思政', category: '绍兴', year: 2021, abbreviations: [], source: '' },
    ]);
    assert.equal(problems.length, 2);
    assert.deepEqual(readUserSloganEntries(undefined), { entries: [], problems: [] });
    assert.deepEqual(readUserSloganEntries('x').problems, ['user lexicon: not an array']);
  });
});
