import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  analyzeBoilerplate,
  boilerplateFoldingRanges,
  boilerplateLineCount,
  detectBoilerplate,
  mainText,
  removeBoilerplateEdits,
  type BoilerplateResult,
} from '../../src/core/boilerplate';
import { CueMatcher, CUES, widenScripts } from '../../src/core/boilerplateCues';
import { convertText } from '../../src/core/convert';
import { applyEdits, countHan, splitLines } from '../../src/core/text';
import { ROOT } from './support/cli';
import { fixture, folded, linesWith } from './support/boilerplate';

function assertFolded(text: string, result: BoilerplateResult, needles: string[]): void {
  const inBlocks = folded(result);
  for (const n of needles) for (const i of linesWith(text, n)) assert.ok(inBlocks.has(i), `line ${i} (${n}) should be boilerplate`);
}

function assertVisible(text: string, result: BoilerplateResult, needles: string[]): void {
  const inBlocks = folded(result);
  for (const n of needles) for (const i of linesWith(text, n)) assert.ok(!inBlocks.has(i), `line ${i} (${n}) should stay visible`);
}

describe('detectBoilerplate: result shape', () => {
  it('gives exactly { lines, blocks: [{ start, end, reason }] }, 0-based and inclusive', () => {
    const text = fixture('portal-simplified.txt');
    const result = detectBoilerplate(text);
    assert.deepEqual(Object.keys(result).sort(), ['blocks', 'lines']);
    assert.equal(result.lines, text.split('\n').length);
    let previousEnd = -1;
    for (const b of result.blocks) {
      assert.deepEqual(Object.keys(b).sort(), ['end', 'reason', 'start']);
      assert.ok(b.start > previousEnd && b.end >= b.start && b.end < result.lines, JSON.stringify(b));
      previousEnd = b.end;
    }
  });

  it('counts lines as the editor does: split on \\n, a \\r before it belongs to the break', () => {
    assert.equal(detectBoilerplate('').lines, 1);
    assert.equal(detectBoilerplate('一\n二\n').lines, 3);
    const lf = fixture('news-traditional.txt');
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(detectBoilerplate(crlf), detectBoilerplate(lf));
  });

  it('never starts or ends a block on a blank line, except at the very start or end of the file', () => {
    const text = fixture('news-traditional.txt');
    const lines = splitLines(text);
    const result = detectBoilerplate(text);
    for (const b of result.blocks) {
      if (b.start > 0) assert.notEqual(lines[b.start]!.trim(), '', `block ${b.start}-${b.end} starts blank`);
      if (b.end < lines.length - 1) assert.notEqual(lines[b.end]!.trim(), '', `block ${b.start}-${b.end} ends blank`);
    }
  });
});

describe('detectBoilerplate on a re-posted provincial news article (Traditional, mixed script)', () => {
  const text = fixture('news-traditional.txt');
  const result = detectBoilerplate(text);

  it('folds the 來源/作者/時間/點擊數/打印 header and both copies of the footer', () => {
    assertFolded(text, result, ['點擊數', '聯系我們', '郵編', '電話', 'Email', '友情鏈接', '關注我們', 'Copyright', 'Baidu', 'sogou']);
    const header = linesWith(text, '點擊數')[0]!;
    assert.equal(result.blocks.find((b) => b.start <= header && header <= b.end)?.reason, 'header');
  });

  it('keeps the title, the subheading between paragraphs and every paragraph of the article', () => {
    assertVisible(text, result, ['堅持創新驅動', '本報訊', '會議強調', '加快建設創新型城市', '會議要求', '市直有關部門主要負責人參加會議']);
  });

  it('folds the stray character above the title', () => {
    assert.ok(folded(result).has(0));
  });
});

describe('detectBoilerplate on a Simplified portal page (one block per line, no blank lines)', () => {
  const text = fixture('portal-simplified.txt');
  const result = detectBoilerplate(text);

  it('folds menu, breadcrumb, font bar, share bar, previous/next, related list and footer', () => {
    assertFolded(text, result, ['首页 | 新闻', '登录', '当前位置', '字体', '分享到', '上一篇', '下一篇', '相关阅读', '城市更新行动', '网站地图', '主办单位', '邮编', 'Copyright']);
  });

  it('keeps the title, the byline, the subheading, all four paragraphs and the editor credit', () => {
    // The byline (date, source, editor) and the closing credit say where and when the text appeared.
    assertVisible(text, result, ['江城启动老旧小区改造', '来源：江城日报', '记者从市住房', '据介绍', '加装电梯成为亮点', '在已经完成改造', '市住建局有关负责人', '责任编辑']);
  });

  it('names each block by its cues', () => {
    const reasons = result.blocks.map((b) => b.reason);
    assert.equal(reasons[0], 'navigation');
    assert.ok(reasons.includes('share-bar'), reasons.join());
  });
});

