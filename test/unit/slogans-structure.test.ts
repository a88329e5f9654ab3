/**
 * The structural rules of slogan matching, on sentences written for these tests: derived wordings of a lexicon
 * form (without 的, numbers in digits), known formulae written together as one unit, items of an enumeration
 * the document writes out, a passage repeated word for word counting once, and parallel clauses joined by a comma.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSlogans, type Slogan, type SloganEntry } from '../../src/core/slogans';
import { chineseToNumber, formVariants, numberToChinese, renamedItemVariants } from '../../src/core/slogans/variants';
import { compoundSpans } from '../../src/core/slogans/compounds';

const entry = (phrase: string, abbreviations: string[] = [], category = '测试'): SloganEntry => ({ phrase, category, year: null, abbreviations, source: `来源：${phrase}` });
const byPhrase = (slogans: readonly Slogan[], phrase: string): Slogan | undefined => slogans.find((s) => s.phrase === phrase);
const texts = (text: string, s: Slogan | undefined): string[] => (s ? s.occurrences.map((o) => text.slice(o.offset, o.offset + o.length)) : []);
const known = (text: string, lexicon: SloganEntry[]): Slogan[] => findSlogans(text, { lexicon, discover: false });

describe('derived wordings of a lexicon form', () => {
  it('drops the one 的 of a form, and keeps forms that would become too short or have two', () => {
    assert.deepEqual(formVariants('风清气正的政治生态'), ['风清气正政治生态']);
    assert.deepEqual(formVariants('国之大的'), []);
    assert.deepEqual(formVariants('人民的美好的生活'), []);
    assert.deepEqual(formVariants('的确良好'), []);
  });

  it('writes numbers before 年, 世纪, 亿 and 万 the other way: years digit by digit, quantities by place', () => {
    assert.deepEqual(formVariants('二〇五〇年奋斗目标'), ['2050年奋斗目标']);
    assert.deepEqual(formVariants('2050年奋斗目标'), ['二〇五〇年奋斗目标']);
    assert.deepEqual(formVariants('十六亿亩林地'), ['16亿亩林地']);
    assert.deepEqual(formVariants('32亿亩林地'), ['三十二亿亩林地']);
    assert.deepEqual(formVariants('再延长二十年'), ['再延长20年']);
    // A bare place (千年, 百年) is a word, and a number without a unit (十四五, 中国制造2025) stays as it is.
    assert.deepEqual(formVariants('千年大计'), []);
    assert.deepEqual(formVariants('十四五规划'), []);
    assert.deepEqual(formVariants('中国制造2025'), []);
  });

  it('writes the one 和 between two formulae of four characters or more as 、, never a 和 inside a word', () => {
    assert.deepEqual(formVariants('政治纪律和政治规矩'), ['政治纪律、政治规矩']);
    assert.deepEqual(formVariants('党风廉政建设和反腐败斗争'), ['党风廉政建设、反腐败斗争']);
    assert.deepEqual(formVariants('统筹发展和安全'), [], 'one side is a word');
    assert.deepEqual(formVariants('两岸关系和平发展'), [], '和平 is a word');
    assert.deepEqual(formVariants('批评和自我批评'), []);
    assert.deepEqual(formVariants('政治纪律和政治规矩、组织纪律'), [], 'an enumeration already');
  });

  it('matches a 和-formula written with 、 or a comma under its entry', () => {
    const lexicon = [entry('学习纪律和工作纪律')];
    const text = '严守学习纪律、工作纪律，做到学习纪律，工作纪律两不误；嚴守學習紀律、工作紀律。';
    assert.deepEqual(texts(text, byPhrase(known(text, lexicon), '学习纪律和工作纪律')), ['学习纪律、工作纪律', '学习纪律，工作纪律', '學習紀律、工作紀律']);
  });

  it('reads and writes Chinese numbers', () => {
    assert.deepEqual(['二〇三五', '十八', '二十一', '一百零五', '三十', '一'].map(chineseToNumber), [2035, 18, 21, 105, 30, 1]);
    assert.equal(chineseToNumber('十十'), undefined);
    assert.deepEqual([18, 21, 30, 100, 105, 1, 10].map(numberToChinese), ['十八', '二十一', '三十', '一百', '一百零五', '一', '十']);
  });

  it('matches a derived wording under its entry, in either script', () => {
    const lexicon = [entry('风清气正的政治生态'), entry('二〇五〇年奋斗目标')];
    const text = '营造风清气正政治生态，实现2050年奋斗目标；營造風清氣正政治生態。';
    const slogans = known(text, lexicon);
    assert.deepEqual(texts(text, byPhrase(slogans, '风清气正的政治生态')), ['风清气正政治生态', '風清氣正政治生態']);
    assert.deepEqual(texts(text, byPhrase(slogans, '二〇五〇年奋斗目标')), ['2050年奋斗目标']);
  });

  it('never lets a derived wording take the place of another entry', () => {
    const lexicon = [entry('稳健的金融政策'), entry('稳健金融政策', [], '另一类')];
    const slogans = known('坚持稳健金融政策。', lexicon);
    assert.equal(slogans.length, 1);
    assert.equal(slogans[0]!.phrase, '稳健金融政策');
  });
});

describe('known formulae written together', () => {
  const lexicon = [entry('一个中国原则'), entry('九二共识'), entry('两岸和平发展', [], '港澳台')];

  it('marks two formulae joined by 和 as one span when the document writes the pair twice', () => {
    const text = '坚持一个中国原则和九二共识。双方重申一个中国原则和“九二共识”。另外，九二共识很重要。';
    const slogans = known(text, lexicon);
    const compound = byPhrase(slogans, '一个中国原则和九二共识')!;
    assert.equal(compound.kind, 'known');
    assert.equal(compound.count, 2);
    assert.deepEqual(texts(text, compound), ['一个中国原则和九二共识', '一个中国原则和“九二共识']);
    assert.equal(compound.source, '一个中国原则 + 九二共识');
    assert.equal(compound.category, '测试');
    assert.match(compound.reason!, /written together as one unit 2×/);
    assert.equal(byPhrase(slogans, '九二共识')!.count, 1, 'the member counts where it stands alone');
    assert.equal(byPhrase(slogans, '一个中国原则'), undefined);
  });

  it('leaves a pair written once as two formulae, and never joins a formula to itself', () => {
    const once = known('坚持一个中国原则和九二共识，推进两岸和平发展。', lexicon);
    assert.deepEqual(once.map((s) => s.phrase).sort(), ['一个中国原则', '两岸和平发展', '九二共识'].sort());
    const self = known('九二共识、九二共识。九二共识、九二共识。', lexicon);
    assert.deepEqual(self.map((s) => [s.phrase, s.count]), [['九二共识', 4]]);
  });

  it('joins with 、 and 与 but not with a comma, in Traditional script too', () => {
    const text = '堅持一個中國原則與九二共識，又講一個中國原則與九二共識。两岸和平发展，九二共识；两岸和平发展，九二共识。';
    const slogans = known(text, lexicon);
    assert.equal(byPhrase(slogans, '一个中国原则与九二共识')?.count, 2);
    assert.equal(byPhrase(slogans, '两岸和平发展')?.count, 2, 'a comma separates clauses');
  });

  it('ignores a compound by its phrase', () => {
    const text = '一个中国原则和九二共识；一个中国原则和九二共识。';
    const slogans = findSlogans(text, { lexicon, discover: false, ignore: ['一个中国原则和九二共识'] });
    assert.deepEqual(slogans.map((s) => [s.phrase, s.count]).sort(), [['一个中国原则', 2], ['九二共识', 2]]);
  });

  it('stops a chain after four members', () => {
    const match = 'A和B和C和D和E;A和B和C和D和E';
    const starts = Int32Array.from([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    const ends = starts.map((s) => s + 1);
    const spans = compoundSpans(match, { count: 10, starts, ends }, (j) => match[starts[j]!]!);
    assert.deepEqual(spans.map((s) => [s.first, s.last, s.key]), [[0, 3, 'A和B和C和D'], [5, 8, 'A和B和C和D']]);
  });
});

describe('items of an enumeration the document writes out', () => {
  const lexicon = [entry('压实主体责任、落实监督责任', [], '党建')];

  it('marks an item used on its own twice where the document has the whole formula', () => {
    const text = '各级党委要压实主体责任、落实监督责任。压实主体责任是关键，党委要压实主体责任。纪委要落实监督责任。';
    const slogans = known(text, lexicon);
    const part = byPhrase(slogans, '压实主体责任')!;
    assert.equal(part.kind, 'known');
    assert.equal(part.count, 2);
    assert.equal(part.category, '党建');
    assert.match(part.reason!, /an item of the formula 压实主体责任、落实监督责任/);
    assert.equal(byPhrase(slogans, '落实监督责任'), undefined, 'used alone once only');
    assert.equal(byPhrase(slogans, '压实主体责任、落实监督责任')!.count, 1);
  });

  it('leaves items unmarked without the whole formula, or when used far more often than it', () => {
    assert.deepEqual(known('压实主体责任是关键，党委要压实主体责任。', lexicon), []);
    const often = '压实主体责任、落实监督责任。' + '要压实主体责任。'.repeat(4);
    assert.equal(byPhrase(known(often, lexicon), '压实主体责任'), undefined);
  });

  it('matches what an item hid once the item is dropped', () => {
    const withLonger = [...lexicon, entry('主体责任清单')];
    // 压实主体责任 is used alone once (too few): the scan that skipped 主体责任清单 inside it must find it again.
    const text = '压实主体责任、落实监督责任。压实主体责任清单。';
    assert.deepEqual(texts(text, byPhrase(known(text, withLonger), '主体责任清单')), ['主体责任清单']);
  });
});

describe('an enumeration the document continues with further items', () => {
  const lexicon = [entry('自治、法治、德治'), entry('四个意识', ['政治意识、大局意识、核心意识、看齐意识']), entry('创新、协调、绿色'), entry('主体责任、监督责任')];

  it('marks the further items of the formula\'s shape (length and ending) as part of its occurrence, count and key unchanged', () => {
    // A one-character ending (…治) continues only where the further item ends the run.
    const text = '健全自治、法治、德治、智治，建设基层治理体系。坚持自治、法治、德治。';
    const s = byPhrase(known(text, lexicon), '自治、法治、德治');
    assert.deepEqual(texts(text, s), ['自治、法治、德治、智治', '自治、法治、德治']);
    assert.equal(s!.count, 2);
  });

  it('takes a last item joined by 和, and nothing after it', () => {
    const text = '增强政治意识、大局意识、核心意识、看齐意识和忧患意识、责任意识。';
    assert.deepEqual(texts(text, byPhrase(known(text, lexicon), '四个意识')), ['政治意识、大局意识、核心意识、看齐意识和忧患意识']);
  });

  it('continues in Traditional script as in Simplified', () => {
    const text = '增強政治意識、大局意識、核心意識、看齊意識、憂患意識。';
    assert.deepEqual(texts(text, byPhrase(known(text, lexicon), '四个意识')), ['政治意識、大局意識、核心意識、看齊意識、憂患意識']);
  });

  it('stops where the next item has another shape, cuts a word, follows a comma, or is the same item again', () => {
    for (const [text, want] of [
      ['增强政治意识、大局意识、核心意识、看齐意识、担当精神。', '政治意识、大局意识、核心意识、看齐意识'],
      ['增强政治意识、大局意识、核心意识、看齐意识，忧患意识也要增强。', '政治意识、大局意识、核心意识、看齐意识'],
      ['增强政治意识、大局意识、核心意识、看齐意识、政治意识。', '政治意识、大局意识、核心意识、看齐意识'],
      ['坚持自治、法治、德治、政治性强的原则。', '自治、法治、德治'],
      ['健全自治、法治、德治、智治相结合的体系。', '自治、法治、德治'],
    ] as const) {
      assert.deepEqual(texts(text, byPhrase(known(text, lexicon), '四个意识') ?? byPhrase(known(text, lexicon), '自治、法治、德治')), [want], text);
    }
  });

  it('never continues items without a shared ending, or a formula of two items', () => {
    const text = '贯彻创新、协调、绿色、开放理念，落实主体责任、监督责任、领导责任。';
    const slogans = known(text, lexicon);
    assert.deepEqual(texts(text, byPhrase(slogans, '创新、协调、绿色')), ['创新、协调、绿色']);
    assert.deepEqual(texts(text, byPhrase(slogans, '主体责任、监督责任')), ['主体责任、监督责任']);
  });

  it('takes at most three further items and stops before the next known formula', () => {
    const text = '坚持自治、法治、德治、智治、善治、共治、众治。自治、法治、德治、四个意识。';
    const s = byPhrase(known(text, lexicon), '自治、法治、德治');
    assert.deepEqual(texts(text, s), ['自治、法治、德治、智治、善治、共治', '自治、法治、德治']);
  });
});

describe('enumerations whose items were renamed by a prefix', () => {
  it('derives the wording with an item replaced by a listed form that adds 全面, 坚持, 新的, 决胜 or 深入', () => {
    const keys = ['依法治军、从严治军', '全面从严治军', '坚持依法治军', '青年依法治军', '治军', '全面治军'];
    // 青年… is a noun, not a renaming prefix; 治军 is too short an item to rename.
    assert.deepEqual(renamedItemVariants(keys).get('依法治军、从严治军'), ['坚持依法治军、从严治军', '依法治军、全面从严治军']);
    assert.equal(renamedItemVariants(['治军、练兵', '全面治军']).size, 0);
  });

  it('marks the renamed wording under the enumeration, item and all, in either script', () => {
    const lexicon = [entry('依法治军、从严治军', [], '国防'), entry('全面从严治军', [], '国防')];
    const text = '坚持依法治军、全面从严治军，推进改革。堅持依法治軍、全面從嚴治軍。';
    const slogans = known(text, lexicon);
    assert.deepEqual(texts(text, byPhrase(slogans, '依法治军、从严治军')), ['依法治军、全面从严治军', '依法治軍、全面從嚴治軍']);
    assert.equal(byPhrase(slogans, '全面从严治军'), undefined, 'the renamed item is inside the enumeration, not a second mark');
  });
});

describe('discovery: named goals in quoted clauses', () => {
  it('finds a goal ending in 强省 that a quoted clause names as its object (成为…), not as the tail of a longer name', () => {
    const text = '省委提出要“努力发展成为茶叶经济强省”。随后出台《关于建设茶叶经济强省的意见》，各地推进茶叶经济强省建设。';
    const goal = byPhrase(findSlogans(text, { lexicon: [] }), '茶叶经济强省')!;
    assert.equal(goal.count, 3);
    assert.match(goal.reason!, /named 强省 \(head noun\), repeated/);
  });

  it('still drops the tail of a longer quoted name (…科技创新工程 of “八大科技创新工程”)', () => {
    const text = '实施“八大茶叶创新工程”。其中有现代茶叶创新工程、生态茶叶创新工程和品牌茶叶创新工程。';
    assert.equal(byPhrase(findSlogans(text, { lexicon: [] }), '茶叶创新工程'), undefined);
  });
});

describe('discovery: passages and parallel clauses', () => {
  it('counts a passage repeated word for word once', () => {
    // A paragraph given twice (a quotation, a page template): the same 20 units follow the phrase both times.
    const sentence = '会议强调，要在全市来一次强基础、补短板、扬优势的大行动，以新担当新作为开创全市高质量发展新局面。';
    const repeated = findSlogans('第一段写的是别的事情。' + sentence + '第二段也写别的事情。' + sentence + '文末另有说明。', { lexicon: [] });
    assert.equal(byPhrase(repeated, '强基础、补短板、扬优势'), undefined);
    const twice = findSlogans('会议要求强基础、补短板、扬优势，推动工作。下一步，各地继续强基础、补短板、扬优势，抓好落实。', { lexicon: [] });
    assert.equal(byPhrase(twice, '强基础、补短板、扬优势')?.count, 2);
  });

  it('finds two parallel clauses joined by a comma, written as a couplet twice', () => {
    const text = '他说：“思想必须跟上形势，工作必须落到实处。”全体干部牢记：思想必须跟上形势，工作必须落到实处，奋力前行。';
    const slogans = findSlogans(text, { lexicon: [] });
    const couplet = byPhrase(slogans, '思想必须跟上形势，工作必须落到实处')!;
    assert.equal(couplet.method, 'parallel');
    assert.equal(couplet.count, 2);
    assert.match(couplet.reason!, /2 parallel clauses of 8 characters joined by a comma, written 2×/);
  });

  it('leaves out clauses that merely have one length, that are part of a longer set, or that are prose', () => {
    const unparallel = '现场一人死亡，三人受伤严重。后来一人死亡，三人受伤严重。';
    const third = '思想必须跟上形势，工作必须落到实处，作风必须过硬到底。思想必须跟上形势，工作必须落到实处，作风必须过硬到底。另段。';
    const prose = '我们的工作很重要，他们的工作也重要。我们的工作很重要，他们的工作也重要！';
    for (const text of [unparallel, third, prose]) assert.deepEqual(findSlogans(text, { lexicon: [] }).filter((s) => s.method === 'parallel'), [], text);
  });
});
