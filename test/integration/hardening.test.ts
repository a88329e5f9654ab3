/** Issue #13 in the real VS Code: hover escaping, Remove Pinyin Annotations, report bars, wrongly decoded files. */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { discardAll, hoverMarkdown, hoverText, openFile, openUntitled, select } from './helpers';

const REPRO = '微软(Microsoft)发布了人工智能(AI)产品，这是什么(?)原理(Beta2)？';

describe('hardening', () => {
  afterEach(async () => {
    await discardAll();
  });

  it("hovers 答案 with dá'àn, escaped once", async () => {
    const editor = await openUntitled('这道题的答案是什么的');
    const at = editor.document.positionAt(editor.document.getText().indexOf('答'));
    const raw = await hoverMarkdown(editor.document, at);
    assert.ok(!raw.includes('&#39;') && !raw.includes('&\\#'), raw);
    assert.match(await hoverText(editor.document, at), /dá'àn/);
    const gloss = await hoverText(editor.document, editor.document.positionAt(editor.document.getText().lastIndexOf('的')));
    assert.ok(!gloss.includes('&#39;'), gloss);
  });

  it('Remove Pinyin Annotations keeps (Microsoft), (AI), (?) and (Beta2)', async () => {
    const editor = await openUntitled(`${REPRO}\n${REPRO}`);
    // The path: annotate a selection (the second line), then remove with nothing selected.
    select(editor, [REPRO.length + 1, 2 * REPRO.length + 1]);
    assert.equal(await vscode.commands.executeCommand('zhdoc.annotatePinyin'), true);
    assert.match(editor.document.getText(), /微软\(wēiruǎn\)\(Microsoft\)/);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand('zhdoc.removePinyinAnnotations'), true);
    assert.equal(editor.document.getText(), `${REPRO}\n${REPRO}`);
    for (const kept of ['(Microsoft)', '(AI)', '(?)', '(Beta2)']) assert.ok(editor.document.getText().split('\n')[0]!.includes(kept), kept);
    // Nothing zhdoc wrote: nothing to remove.
    assert.equal(await vscode.commands.executeCommand('zhdoc.removePinyinAnnotations'), false);
    assert.equal(editor.document.getText(), `${REPRO}\n${REPRO}`);
  });

  it('draws report bars with no inline style, lengths proportional to the counts', async () => {
    await openUntitled('“八八战略”“八八战略”“八八战略”“八八战略”。“新质生产力”。\n“新质生产力”，“三个一以贯之”“三个一以贯之”。\n');
    const html = await vscode.commands.executeCommand<string>('zhdoc.showSloganReport');
    assert.ok(!/style="/.test(html), 'no inline style attribute (the CSP would block it)');
    const bars = [...html.matchAll(/<div class="label">.*?>([^<]+)<\/a><\/div><div class="bar [a-z]+" data-share="([\d.]+)"><\/div><div class="count">(\d+)<\/div>/g)].map((m) => ({ phrase: m[1], share: Number(m[2]), count: Number(m[3]) }));
    assert.ok(bars.length >= 2, html);
    const max = Math.max(...bars.map((b) => b.count));
    for (const b of bars) assert.ok(Math.abs(b.share - (100 * b.count) / max) < 0.1, JSON.stringify(b));
  });

  it('refuses to edit a GBK file opened as UTF-8, and says why', async () => {
    const gbk = Buffer.from([...Array(6)].flatMap(() => [0xd6, 0xd0, 0xce, 0xc4, 0xd7, 0xd6, 0xca, 0xfd, 0xa3, 0xac]));
    const editor = await openFile('gbk-as-utf8.txt', gbk);
    assert.ok(editor.document.getText().includes('\ufffd'));
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('zhdoc.convertToTraditional'), false);
    assert.equal(await vscode.commands.executeCommand('zhdoc.annotatePinyin'), false);
    assert.equal(editor.document.getText(), before);
    await discardAll();
    rmSync(editor.document.uri.fsPath, { force: true });
  });
});