describe('detectBoilerplate keeps what only looks like boilerplate', () => {
  it('keeps a table and the signature of a notice, folds its breadcrumb and footer', () => {
    const text = fixture('notice-with-table.txt');
    const result = detectBoilerplate(text);
    // The date line under the title says when the notice appeared: content, its view counter glued to it.
    assertVisible(text, result, ['关于举办', '发布时间', '各学院', '日期', '14:30', '张伟', '人工智能与语言学习', '二、其他事项', '教务处', '2024年3月1日']);
    assertFolded(text, result, ['当前位置', '上一篇', '下一篇', '版权所有']);
  });

  it('folds nothing in a poem, a word list or notes without a web page around them', () => {
    const poem = '静夜思\n李白\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n';
    const words = '苹果 píngguǒ apple\n香蕉 xiāngjiāo banana\n橙子 chéngzi orange\n西瓜 xīguā watermelon\n';
    const notes = '# 读书笔记\n\n- 第一章\n- 第二章\n\n作者：鲁迅\n\n要点\n人物\n';
    for (const text of [poem, words, notes]) assert.deepEqual(detectBoilerplate(text).blocks, [], text);
    const list = `来源：初级汉语课本  作者：王老师\n${words}版权所有\n`;
    assertVisible(list, detectBoilerplate(list), ['苹果', '香蕉', '橙子', '西瓜']);
  });

  it('keeps English prose in a README and folds at most its licence line', () => {
    const text = [
      '# zhdoc sample',
      '',
      'This project reads Chinese documents, converts between scripts and shows pinyin.',
      'It works on plain text copied from web pages, where menus and footers get in the way.',
      '',
      'Copyright (c) 2024 Example Authors. All rights reserved.',
    ].join('\n');
    const result = detectBoilerplate(text);
    assertVisible(text, result, ['# zhdoc sample', 'This project', 'It works on']);
  });

  it('never folds a whole file that has uncued lines, even with no long paragraph in it', () => {
    const text = '标题行\n\n正文第一段，内容不长，也是正文。\n正文第二段，内容也不长。\n\n版权所有 © 某网\n联系我们\n地址：某路1号\n';
    const result = detectBoilerplate(text);
    assertVisible(text, result, ['标题行', '正文第一段', '正文第二段']);
    assertFolded(text, result, ['版权所有', '联系我们', '地址']);
  });

  it('keeps a short line between two paragraphs and a short closing sentence', () => {
    const text = [
      '首页 | 新闻 | 体育 | 娱乐',
      '当前位置：首页 > 新闻',
      '今天上午，市里召开了防汛工作会议，部署今年的防汛抗旱工作，要求各地做好应急准备。',
      '专家观点',
      '专家认为，今年汛期降雨偏多，各地要提前排查隐患，加强值班值守，确保安全度汛。',
      '会议到此结束。',
      '版权所有 © 2024 某某网  京ICP备00000000号',
    ].join('\n');
    const result = detectBoilerplate(text);
    assertVisible(text, result, ['今天上午', '专家观点', '专家认为', '会议到此结束']);
    assertFolded(text, result, ['首页 | 新闻', '当前位置', '版权所有']);
  });
});

describe('detectBoilerplate on a forum thread', () => {
  it('keeps the opening post and its author line, folds the list of reply titles after 回复线索', () => {
    const text = fixture('forum-thread.txt');
    const result = detectBoilerplate(text);
    assertVisible(text, result, ['作者：小河流水', '三号线开通一周了']);
    assertFolded(text, result, ['江城论坛', '回复线索', '同感', '我在换乘站走错了两次', '还是骑车方便', '主题已经关闭']);
  });
});

