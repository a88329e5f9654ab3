import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  allOccurrences,
  findSlogans,
  foldPhrase,
  formatSlogansCsv,
  formatSlogansJson,
  isSloganLexiconLoaded,
  lineBlocksToRanges,
  neighbourOccurrences,
  nextOccurrence,
  sloganAt,
  sloganCoverage,
  toCliRecords,
  type Slogan,
  type SloganEntry,
} from '../../src/core/slogans';
import { isNumeralFormula, ordinaryPhraseReason } from '../../src/core/slogans/discover';
import { countHan } from '../../src/core/text';

const root = join(__dirname, '../../..');
const fixture = readFileSync(join(root, 'test/fixtures/slogans/county-meeting.txt'), 'utf8');
const footer = fixture.indexOf('聯繫我們');
const withoutFooter = { excludedRanges: [{ start: footer, end: fixture.length }] };

const byPhrase = (slogans: readonly Slogan[], phrase: string): Slogan | undefined => slogans.find((s) => s.phrase === phrase);
const texts = (text: string, s: Slogan | undefined): string[] => (s ? s.occurrences.map((o) => text.slice(o.offset, o.offset + o.length)) : []);
const entry = (phrase: string, abbreviations: string[] = []): SloganEntry => ({ phrase, category: '测试', year: null, abbreviations, source: '' });

describe('findSlogans: known slogans', () => {
  const slogans = findSlogans(fixture, withoutFooter);

  it('loads the lexicon only when asked', () => {
    assert.ok(isSloganLexiconLoaded());
  });

  it('matches Traditional text against the Simplified lexicon, across a wrapped line, outside the footer', () => {
    const baba = byPhrase(slogans, '八八战略')!;
    assert.equal(baba.kind, 'known');
    assert.equal(baba.method, 'lexicon');
    assert.equal(baba.category, '浙江省委提法');
    assert.equal(baba.year, 2003);
    assert.deepEqual(texts(fixture, baba), ['八八戰略', '八八戰略', '八八戰\n略']);
    const wrapped = baba.occurrences[2]!;
    assert.equal(wrapped.offset, fixture.indexOf('八八戰\n略'));
    assert.equal(wrapped.length, 5, 'the span covers the line break, in UTF-16 units of the original');
  });

  it('matches mixed script (一号發展工程 with a Simplified 号)', () => {
    assert.deepEqual(texts(fixture, byPhrase(slogans, '一号发展工程')), ['一号發展工程']);
  });

  it('matches an enumeration with 、, with commas and without separators as one formula', () => {
    assert.deepEqual(texts(fixture, byPhrase(slogans, '创新深化、改革攻坚、开放提升')), ['創新深化改革攻堅開放提升', '創新深化、改革攻堅、開放提升', '創新深化,改革攻堅,開放提升']);
    assert.equal(byPhrase(slogans, '创新深化'), undefined, 'its parts are not reported beside it');
  });

  it('reports abbreviations under their formula, through quote marks', () => {
    assert.deepEqual(texts(fixture, byPhrase(slogans, '千村示范、万村整治')), ['千萬工程']);
    assert.deepEqual(texts(fixture, byPhrase(slogans, '两个先行')), ['兩個先行', '兩個先行']);
  });

  it('sorts by count, most frequent first', () => {
    const counts = slogans.map((s) => s.count);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    assert.equal(slogans[0]!.phrase, '八八战略');
  });

  it('marks nothing inside excluded ranges', () => {
    for (const s of slogans) for (const o of s.occurrences) assert.ok(o.offset + o.length <= footer, s.phrase);
    const all = findSlogans(fixture);
    assert.equal(byPhrase(all, '八八战略')!.count, 4, 'the footer has one more');
  });

  it('keeps offsets in UTF-16 units after astral characters and CRLF line breaks', () => {
    const text = '𠮷𠮷：深入实施八八战\r\n略，\r\n八八戰略';
    const baba = byPhrase(findSlogans(text), '八八战略')!;
    assert.deepEqual(baba.occurrences, [
      { offset: text.indexOf('八八战'), length: 6 },
      { offset: text.lastIndexOf('八八戰略'), length: 4 },
    ]);
  });

  it('does not join a paragraph break or a line break after a full stop', () => {
    assert.equal(findSlogans('坚持八八\n\n战略研究', { discover: false }).length, 0);
    assert.equal(findSlogans('这是八八。\n战略', { discover: false }).length, 0);
  });

  it('requires short phrases to stand as words, unless quoted', () => {
    assert.equal(byPhrase(findSlogans('这个平台独立运行，数据平台独立存储。'), '台独'), undefined);
    assert.equal(byPhrase(findSlogans('坚决反对“台独”分裂活动。'), '台独')!.count, 1);
    assert.equal(byPhrase(findSlogans('他们做好三农工作，“三农”问题是重中之重。'), '三农')!.count, 2);
  });
});

