/**
 * Structure inside and right after the article that line evidence alone took for furniture, on fixtures written
 * for the project (test/fixtures/boilerplate): an encyclopedia entry's reference list (a number on one line, the
 * citation with its date on the next), a paper's 参考文献, the article's own contact block at its end (a blog
 * post's campsite, a notice's organisers) against the site's contact footer, a blog post stamped in English
 * with a weekday, its comment list under 留言列表, and phrases written with spaces instead of commas.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeBoilerplate, detectBoilerplate } from '../../src/core/boilerplate';
import { convertText } from '../../src/core/convert';
import { fixture, folded, linesWith } from './support/boilerplate';

function check(text: string, visible: string[], hidden: string[]): void {
  const inBlocks = folded(detectBoilerplate(text));
  for (const n of visible) for (const i of linesWith(text, n)) assert.ok(!inBlocks.has(i), `line ${i} (${n}) should stay visible`);
  for (const n of hidden) for (const i of linesWith(text, n)) assert.ok(inBlocks.has(i), `line ${i} (${n}) should fold`);
}

describe('boilerplate: an encyclopedia entry whose references are numbered on lines of their own', () => {
  const text = fixture('encyclopedia-references.txt');
  const visible = ['青川湖湿地公园是位于', '中文名', '1260公顷', '2009年，青川市', '公园内记录到鸟类', '参考资料', '青川日报 [引用日期', '江北新闻网．2023-11-20', '青川市湿地保护条例'];
  const hidden = ['登录', '个人中心', '词条统计', '浏览次数', '相关搜索', '湿地公园门票', '京ICP证'];

  it('keeps the reference list, its numbers and citations, and folds the statistics and footer below it', () => {
    check(text, visible, hidden);
    const lines = text.split('\n');
    const refs = linesWith(text, '参考资料')[0]!;
    for (const n of ['1', '2', '3']) assert.ok(!folded(detectBoilerplate(text)).has(lines.indexOf(n, refs)), `reference number ${n}`);
  });

  it('does the same in Traditional script', () => {
    const t = convertText(text, 's2t');
    check(t, visible.map((v) => convertText(v, 's2t')), hidden.map((h) => convertText(h, 's2t')));
  });

  it('keeps a paper’s 参考文献 with bibliography tags, and does not take a menu under a references word for a list', () => {
    const paper = [
      '首页 | 期刊 | 投稿 | 关于我们',
      '摘要',
      '本文以某电商平台为例，分析了农产品网络销售中冷链物流的主要问题，并从仓储布局、配送路线和信息共享三个方面提出了改进建议，为同类平台提供参考。',
      '随着农产品网络销售规模的扩大，冷链物流的成本和时效成为平台竞争的关键，本文在调研的基础上讨论了可行的改进方案。',
      '参考文献',
      '[1]  张某. 农产品冷链物流研究[D]. 南京: 某某大学, 2018.',
      '[2]  李某, 王某. 电商平台配送路线优化[J]. 物流科技, 2020(4): 21-25.',
      '[3]  赵某. 冷链物流管理[M]. 北京: 某某出版社, 2019.',
      '友情链接',
      '投稿须知',
      'Copyright © 2024 某某出版社 版权所有',
    ].join('\n');
    check(paper, ['参考文献', '[1]  张某', '[2]  李某', '[3]  赵某'], ['友情链接', 'Copyright']);
    const menu = [
      '某某学院图书馆',
      '本馆现有藏书一百二十万册，电子期刊两万余种，为全校师生提供借阅、检索、查新和学科咨询服务，周一至周日开放。',
      '读者可以通过统一认证登录馆藏目录，查询图书的馆藏地点和借阅状态，也可以在线预约和续借。',
      '参考资料',
      '数据库导航',
      '常见问题',
      '开放时间',
      'Copyright © 2024 某某学院图书馆 版权所有',
    ].join('\n');
    // Link titles under the word are not citations: nothing holds them (the reference list's lines get 4.5).
    const classes = analyzeBoilerplate(menu).lineClasses;
    for (const n of ['参考资料', '数据库导航', '常见问题']) assert.ok(classes[linesWith(menu, n)[0]!]!.evidence < 4.5, n);
  });
});

describe('boilerplate: a blog post with its campsite’s contact block at the end and reader comments below', () => {
  const text = fixture('blog-contacts-at-end.txt');
  const visible = ['Nov 16 Sat 2024 21:05', '這一次選在十一月中上山', '營區分成上下兩層', '收拾好裝備離開的時候', '溪谷營地   資訊', '聯絡電話', '營主 哈勇大哥', '營地地址', '每帳$800', '假日須提早預約', 'GPS: N24'];
  const hidden = ['找文章 找部落客', '相關文章', '粉絲專頁按讚分享', '上一篇：', '留言列表', '發表留言', '#1  小雨', '好漂亮的營地', '有的 下層營位都有雨棚', '已經預約下個月了', '送出留言', '最新文章', '露營 (32)', '© 2003'];

  it('keeps the date, the post (lines without commas too) and its contact block; folds the share line, the comments and the sidebar', () => {
    check(text, visible, hidden);
    assert.ok(!folded(detectBoilerplate(text)).has(linesWith(text, '苗栗泰安_溪谷營地初體驗')[0]!), 'the post’s title');
  });

  it('reads the comment list as comments, not as a forum thread: its floor lines fold', () => {
    const classes = analyzeBoilerplate(text).lineClasses;
    assert.equal(classes[linesWith(text, '留言列表')[0]!]!.reason, 'comments');
    assert.equal(classes[linesWith(text, '#2  阿明')[0]!]!.kind, 'boilerplate');
  });

  it('does the same in Simplified script', () => {
    const s = convertText(text, 't2s');
    check(s, visible.map((v) => convertText(v, 't2s')), hidden.map((h) => convertText(h, 't2s')));
  });
});

describe('boilerplate: a notice with its organisers’ contacts, against the site’s contact footer', () => {
  const text = fixture('notice-contacts.txt');

  it('keeps the organisers’ heading, names, phones and e-mail; folds the related list and the site’s address line', () => {
    check(
      text,
      ['关于举办第三届江南青年学者论坛的通知', '为促进青年学者', '东海出版社', '会务组联系方式', '王晓 老师', '电话：0510-00000001', 'forum@example.edu.cn', '李明 老师', '电话：0510-00000002'],
      ['当前位置', '相关信息', '顺利闭幕', '打印本页', '地址：江南市学府路100号', 'Copyright'],
    );
  });

  it('folds a contact block glued to the last paragraph with the licence after it, and one under a bare 联系我们', () => {
    const article = [
      '首页 | 政务公开 | 办事服务 | 互动交流',
      '当前位置：首页 > 政务公开',
      '关于开展春季植树活动的通知',
      '各街道、各部门：为改善城区生态环境，经研究，定于三月十二日组织开展春季义务植树活动，请各单位按分配的地段组织干部职工参加。',
      '请各单位于三月八日前将参加人数报区绿化办，活动当天统一发放树苗和工具，注意安全。',
    ];
    const glued = [...article, '地址：某某区人民路1号', '电话：0000-0000000', '邮编：000000', '版权所有 © 2024 某某区人民政府'].join('\n');
    check(glued, ['各街道、各部门'], ['地址：某某区', '电话：0000', '邮编：000000', '版权所有']);
    const underHeading = [...article, '联系我们', '地址：某某区人民路1号', '电话：0000-0000000', '友情链接', '版权所有 © 2024 某某区人民政府'].join('\n');
    check(underHeading, ['各街道、各部门'], ['联系我们', '地址：某某区', '电话：0000', '版权所有']);
  });
});