describe('detectBoilerplate on the project sample', () => {
  it('folds the header and the footers of samples/sample-article.txt and keeps every paragraph', () => {
    const text = readFileSync(join(ROOT, 'samples/sample-article.txt'), 'utf8');
    const result = detectBoilerplate(text);
    const lines = splitLines(text);
    const paragraphs = lines.flatMap((l, i) => (countHan(l) >= 40 ? [i] : []));
    assert.ok(paragraphs.length >= 4);
    const inBlocks = folded(result);
    for (const i of paragraphs) assert.ok(!inBlocks.has(i), `paragraph at line ${i} folded`);
    assert.ok(!inBlocks.has(0), 'title folded');
    assertFolded(text, result, ['點擊數', '聯繫我們', 'Copyright', 'Baidu']);
  });
});

describe('sensitivity and user cues', () => {
  it('folds at least as much when aggressive as when conservative, on the portal page', () => {
    const text = fixture('portal-simplified.txt');
    const conservative = folded(detectBoilerplate(text));
    const aggressive = folded(detectBoilerplate(text, { sensitivity: 'aggressive' }));
    for (const i of conservative) assert.ok(aggressive.has(i), `line ${i}`);
  });

  it('treats an unknown sensitivity as conservative', () => {
    const text = fixture('portal-simplified.txt');
    assert.deepEqual(detectBoilerplate(text, { sensitivity: 'bogus' as never }), detectBoilerplate(text));
  });

  it('folds lines with a user cue, matched as a literal in either script', () => {
    const text = '推廣：江城旅遊節門票八折\n今天上午，市里召开了防汛工作会议，部署今年的防汛抗旱工作，要求各地做好应急准备。\n';
    assert.deepEqual(detectBoilerplate(text).blocks, []);
    const result = detectBoilerplate(text, { extraCues: ['推广：'] });
    assert.deepEqual(result.blocks, [{ start: 0, end: 0, reason: 'user' }]);
  });

  it('accepts /regular expressions/ and ignores invalid or empty cues, listing them', () => {
    const text = '【赞助】江城旅游节门票八折\n今天上午，市里召开了防汛工作会议，部署今年的防汛抗旱工作，要求各地做好应急准备。\n';
    const analysis = analyzeBoilerplate(text, { extraCues: ['/^【赞助】/', '/[unclosed/', '', '/.*/', '/x/g'] });
    assert.deepEqual(analysis.blocks, [{ start: 0, end: 0, reason: 'user' }]);
    assert.deepEqual(analysis.ignoredCues, ['/[unclosed/', '', '/.*/', '/x/g']);
  });

  it('never folds a prose paragraph for a user cue', () => {
    const text = '今天上午，市里召开了防汛工作会议，部署今年的防汛抗旱工作，要求各地做好应急准备。\n';
    assert.deepEqual(detectBoilerplate(text, { extraCues: ['防汛'] }).blocks, []);
  });
});

describe('per-line analysis', () => {
  it('gives one entry per line with the decision, the intrinsic class, the evidence and the reason', () => {
    const text = fixture('portal-simplified.txt');
    const analysis = analyzeBoilerplate(text);
    assert.equal(analysis.lineClasses.length, analysis.lines);
    const inBlocks = folded(analysis);
    analysis.lineClasses.forEach((c, i) => {
      assert.equal(c.kind === 'boilerplate', inBlocks.has(i), `line ${i}`);
      if (c.kind === 'boilerplate') assert.ok(c.reason, `line ${i} has no reason`);
    });
    const paragraph = linesWith(text, '记者从市住房')[0]!;
    assert.equal(analysis.lineClasses[paragraph]!.intrinsic, 'good');
    assert.ok(analysis.lineClasses[paragraph]!.evidence > 0);
    const share = linesWith(text, '分享到')[0]!;
    assert.equal(analysis.lineClasses[share]!.reason, 'share-bar');
    assert.ok(analysis.lineClasses[share]!.evidence < 0);
  });

  it('counts the lines inside blocks', () => {
    const result = detectBoilerplate(fixture('portal-simplified.txt'));
    assert.equal(boilerplateLineCount(result), folded(result).size);
  });
});