describe('findSlogans: discovered phrases', () => {
  const slogans = findSlogans(fixture, withoutFooter);
  const discovered = slogans.filter((s) => s.kind === 'discovered');

  it('leaves a four-character coinage in quotes to the lexicon: a quote alone is no evidence of a formula', () => {
    assert.equal(byPhrase(slogans, '溪畔共富'), undefined);
  });

  it('finds quoted parallel clauses and two-part slogans everywhere they occur, with the reason', () => {
    const text = '要做到“守初心、担使命、抓落实”。“守初心、担使命、抓落实”是要求。大家说“敢闯敢试永不停步”，又说“敢闯敢试永不停步”。';
    const found = findSlogans(text, { lexicon: [] });
    const clauses = byPhrase(found, '守初心、担使命、抓落实')!;
    assert.equal(clauses.method, 'quoted');
    assert.equal(clauses.count, 2);
    assert.equal(clauses.category, null);
    assert.match(clauses.reason ?? '', /3 parallel clauses/);
  });

  it('leaves out scare-quoted metaphors, proverbs, names of publications and meetings, plan periods', () => {
    const text = [
      '他是单位里的“老黄牛”，大家都学“老黄牛”。',
      '俗话说“远亲不如近邻家”，“远亲不如近邻家”嘛。',
      '出版了“东海历代文献丛书”，“东海历代文献丛书”共十卷。',
      '参加“两会”报道，“两会”期间。',
      '回顾“七五”时期，“七五”以来。',
      '唱响“建设美丽乡村逐梦幸福生活”，开展“建设美丽乡村逐梦幸福生活”活动。',
    ].join('\n');
    const discovered = findSlogans(text, { lexicon: [{ phrase: '美丽乡村', category: '测试', year: null, abbreviations: [], source: '' }] }).filter((s) => s.kind === 'discovered');
    assert.deepEqual(discovered.map((s) => s.phrase), []);
  });

  it('drops an enumeration that is mostly a piece of a longer list', () => {
    const text = '推进甲项建设、乙项建设、丙项建设、丁项建设和戊类综合建设。统筹甲项建设、乙项建设、丙项建设、丁项建设、戊类综合建设。做好甲项建设、乙项建设、丙项建设、丁项建设各项工作。';
    const found = findSlogans(text, { lexicon: [] });
    assert.equal(found.find((s) => s.key.startsWith('甲项建设')), undefined);
  });

  it('finds a repeated discovered phrase written with Traditional characters OpenCC mis-converts', () => {
    const lexicon = [{ phrase: '好干部标准', category: '测试', year: null, abbreviations: [], source: '' }];
    assert.equal(byPhrase(findSlogans('坚持好乾部標準，落實好干部标准。', { lexicon }), '好干部标准')?.count, 2);
  });

  it('matches an enumeration whose last item is joined by 和, and one that goes on with more items', () => {
    const lexicon = [{ phrase: '法治国家、法治政府、法治社会', category: '测试', year: null, abbreviations: [], source: '' }];
    const text = '建设法治国家、法治政府和法治社会。推进法治国家、法治政府、法治社会、法治军队一体建设。';
    const s = byPhrase(findSlogans(text, { lexicon, discover: false }), '法治国家、法治政府、法治社会')!;
    assert.deepEqual(texts(text, s), ['法治国家、法治政府和法治社会', '法治国家、法治政府、法治社会']);
  });

  it('counts Han characters in the coverage as the status bar counts 字 (〇 and astral ideographs)', () => {
    const text = '二〇二四年𠮷“八八战略”abc';
    const c = sloganCoverage(text, findSlogans(text, { discover: false }));
    assert.equal(c.totalHan, countHan(text));
    assert.equal(c.markedHan, 4);
  });

  it('finds a repeated numeral formula, an enumeration and a named project', () => {
    assert.equal(byPhrase(slogans, '四個聚焦')?.method, 'numeral');
    assert.equal(byPhrase(slogans, '四個聚焦')?.count, 2);
    assert.equal(byPhrase(slogans, '強基礎、補短板、揚優勢')?.method, 'enumeration');
    assert.equal(byPhrase(slogans, '城鄉風貌提升工程')?.method, 'repeat');
    assert.equal(byPhrase(slogans, '城鄉風貌提升工程')?.count, 3);
  });

  it('names a discovered phrase as it first occurs in the text', () => {
    assert.ok(discovered.every((s) => fixture.includes(s.phrase)));
  });

  it('wants more than two repeats of a counted thing that is never quoted', () => {
    const story = '他有两个女儿。两个女儿都上学了。老人说，两个先行要抓好。我们推进“两个先行”。';
    const found = findSlogans(story, { lexicon: [] });
    assert.equal(byPhrase(found, '两个女儿'), undefined);
    assert.equal(byPhrase(found, '两个先行')?.count, 2);
    assert.equal(byPhrase(findSlogans(story + '两个女儿很乖。', { lexicon: [] }), '两个女儿')?.count, 3);
  });

  it('leaves out ordinary repeated phrases and scare-quoted words', () => {
    assert.equal(discovered.find((s) => s.key === '经济社会发展'), undefined);
    assert.equal(discovered.find((s) => s.key === '表扬'), undefined);
    assert.deepEqual(discovered.map((s) => s.key).sort(), ['四个聚焦', '城乡风貌提升工程', '强基础、补短板、扬优势'].sort());
    for (const s of discovered) assert.ok(s.reason, `${s.phrase} says why it was kept`);
  });

  it('lets a discovered phrase contain a known one whole', () => {
    const text = '“三个共同富裕”要抓实。我们推进“三个共同富裕”。';
    const found = findSlogans(text);
    assert.equal(byPhrase(found, '三个共同富裕')?.count, 2);
    assert.equal(byPhrase(found, '共同富裕')?.count, 2);
  });

  it('honours the discovery thresholds', () => {
    assert.equal(byPhrase(findSlogans(fixture, { ...withoutFooter, minDiscoveredCount: 3 }), '四個聚焦'), undefined);
    assert.ok(byPhrase(findSlogans(fixture, { ...withoutFooter, minDiscoveredCount: 3 }), '城鄉風貌提升工程'));
    assert.equal(byPhrase(findSlogans(fixture, { ...withoutFooter, minRepeatCount: 4 }), '城鄉風貌提升工程'), undefined);
    assert.equal(findSlogans(fixture, { ...withoutFooter, discover: false }).filter((s) => s.kind === 'discovered').length, 0);
  });
});

