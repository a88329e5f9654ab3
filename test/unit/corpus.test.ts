/** The corpus core: keyness, concordance, document dates, per-period aggregation, spreadsheet-safe CSV. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  aggregateByPeriod, compareCounts, concordance, csvCell, dateFromName, dateFromSidecar, dateFromText, documentDate, logLikelihood, periodRange, sumPhraseCounts, toCsv,
  concordanceOptions, phraseOccurrences, cliSlogans, analyseCorpusFile, type CorpusSloganSettings,
} from '../../src/core/corpus';
import { findSlogans } from '../../src/core/slogans';

describe('log-likelihood keyness', () => {
  it('matches a hand computation (Rayson & Garside) and is symmetric', () => {
    // 10 in A (1,000), 0 in B (1,000): E = 5 each, G² = 2·10·ln(10/5).
    assert.ok(Math.abs(logLikelihood(10, 0, 1000, 1000) - 2 * 10 * Math.log(2)) < 1e-9);
    assert.ok(Math.abs(logLikelihood(3, 7, 500, 2000) - logLikelihood(7, 3, 2000, 500)) < 1e-9);
    assert.equal(logLikelihood(5, 5, 1000, 1000), 0);
    assert.equal(logLikelihood(0, 0, 1000, 1000), 0);
    assert.equal(logLikelihood(3, 0, 0, 1000), 0);
  });

  it('sorts phrases into only-A, only-B and both, with rates per 10,000 characters', () => {
    const a = [{ key: 'x', phrase: 'X', kind: 'known', count: 4 }, { key: 'both', phrase: 'B', kind: 'known', count: 2 }];
    const b = [{ key: 'y', phrase: 'Y', kind: 'discovered', count: 1 }, { key: 'both', phrase: 'B', kind: 'known', count: 8 }];
    const c = compareCounts(a, 20_000, b, 10_000);
    const byKey = Object.fromEntries(c.rows.map((r) => [r.key, r]));
    assert.equal(byKey.x!.group, 'onlyA');
    assert.equal(byKey.y!.group, 'onlyB');
    assert.equal(byKey.both!.group, 'both');
    assert.equal(byKey.both!.rateA, 1);
    assert.equal(byKey.both!.rateB, 8);
    assert.equal(byKey.both!.direction, 'B');
    for (let i = 1; i < c.rows.length; i++) assert.ok(c.rows[i - 1]!.logLikelihood >= c.rows[i]!.logLikelihood);
  });

  it('sums counts of the same phrase over documents', () => {
    const sum = sumPhraseCounts([[{ key: 'k', phrase: 'P', kind: 'known', count: 2 }], [{ key: 'k', phrase: 'P', kind: 'known', count: 3 }]]);
    assert.deepEqual(sum, [{ key: 'k', phrase: 'P', kind: 'known', count: 5 }]);
  });
});

describe('concordance (KWIC)', () => {
  it('gives aligned left and right context of the requested width, by code point', () => {
    const text = '𠮷𠮷甲乙丙丁共同富裕戊己庚辛𠮷';
    const at = text.indexOf('共同富裕');
    const [line] = concordance(text, [{ offset: at, length: 4 }], 5);
    assert.deepEqual({ left: line!.left, keyword: line!.keyword, right: line!.right }, { left: '𠮷甲乙丙丁', keyword: '共同富裕', right: '戊己庚辛𠮷' });
  });

  it('never reaches into boilerplate and shows line breaks as ⏎', () => {
    const text = '首页 | 新闻\n推动共同富裕，\r\n扎实工作\n版权所有';
    const at = text.indexOf('共同富裕');
    const excluded = [{ start: 0, end: text.indexOf('推动') }, { start: text.indexOf('版权'), end: text.length }];
    const [line] = concordance(text, [{ offset: at, length: 4 }], 50, excluded);
    assert.equal(line!.left, '推动');
    assert.equal(line!.right, '，⏎扎实工作⏎');
  });

  it('lists every occurrence of a phrase, also where the document does not repeat it, in either script', () => {
    const text = '堅持共同富裕。\n另一段落：推動共同富裕取得更為明顯的實質性進展，推动共同富裕。';
    const base = cliSlogans(text, {});
    const options = concordanceOptions('共同富裕', { minCount: 1, excludedRanges: [] });
    const occurrences = phraseOccurrences(findSlogans(text, options), '共同富裕');
    assert.equal(occurrences.length, 3);
    // A phrase no lexicon knows, once in the text: found through a user entry.
    const once = phraseOccurrences(findSlogans(text, concordanceOptions('实质性进展', {})), '实质性进展');
    assert.equal(once.length, 1);
    assert.equal(text.slice(once[0]!.offset, once[0]!.offset + once[0]!.length), '實質性進展');
    assert.ok(base.slogans.length >= 1);
  });
});

describe('document dates', () => {
  it('reads dates from file names', () => {
    assert.deepEqual(dateFromName('corpus/2023-03-05-speech.txt'), { year: 2023, month: 3, day: 5 });
    assert.deepEqual(dateFromName('20230305.txt'), { year: 2023, month: 3, day: 5 });
    assert.deepEqual(dateFromName('2023年3月5日讲话.txt'), { year: 2023, month: 3, day: 5 });
    assert.deepEqual(dateFromName('report_2021-07.md'), { year: 2021, month: 7, day: null });
    assert.deepEqual(dateFromName('plan-2019.txt'), { year: 2019, month: null, day: null });
    assert.equal(dateFromName('20230231.txt')?.day ?? null, null);
    assert.equal(dateFromName('notes.txt'), undefined);
    assert.equal(dateFromName('id-123456789.txt'), undefined);
  });

  it('reads the first date line of the text, in Chinese, numeric or Chinese-numeral form', () => {
    assert.deepEqual(dateFromText('标题\n发布时间：2023年3月5日 10:00\n正文 2020年1月1日'), { year: 2023, month: 3, day: 5 });
    assert.deepEqual(dateFromText('来源：新华社 2022-11-08 09:12\n'), { year: 2022, month: 11, day: 8 });
    assert.deepEqual(dateFromText('二〇二三年三月十五日\n'), { year: 2023, month: 3, day: 15 });
    assert.deepEqual(dateFromText('２０２１年１２月３１日'), { year: 2021, month: 12, day: 31 });
    assert.equal(dateFromText('电话 0571-8888-1234\n9999年99月'), undefined);
    assert.equal(dateFromText(''), undefined);
  });

  it('prefers a sidecar, then the name, then the text', () => {
    assert.deepEqual(dateFromSidecar('{"date":"2023-02-01"}'), { year: 2023, month: 2, day: 1 });
    assert.deepEqual(dateFromSidecar('{"published":"2021年5月"}'), { year: 2021, month: 5, day: null });
    assert.equal(dateFromSidecar('not json'), undefined);
    assert.equal(documentDate('2021-01-01.txt', '2022年1月1日', '{"date":"2020-06-01"}')?.source, 'sidecar');
    assert.equal(documentDate('2021-01-01.txt', '2022年1月1日')?.year, 2021);
    assert.deepEqual(documentDate('a.txt', '2022年1月1日'), { year: 2022, month: 1, day: 1, source: 'text' });
  });
});

describe('per-period aggregation', () => {
  const p = (key: string, count: number) => ({ key, phrase: key, kind: 'known', count });
  it('counts per year with empty years in between, rates per 10,000 characters', () => {
    const agg = aggregateByPeriod(
      [
        { date: { year: 2021, month: 3, day: 5 }, han: 5000, slogans: [p('a', 2)] },
        { date: { year: 2021, month: 7, day: null }, han: 5000, slogans: [p('a', 1), p('b', 1)] },
        { date: { year: 2023, month: 1, day: 1 }, han: 10000, slogans: [p('a', 3)] },
      ],
      'year',
    );
    assert.deepEqual(agg.periods, ['2021', '2022', '2023']);
    assert.deepEqual(agg.series[0], { key: 'a', phrase: 'a', kind: 'known', total: 6, counts: [3, 0, 3], rates: [3, 0, 3] });
    assert.deepEqual(agg.documents, [2, 0, 1]);
  });

  it('leaves year-only documents out of months, and says so', () => {
    const agg = aggregateByPeriod([{ date: { year: 2021, month: null, day: null }, han: 10, slogans: [] }, { date: { year: 2021, month: 11, day: null }, han: 10, slogans: [] }, { date: { year: 2022, month: 2, day: 1 }, han: 10, slogans: [] }], 'month');
    assert.deepEqual(agg.periods, ['2021-11', '2021-12', '2022-01', '2022-02']);
    assert.equal(agg.undatedForUnit, 1);
    assert.deepEqual(periodRange('2020', '2022', 'year'), ['2020', '2021', '2022']);
  });
});

describe('CSV cells', () => {
  it('defuses spreadsheet formulae and quotes per RFC 4180', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-2'), "'-2");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('共同富裕'), '共同富裕');
    assert.equal(csvCell(-3.5), '-3.5');
    assert.equal(toCsv([['a', 'b'], [1, 'x\ny']]), '\ufeffa,b\r\n1,"x\ny"\r\n');
  });
});

describe('corpus file analysis', () => {
  const settings: CorpusSloganSettings = { known: true, discover: true, minRepeatCount: 3, minDiscoveredCount: 2, ignore: [], userLexicon: [], excludeBoilerplate: true, boilerplateSensitivity: 'conservative', boilerplateExtraCues: [] };
  it('counts, dates and lists one phrase in context with 0-based line and column', () => {
    const text = '发布时间：2022年3月5日\n\n在发展中保障和改善民生，扎实推动共同富裕，让改革发展成果更多更公平惠及全体人民。\n';
    const r = analyseCorpusFile('/x/speech.txt', text, { settings, dates: true, phrase: '共同富裕', width: 5 });
    assert.deepEqual(r.date, { year: 2022, month: 3, day: 5, source: 'text' });
    assert.equal(r.slogans.find((s) => s.phrase === '共同富裕')?.count, 1);
    assert.equal(r.concordance?.length, 1);
    const c = r.concordance![0]!;
    assert.equal(c.line, 2);
    assert.equal(c.column, text.split('\n')[2]!.indexOf('共同富裕'));
    assert.equal(c.left, '，扎实推动');
  });
});
