/**
 * Article shapes whose content the detector once hid, on fixtures written for the project
 * (test/fixtures/boilerplate): a reference page's title block and section headings, a self-media post broken
 * into short lines, a feed whose blurbs outweigh the article above it, a sidebar above a blog post, an index
 * page's cut-off headlines, a blog post with the campsite's contact details.
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

describe('boilerplate: a reference page with a short poem, its title block and its sections', () => {
  const text = fixture('poem-reference.txt');

  it('keeps the title block between the breadcrumb and the byline: romanisation, title, era, author', () => {
    const lines = text.split('\n');
    const inBlocks = folded(detectBoilerplate(text));
    for (const head of ['chūn xiǎo', '春晓', '朝代：唐代', '作者：孟浩然']) assert.ok(!inBlocks.has(lines.indexOf(head)), head);
  });

  it('keeps each section heading beside its 更多 link, the cut-off note and the sections’ bylines', () => {
    check(text, ['春眠不觉晓', '译文及注释', '春天睡醒', '③知多少', '创作背景', '这首诗是诗人隐居', '赏析', '这首诗看似信手拈来'], []);
    const lines = text.split('\n');
    const inBlocks = folded(detectBoilerplate(text));
    for (const head of ['译文', '注释', '作者：佚名']) for (const [i, l] of lines.entries()) if (l === head) assert.ok(!inBlocks.has(i), `${head} at ${i}`);
  });

  it('folds the menus, the 更多 links, the licence line and the list of other poems', () => {
    check(text, [], ['设为首页', '您在这里', '转载请注明', '猜你喜欢', '过故人庄', '宿建德江', 'Copyright']);
    for (const [i, l] of text.split('\n').entries()) if (l === '更多') assert.ok(folded(detectBoilerplate(text)).has(i), `更多 at ${i}`);
  });

  it('does the same in Traditional script', () => {
    const t = convertText(text, 's2t');
    check(t, ['創作背景', '賞析', '朝代：唐代', 'chūn xiǎo'], ['加入收藏', 'Copyright']);
  });
});

describe('boilerplate: a self-media post that breaks its sentences over short lines', () => {
  const text = fixture('selfmedia-post.txt');

  it('keeps the title, the dateline, every broken line (the one that names a link too) and the closing source line', () => {
    check(text, ['江城二号桥下周起封闭施工！', '2024-05-17', '下周一，', '也是对市民出行影响最大的一段。', '什么？', '你还不知道？', '快点击这里了解一下！', '二号桥将半幅封闭', '日后的更安全、更畅通。', '来源：江城交警'], []);
  });

  it('folds the share bar, the caption tag, the disclaimer and the comment counters', () => {
    check(text, ['下周一，'], ['分享到', '用微信扫描二维码', '（点击看清晰大图）', '特别声明', '热门跟贴', 'Copyright']);
  });
});

describe('boilerplate: a portal article followed by a feed whose blurbs hold more prose than the article', () => {
  const text = fixture('feed-outweighs-article.txt');

  it('keeps the article and folds the whole feed, its ad panels and the hot list', () => {
    check(text, ['江城馬拉松週日開跑', '一年一度的江城馬拉松', '主辦單位表示', '他在賽後說'], ['其他人也在看', '江城地鐵四號線通車', '江城地鐵四號線今天正式通車', '老城區停車難', '市府交通局今天表示', '外賣騎手的一天', '為什麼顯示這個廣告', '熱門新聞', 'Copyright']);
    assert.equal(analyzeBoilerplate(text).lineClasses[linesWith(text, '其他人也在看')[0]!]!.reason, 'feed');
  });
});

describe('boilerplate: a blog post below a sidebar that uses a feed opener (热门文章)', () => {
  it('keeps the whole post: a sidebar list without feed stamps does not close it', () => {
    const text = fixture('sidebar-above-post.txt');
    check(text, ['2024-01-12 20:15', '同学们，这个学期', '写作没有捷径', '最后，祝大家寒假愉快'], ['热门文章', '读《边城》笔记', '随笔 (32)', '发表留言', 'Copyright']);
  });
});

describe('boilerplate: a blog post with the campsite’s contact details inside it', () => {
  it('keeps the title, the date, and the phone, address, price and GPS lines; folds the sidebar and the comment box', () => {
    const text = fixture('blog-campsite.txt');
    check(
      text,
      ['2023-11-18 21:40', '今年的楓紅來得比較晚', '電話：03-5841234', '地址：新竹縣尖石鄉', '營位價格', 'GPS：24.6512', '營業時間', '下次想在十二月初'],
      ['近期文章', '苗栗南庄｜森林系營地', '基隆七堵', '露營 (48)', '全站熱搜', '發表留言', 'Copyright'],
    );
    const lines = text.split('\n');
    assert.ok(!folded(detectBoilerplate(text)).has(lines.lastIndexOf('新竹尖石｜楓林營地：秋天的第一場楓紅')), 'the post’s title');
  });
});

describe('boilerplate: cut-off headlines are links, not prose', () => {
  const text = fixture('portal-index.txt');

  it('reads a headline cut off with dots as a list item, commas or not', () => {
    const classes = analyzeBoilerplate(text).lineClasses;
    for (const needle of ['引起海外观众关注...', '观众络绎不绝..', '中外学生一起学画牡丹...']) {
      const c = classes[linesWith(text, needle)[0]!]!;
      assert.equal(c.intrinsic, 'bad', needle);
    }
  });

  it('still keeps a cut-off line with a full stop inside (a shortened note)', () => {
    const poem = fixture('poem-reference.txt');
    assert.notEqual(analyzeBoilerplate(poem).lineClasses[linesWith(poem, '③知多少')[0]!]!.intrinsic, 'bad');
  });

  it('folds no more than the cued lines of a page that has no article at all', () => {
    const result = detectBoilerplate(text);
    const inBlocks = folded(result);
    for (const needle of ['登录', '更多>>', 'Copyright']) for (const i of linesWith(text, needle)) assert.ok(inBlocks.has(i), needle);
  });
});