describe('findSlogans: options', () => {
  it('drops phrases below minCount', () => {
    const slogans = findSlogans(fixture, { ...withoutFooter, minCount: 3 });
    assert.ok(slogans.length > 0 && slogans.every((s) => s.count >= 3));
  });

  it('ignores a phrase in either script, known or discovered', () => {
    const slogans = findSlogans(fixture, { ...withoutFooter, ignore: ['八八戰略', '四个聚焦', '千万工程'] });
    assert.equal(byPhrase(slogans, '八八战略'), undefined);
    assert.equal(byPhrase(slogans, '四個聚焦'), undefined);
    assert.equal(byPhrase(slogans, '千村示范、万村整治'), undefined, 'the abbreviation is ignored, the formula is not in the text');
  });

  it('adds user entries, which win over the built-in lexicon', () => {
    const slogans = findSlogans(fixture, { ...withoutFooter, userLexicon: [{ ...entry('溪畔共富'), category: '县委提法' }, { ...entry('八八战略'), category: '我的' }] });
    assert.equal(byPhrase(slogans, '溪畔共富')?.kind, 'known');
    assert.equal(byPhrase(slogans, '溪畔共富')?.method, 'user');
    assert.equal(byPhrase(slogans, '溪畔共富')?.category, '县委提法');
    assert.equal(byPhrase(slogans, '八八战略')?.category, '我的');
  });

  it('lets a user entry replace a built-in one, abbreviations and all', () => {
    const slogans = findSlogans('两山理论和绿水青山就是金山银山', { userLexicon: [{ ...entry('绿水青山就是金山银山'), category: '我的' }], discover: false });
    assert.deepEqual(slogans.map((s) => [s.phrase, s.count, s.category]), [['绿水青山就是金山银山', 1, '我的']]);
  });

  it('can replace the lexicon', () => {
    const slogans = findSlogans('两山理论和绿水青山就是金山银山', { lexicon: [entry('绿水青山就是金山银山', ['两山理论'])], discover: false });
    assert.deepEqual(slogans.map((s) => [s.phrase, s.count]), [['绿水青山就是金山银山', 2]]);
  });

  it('handles empty and non-Chinese text', () => {
    assert.deepEqual(findSlogans(''), []);
    assert.deepEqual(findSlogans('plain ASCII text, "quoted" twice, "quoted".'), []);
  });
});

