/**
 * The page shapes of issue 11, on fixtures written for the project (test/fixtures/boilerplate): content stays
 * (structured content included), furniture folds, each block keeps its reason.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeBoilerplate, detectBoilerplate, type BoilerplateResult } from '../../src/core/boilerplate';
import { convertText } from '../../src/core/convert';
import { splitLines } from '../../src/core/text';
import { fixture, folded, linesWith } from './support/boilerplate';

function check(text: string, visible: string[], hidden: string[]): BoilerplateResult {
  const result = detectBoilerplate(text);
  const inBlocks = folded(result);
  for (const n of visible) for (const i of linesWith(text, n)) assert.ok(!inBlocks.has(i), `line ${i} (${n}) should stay visible`);
  for (const n of hidden) for (const i of linesWith(text, n)) assert.ok(inBlocks.has(i), `line ${i} (${n}) should fold`);
  return result;
}

const reasonOf = (text: string, needle: string): string | undefined => analyzeBoilerplate(text).lineClasses[linesWith(text, needle)[0]!]!.reason;

describe('boilerplate: an encyclopedia article with infobox, tables, track lists and navboxes', () => {
  const text = fixture('encyclopedia-article.txt');

  it('keeps the infobox, every table row, the track list, the caption, references and external links', () => {
    check(
      text,
      ['出生  1978年5月12日', '职业  歌手', '配偶  周明远', '2019年林晓岚在泉州的演唱会上', '年份  专辑名称', '1996年  《海边的风》', '2011年  《归来》', '《城南旧事》曲目', '1. 城南旧事', '5. 再见少年', '年份  剧名', '2013年  《小城故事》', '2009年—2012年  《周末音乐会》', '^ 林晓岚：用民谣唱出故乡', '外部链接[编辑]', '林晓岚的官方网站', '早年经历[编辑]', '林晓岚出生于泉州'],
      [],
    );
  });

  it('folds the page tools, the tagline, the navboxes, the categories and the footer', () => {
    check(text, [], ['开关目录', '查看历史', '维基共享资源', '自由的百科全书', '[显示]', '合作歌手', '周明远 · 陈海', '年度最佳女歌手奖得主', '分类：', '在世人物', '隐私政策', '手机版视图']);
    assert.equal(reasonOf(text, '合作歌手'), 'navbox');
    assert.equal(reasonOf(text, '在世人物'), 'categories');
  });

  it('does the same in Traditional script', () => {
    const t = convertText(text, 's2t');
    check(t, ['1996年  《海邊的風》', '5. 再見少年'], ['[顯示]', '在世人物']);
  });
});

describe('boilerplate: a portal article followed by a recommendation feed', () => {
  const text = fixture('portal-feed.txt');

  it('keeps the title, the byline and the paragraphs', () => {
    check(text, ['江城地铁四号线首段今日开通', '来源：江城晚报', '今天上午', '据江城地铁集团介绍', '沿线居民王女士说'], []);
  });

  it('folds the feed with its 跟贴 counts, the paid-content promotion and the one-liners', () => {
    check(text, [], ['下载APP', '分享到', '打开江城新闻APP，继续阅读', '相关推荐', '外卖骑手', '暴雨预警', '老城区停车难', '付费内容精选', '人已购', '文明上网，登录评论！', '网站地图', 'Copyright']);
    assert.equal(reasonOf(text, '外卖骑手'), 'feed');
  });
});

describe('boilerplate: a school site under a mega-menu with a repeated tagline', () => {
  const text = fixture('mega-menu.txt');

  it('folds the menu and every copy of the tagline, keeps the title, byline and article', () => {
    check(text, ['我校举行青年教师教学基本功比赛', '发布时间：2024-05-10', '为提升青年教师', '比赛分为', '校长在总结时指出'], ['学校概况', '厚德博学 求实创新', '招生简章', '上一篇', '版权所有', '建议最佳浏览效果为 1024*768 分辨率']);
  });
});

describe('boilerplate: a 404 page with a hot list', () => {
  it('folds everything, the hot list included, and says why', () => {
    const text = fixture('error-404.txt');
    const result = check(text, [], ['404', '页面不存在', '← 返回首页', '热门文章', '如何用三个步骤', '一张图看懂网格系统', 'Copyright']);
    assert.ok(result.blocks.some((b) => b.reason === 'error-page'), JSON.stringify(result.blocks));
  });

  it('keeps an article that merely mentions 404', () => {
    const text = `首页 | 新闻 | 科技\n登录 | 注册\n当前位置：首页 > 科技\n网站报错404是什么意思\n${'当你访问一个已经被删除的网页时，服务器会返回404状态码，浏览器上就会显示页面不存在的提示，这并不说明你的网络出了问题。'.repeat(3)}\n${'网站管理员应当为删除的页面设置跳转，让读者找到新的地址，也可以设计一个友好的错误页面，列出网站的主要栏目。'.repeat(2)}\n版权所有 © 2024 科技网\n`;
    check(text, ['当你访问一个已经被删除的网页时', '网站管理员应当'], ['登录 | 注册', '版权所有']);
  });
});

describe('boilerplate: an essay that asks its question twice', () => {
  it('keeps the title and both copies of the rhetorical question', () => {
    const text = fixture('essay-repeated-question.txt');
    check(text, ['作者：陈远', '在一个什么都可以搜索到的时代', '我会说'], ['登录 | 注册', '上一篇', 'Copyright']);
    for (const i of linesWith(text, '我们为什么还要读书？')) assert.ok(!folded(detectBoilerplate(text)).has(i), `line ${i} folded`);
  });
});

describe('boilerplate: a forum thread with short posts and board chrome', () => {
  const text = fixture('forum-posts.txt');

  it('keeps the thread title, every post however short, its author and its floor/date line', () => {
    check(text, ['周末去哪里吃早茶？求推荐', '周末想带家里老人', '南门那家老字号不错', '同意楼上', '发表于 2024-3-2 09:15:22', '发表于 2024-3-2 11:18:30'], []);
    // Whole lines: a one-character post (顶) and the authors' names.
    for (const author of ['顶', '小城故事', '老街坊', '吃货小王', '阿芳']) assert.ok(!folded(detectBoilerplate(text)).has(splitLines(text).indexOf(author)), author);
  });

  it('folds the board chrome between the posts', () => {
    check(text, [], ['当前离线', '积分', '楼主', '沙发', '板凳', '地板', '回复', '举报', '[复制链接]', '快速回复', 'Copyright']);
    assert.equal(reasonOf(text, '当前离线'), 'forum');
  });
});

describe('boilerplate: one-liners of furniture', () => {
  const article = '江城召开防汛工作会议\n来源：江城日报  作者：李青\n' + '会议强调，各地各部门要把思想和行动统一到防汛工作部署上来，压实责任，细化措施，确保群众生命财产安全。\n'.repeat(3);
  for (const line of ['下载APP', '打开江城新闻APP，继续阅读', '文明上网，登录评论！', '建议最佳浏览效果为 1024*768 分辨率', '← 返回']) {
    it(`folds ${line} below an article`, () => {
      const text = `首页 | 新闻 | 政务\n登录 | 注册\n${article}${line}\n网站地图 | 联系我们\nCopyright © 2024 江城网 版权所有\n`;
      check(text, ['会议强调', '来源：江城日报'], [line]);
    });
  }

  it('still folds a header that is mostly furniture with empty fields, and keeps the title above it', () => {
    const text = `首页 | 新闻 | 政务\n登录 | 注册\n江城召开防汛工作会议\n來源 :       作者 :      時間 : 2023-02-16    點擊數:104  打印\n${article.split('\n').slice(2).join('\n')}網站地圖 | 聯系我們\nCopyright © 2024 江城网 版权所有\n`;
    const result = check(text, ['江城召开防汛工作会议', '会议强调'], ['點擊數']);
    assert.equal(result.blocks.find((b) => b.start <= 3 && 3 <= b.end)?.reason, 'header');
  });
});
