/** Boilerplate folding in the real VS Code: ranges, Fold/Unfold, Extract Main Text, Remove, markdown headings. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { discardAll, openFile, openUntitled, setSetting, waitFor, zhdocApi } from './helpers';

const PARAGRAPH_STARTS = ['本報訊', '會議強調', '會議要求', '會議還就', '市直有關部門'];
const BOILERPLATE_MARKS = ['來源 :', '點擊數', '聯繫我們', '郵編', 'Copyright', '友情鏈接', 'Baidu', 'sogou'];

/** A fixture of test/fixtures/boilerplate, read from the repository (the tests run from out/test/integration). */
const fixture = (name: string): string => readFileSync(join(resolve(__dirname, '../../..'), 'test/fixtures/boilerplate', name), 'utf8');

/**
 * Lines hidden by folds in an editor: those no visible range covers. The suite shrinks the font so the whole
 * sample fits on screen, so lines off screen are never mistaken for folded ones.
 */
function hiddenLines(editor: vscode.TextEditor): number[] {
  const hidden: number[] = [];
  for (let line = 0; line < editor.document.lineCount; line++) {
    if (!editor.visibleRanges.some((r) => r.start.line <= line && line <= r.end.line)) hidden.push(line);
  }
  return hidden;
}

describe('boilerplate', () => {
  before(async () => {
    await setSetting('zhdoc.boilerplate.autoFold', false);
    await setSetting('editor.fontSize', 6);
    await setSetting('editor.lineHeight', 8);
    await setSetting('editor.wordWrap', 'off');
  });
  after(async () => {
    for (const key of ['zhdoc.boilerplate.autoFold', 'editor.fontSize', 'editor.lineHeight', 'editor.wordWrap']) await setSetting(key, undefined);
  });
  afterEach(discardAll);

  it('offers a folding range per boilerplate block of the sample page', async () => {
    const api = await zhdocApi();
    const editor = await openFile('samples/sample-article.txt');
    const blocks = api.boilerplate.blocks(editor.document);
    assert.ok(blocks.length >= 2, JSON.stringify(blocks));
    const lines = editor.document.getText().split('\n');
    const blockLines = blocks.flatMap((b) => lines.slice(b.start, b.end + 1));
    for (const mark of BOILERPLATE_MARKS) assert.ok(blockLines.some((l) => l.includes(mark)), `${mark} is boilerplate`);
    for (const start of ['堅持深入實施', ...PARAGRAPH_STARTS]) assert.ok(!blockLines.some((l) => l.startsWith(start)), `${start}… is content`);

    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
    for (const b of blocks) {
      assert.ok(ranges.some((r) => r.start === Math.max(0, b.start - 1) && r.end === b.end), `a range hides lines ${b.start}-${b.end}`);
    }
  });

  it('folds exactly the boilerplate lines, and unfolds them', async () => {
    const api = await zhdocApi();
    const editor = await openFile('samples/sample-article.txt');
    await vscode.commands.executeCommand('zhdoc.foldBoilerplate');
    const blocks = api.boilerplate.blocks(editor.document);
    const expected = blocks.flatMap((b) => Array.from({ length: b.end - b.start + 1 }, (_, i) => b.start + i)).filter((l) => l > 0);
    await waitFor('boilerplate folded', () => JSON.stringify(hiddenLines(editor)) === JSON.stringify(expected));
    await waitFor('status hint', () => api.boilerplate.statusText()?.includes('folded'));
    await vscode.commands.executeCommand('zhdoc.unfoldBoilerplate');
    await waitFor('everything visible again', () => hiddenLines(editor).length === 0);
  });

  it('folds the page when it opens, with autoFold on', async () => {
    await setSetting('zhdoc.boilerplate.autoFold', true);
    try {
      const editor = await openFile('samples/sample-article.txt');
      await waitFor('auto-folded', () => hiddenLines(editor).length > 10, 10_000);
      assert.ok(!hiddenLines(editor).some((l) => PARAGRAPH_STARTS.some((p) => editor.document.lineAt(l).text.startsWith(p))), 'no paragraph hidden');
    } finally {
      await setSetting('zhdoc.boilerplate.autoFold', false);
    }
  });

  it('opens an encyclopedia article with its navboxes folded and every table row visible', async () => {
    await setSetting('zhdoc.boilerplate.autoFold', true);
    try {
      const editor = await openFile('encyclopedia-article.txt', fixture('encyclopedia-article.txt'));
      const lines = editor.document.getText().split('\n');
      const navbox = lines.flatMap((l, i) => (i >= lines.indexOf('[显示]') && i < lines.findIndex((x) => x.startsWith('分类：')) ? [i] : []));
      assert.ok(navbox.length > 10, 'the fixture has navboxes');
      await waitFor('navboxes folded', () => navbox.every((l) => hiddenLines(editor).includes(l)), 10_000);
      const hidden = new Set(hiddenLines(editor));
      // Rows of the infobox, the discography, the track list, the filmography and the hosting table (above the navboxes).
      const rows = lines.flatMap((l, i) => (i < navbox[0]! && /^\d{4}年|^\d\. |^年份|^(出生|职业|配偶) {2}/.test(l) ? [i] : []));
      assert.ok(rows.length >= 15, 'the fixture has tables');
      for (const r of rows) assert.ok(!hidden.has(r), `table row ${r} (${lines[r]}) is hidden`);
    } finally {
      await setSetting('zhdoc.boilerplate.autoFold', false);
    }
  });

  it('opens a portal article with its recommendation feed folded', async () => {
    await setSetting('zhdoc.boilerplate.autoFold', true);
    try {
      const editor = await openFile('portal-feed.txt', fixture('portal-feed.txt'));
      const lines = editor.document.getText().split('\n');
      const feed = lines.flatMap((l, i) => (l.includes('跟贴') || l === '相关推荐' ? [i] : []));
      assert.ok(feed.length >= 10, 'the fixture has a feed');
      await waitFor('feed folded', () => feed.every((l) => hiddenLines(editor).includes(l)), 10_000);
      const hidden = new Set(hiddenLines(editor));
      for (const start of ['今天上午', '据江城地铁集团介绍', '沿线居民王女士说']) assert.ok(!hidden.has(lines.findIndex((l) => l.startsWith(start))), `${start}… is hidden`);
    } finally {
      await setSetting('zhdoc.boilerplate.autoFold', false);
    }
  });

  it('extracts the main text into a new document', async () => {
    const editor = await openFile('samples/sample-article.txt');
    const original = editor.document.getText();
    const extracted = await vscode.commands.executeCommand<vscode.TextDocument>('zhdoc.extractMainText');
    const text = extracted.getText();
    assert.ok(extracted.isUntitled);
    for (const start of PARAGRAPH_STARTS) assert.ok(text.split('\n').some((l) => l.startsWith(start)), start);
    for (const mark of BOILERPLATE_MARKS) assert.ok(!text.includes(mark), mark);
    assert.equal(editor.document.getText(), original, 'the page itself is untouched');
  });

  it('removes the boilerplate in one undo step', async () => {
    const editor = await openFile('samples/sample-article.txt');
    const original = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('zhdoc.removeBoilerplate', { confirmed: true }), true);
    const removed = editor.document.getText();
    for (const start of PARAGRAPH_STARTS) assert.ok(removed.includes(start), start);
    for (const mark of BOILERPLATE_MARKS) assert.ok(!removed.includes(mark), mark);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('keeps markdown heading folds beside its own', async () => {
    const page = ['# 會議報道', '', '分享到：微信 微博 QQ空間', '', '## 第一部分', '會議強調，要牢牢把握目標要求，把高質量發展作為首要任務，推動經濟社會發展。', '', '## 第二部分', '會議要求，各級領導幹部要發揚幹在實處、走在前列、勇立潮頭的精神，推動工作落實見效。', '', '版權所有 © 2024 東海日報社 浙ICP備12345678號', '聯繫我們 | 關於我們 | 網站地圖'].join('\n');
    const editor = await openUntitled(page, 'markdown');
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
    // The markdown extension answers through its language server, which takes a moment to start.
    const ranges = await waitFor('markdown heading folds', async () => {
      const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      return found.some((r) => r.start === 4) ? found : undefined;
    }, 30_000);
    assert.ok(ranges.some((r) => r.start === 4), 'the heading "## 第一部分" still folds');
    assert.ok(ranges.some((r) => r.start === 7), 'the heading "## 第二部分" still folds');
    assert.ok(ranges.some((r) => r.end === 11 && r.start >= 8), 'the footer folds');
  });
});