describe('findSlogans: the project sample article', () => {
  const sample = readFileSync(join(root, 'samples/sample-article.txt'), 'utf8');
  const end = sample.indexOf('聯繫我們');
  const slogans = findSlogans(sample, { excludedRanges: [{ start: end, end: sample.length }] });

  it('marks the provincial formulae of the article in mixed script', () => {
    assert.equal(byPhrase(slogans, '八八战略')?.count, 4);
    assert.equal(byPhrase(slogans, '两个先行')?.count, 3);
    assert.equal(byPhrase(slogans, '重要窗口')?.count, 3);
    assert.equal(byPhrase(slogans, '地瓜经济')?.count, 2);
    assert.equal(byPhrase(slogans, '一号发展工程')?.count, 1);
    assert.equal(byPhrase(slogans, '一号改革工程')?.count, 1);
    assert.equal(byPhrase(slogans, '枫桥经验')?.count, 1);
    assert.equal(byPhrase(slogans, '创新深化、改革攻坚、开放提升')?.count, 3);
    assert.equal(byPhrase(slogans, '干在实处、走在前列、勇立潮头')?.count, 2);
  });
});

describe('discovery rules', () => {
  it('tells numeral formulae from numbers and counts', () => {
    for (const p of ['两个先行', '四个意识', '三个一号工程', '三去一降一补', '两学一做', '三农', '四风', '八大科技创新工程', '一号改革工程']) assert.ok(isNumeralFormula(p), p);
    for (const p of ['一个方面', '三个月', '十八大以来', '二〇三五年', '五千多年', '八届五次全体', '一些', '两个方面', '百姓', '一句王八蛋']) assert.ok(!isNumeralFormula(p), p);
  });

  it('names why a repeat is an ordinary phrase', () => {
    assert.equal(ordinaryPhraseReason('城乡风貌提升工程'), undefined);
    assert.equal(ordinaryPhraseReason('的重要指示'), 'starts with a function word');
    assert.equal(ordinaryPhraseReason('推进改革的'), 'ends with a function word');
    assert.equal(ordinaryPhraseReason('习近平同志'), 'a name or a title');
    assert.equal(ordinaryPhraseReason('深入学习贯彻'), 'opens an ordinary clause');
  });
});

describe('foldPhrase', () => {
  it('folds script, width, quotes and separators', () => {
    assert.equal(foldPhrase('八八戰略'), '八八战略');
    assert.equal(foldPhrase('“８＋４”'), '8+4');
    assert.equal(foldPhrase('創新深化，改革攻堅 , 開放提升'), '创新深化、改革攻坚、开放提升');
  });
});