describe('mainText and removeBoilerplateEdits', () => {
  it('keeps content lines exactly as written and closes the gaps blocks leave', () => {
    const text = 'x\n\n江城召开防汛工作会议\n\n来源：某报  作者：某人\n\n第一段，写得很长很长，有很多很多的内容，说明了事情的来龙去脉。\n\n第二段，同样写得很长，有很多的细节，交代了事情的结果和影响。\n\n\n联系我们\n地址：某市某路1号\n电话：010-12345678\nCopyright © 某网\n';
    const result = detectBoilerplate(text);
    assert.equal(
      mainText(text, result),
      '江城召开防汛工作会议\n\n来源：某报  作者：某人\n\n第一段，写得很长很长，有很多很多的内容，说明了事情的来龙去脉。\n\n第二段，同样写得很长，有很多的细节，交代了事情的结果和影响。\n',
    );
    const unterminated = text.replace(/\n$/, '');
    assert.equal(mainText(unterminated, detectBoilerplate(unterminated)), mainText(text, result).replace(/\n$/, ''));
  });

  it('keeps \\r\\n breaks and gives the same text as applying the edits', () => {
    const text = fixture('news-traditional.txt').replace(/\n/g, '\r\n');
    const result = detectBoilerplate(text);
    const edits = removeBoilerplateEdits(text, result);
    const main = mainText(text, result);
    assert.equal(applyEdits(text, edits), main);
    assert.ok(!/(^|[^\r])\n/.test(main), 'a bare \\n appeared');
    assert.ok(main.startsWith('堅持創新驅動'));
    // The article's closing source line (來源:東方日報 2024年5月8日) is part of it.
    assert.ok(main.includes('市直有關部門主要負責人參加會議。'));
    assert.ok(main.endsWith('來源:東方日報 2024年5月8日'), JSON.stringify(main.slice(-40)));
    for (const line of splitLines(main)) if (line) assert.ok(splitLines(text).includes(line), line);
  });

  it('gives sorted, non-overlapping edits that only delete', () => {
    const text = fixture('portal-simplified.txt');
    const edits = removeBoilerplateEdits(text, detectBoilerplate(text));
    let last = -1;
    for (const e of edits) {
      assert.equal(e.text, '');
      assert.ok(e.offset > last && e.length > 0);
      last = e.offset + e.length;
    }
  });

  it('returns the text unchanged when there is no boilerplate', () => {
    const text = '床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n';
    const result = detectBoilerplate(text);
    assert.deepEqual(removeBoilerplateEdits(text, result), []);
    assert.equal(mainText(text, result), text);
  });
});

describe('boilerplateFoldingRanges', () => {
  it('hides every line of each block behind the line before it', () => {
    const result: BoilerplateResult = {
      lines: 10,
      blocks: [
        { start: 0, end: 2, reason: 'navigation' },
        { start: 5, end: 5, reason: 'header' },
        { start: 8, end: 9, reason: 'footer' },
      ],
    };
    assert.deepEqual(boilerplateFoldingRanges(result), [
      { start: 0, end: 2 },
      { start: 4, end: 5 },
      { start: 7, end: 9 },
    ]);
    assert.deepEqual(boilerplateFoldingRanges({ lines: 3, blocks: [{ start: 0, end: 0, reason: 'navigation' }] }), []);
  });
});

describe('widenScripts', () => {
  it('matches a Simplified cue in Traditional and mixed text, and keeps \\s within a line', () => {
    const re = new RegExp(widenScripts('^联系我们\\s*$'), 'm');
    assert.ok(re.test('聯繫我們'));
    assert.ok(re.test('聯系我們'));
    assert.ok(!new RegExp(widenScripts('来源\\s*作者')).test('来源\n作者'));
  });
});

describe('cue words in both scripts', () => {
  it('matches every built-in cue word in its OpenCC Traditional, Taiwan and Hong Kong forms', () => {
    const missed: string[] = [];
    for (const spec of CUES) {
      // The word alone: conditions on what precedes or follows it are tested with the detector above.
      const matcher = new CueMatcher([{ reason: spec.reason, kind: spec.kind, words: spec.words }]);
      for (const word of spec.words.split(' ')) {
        for (const config of ['s2t', 's2tw', 's2hk'] as const) {
          const traditional = convertText(word, config);
          let found = false;
          matcher.scan(traditional, 0, 0, traditional.length, () => {
            found = true;
          });
          if (!found) missed.push(`${word} → ${traditional} (${config})`);
        }
      }
    }
    assert.deepEqual(missed, []);
  });
});