describe('reports', () => {
  const slogans = findSlogans(fixture, withoutFooter);

  it('gives the CLI records exactly the issue’s fields', () => {
    const records = toCliRecords(slogans);
    assert.deepEqual(Object.keys(records[0]!), ['phrase', 'count', 'kind', 'category', 'occurrences']);
    assert.deepEqual(Object.keys(records[0]!.occurrences[0]!), ['offset', 'length']);
  });

  it('exports CSV with quoting, CRLF rows and locations', () => {
    const tricky: Slogan = { ...slogans[0]!, phrase: '带"引号",和逗号', source: '第一行\n第二行', year: null, category: null };
    const csv = formatSlogansCsv([tricky]);
    const [header, row] = csv.split('\r\n');
    assert.equal(header, 'phrase,count,kind,method,category,year,source,occurrences');
    assert.ok(row!.startsWith('"带""引号"",和逗号",3,known,lexicon,,,"第一行\n第二行",'));
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(!csv.startsWith('\ufeff'));
    const located = formatSlogansCsv([slogans[0]!], fixture);
    assert.match(located, /,1:6 5:\d+ 9:\d+\r\n$/);
  });

  it('exports JSON with every field and 1-based line and column', () => {
    const records = JSON.parse(formatSlogansJson(slogans, fixture)) as Array<Record<string, unknown>>;
    assert.equal(records.length, slogans.length);
    assert.deepEqual(Object.keys(records[0]!), ['phrase', 'count', 'kind', 'method', 'category', 'year', 'source', 'abbreviations', 'occurrences']);
    assert.deepEqual((records[0]!.occurrences as unknown[])[0], { offset: 5, length: 4, line: 1, column: 6 });
  });

  it('moves to the next and previous occurrence, wrapping around', () => {
    const all = allOccurrences(slogans);
    assert.ok(all.length > 3);
    assert.deepEqual(nextOccurrence(slogans, -1, 'next'), all[0]);
    assert.equal(nextOccurrence(slogans, all[0]!.occurrence.offset, 'next')!.occurrence.offset, all[1]!.occurrence.offset);
    assert.deepEqual(nextOccurrence(slogans, fixture.length, 'next'), all[0]);
    assert.deepEqual(nextOccurrence(slogans, 0, 'previous'), all[all.length - 1]);
    assert.equal(nextOccurrence(slogans, all[2]!.occurrence.offset, 'previous')!.occurrence.offset, all[1]!.occurrence.offset);
    assert.equal(nextOccurrence([], 0, 'next'), undefined);
  });

  it('finds the innermost slogan under a position and its neighbours', () => {
    const at = fixture.indexOf('八八戰略');
    const hit = sloganAt(slogans, at + 1)!;
    assert.equal(hit.slogan.phrase, '八八战略');
    assert.equal(hit.index, 0);
    const { previous, next } = neighbourOccurrences(hit.slogan, 0);
    assert.equal(previous, hit.slogan.occurrences[2]);
    assert.equal(next, hit.slogan.occurrences[1]);
    assert.equal(sloganAt(slogans, 0), undefined);
  });

  it('measures coverage', () => {
    const c = sloganCoverage(fixture, slogans);
    assert.equal(c.totalUnits, fixture.length);
    assert.ok(c.markedUnits > 50 && c.share < 0.3, `${c.share}`);
    assert.ok(c.markedHan <= c.markedUnits && c.hanShare > c.share);
    assert.deepEqual(sloganCoverage('', []), { markedUnits: 0, totalUnits: 0, markedHan: 0, totalHan: 0, share: 0, hanShare: 0 });
  });

  it('turns line blocks into offset ranges', () => {
    const text = 'a\nbb\r\nccc\n';
    assert.deepEqual(lineBlocksToRanges(text, [{ start: 1, end: 2 }]), [{ start: 2, end: 10 }]);
    assert.deepEqual(lineBlocksToRanges(text, [{ start: 3, end: 3 }]), [{ start: 10, end: 10 }]);
  });
});
