/**
 * Bad input in the real VS Code: huge files (50 MB, 10 MB, one 5 MB line), binary and empty files, documents
 * that change or close while zhdoc works, and hostile text in every view. Nothing throws, nothing is lost,
 * nothing lands on the wrong text, nothing in a document is interpreted.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { discardAll, hoverText, openFile, openUntitled, waitFor, workspaceDir, zhdocApi } from './helpers';

const PARAGRAPH = '會議強調，要牢牢把握以“兩個先行”打造“重要窗口”的目標要求，深入實施“八八戰略”，把高質量發展作為首要任務。\n';

async function hoverMs(document: vscode.TextDocument, position: vscode.Position): Promise<{ ms: number; text: string }> {
  const started = Date.now();
  const text = await hoverText(document, position);
  return { ms: Date.now() - started, text };
}

describe('robustness', () => {
  afterEach(discardAll);

  it('explains, without failing, a 50 MB file that VS Code keeps from extensions', async () => {
    await zhdocApi();
    const path = join(workspaceDir(), 'huge-50mb.txt');
    writeFileSync(path, PARAGRAPH.repeat(Math.ceil((51 * 1024 * 1024) / Buffer.byteLength(PARAGRAPH))));
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(path));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(vscode.window.activeTextEditor, undefined, 'VS Code gives extensions no editor for it');
    for (const command of ['zhdoc.convertToSimplified', 'zhdoc.annotatePinyin', 'zhdoc.unifyScript', 'zhdoc.foldBoilerplate', 'zhdoc.nextSlogan']) {
      const result = await vscode.commands.executeCommand(command);
      assert.ok(result === false || result === undefined || result === 0, `${command} does nothing: ${String(result)}`);
    }
    const editor = await openUntitled('汉字');
    assert.equal(await vscode.commands.executeCommand('zhdoc.convertToTraditional'), true, 'zhdoc still works afterwards');
    assert.equal(editor.document.getText(), '漢字');
  });

  it('works on a 10 MB document: status, boilerplate, slogans, hover, conversion', async function () {
    this.timeout(240_000);
    const api = await zhdocApi();
    const header = '深入實施“八八戰略”\n\n來源 : 東海日報    作者 :      時間 : 2024-03-12    點擊數:87  打印\n\n';
    const footer = '\n聯繫我們\n地址:東海省臨江市文教路100號\n郵編:310000\nCopyright © 臨江學院 版權所有 東ICP備10000000號-1\n';
    const body = PARAGRAPH.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(PARAGRAPH)));
    const editor = await openFile('big-10mb.txt', header + body + footer);
    const doc = editor.document;
    let t = Date.now();
    await waitFor('script mix', () => api.mixedScript.statusText(), 60_000);
    await waitFor('字数', () => api.characterCount.statusText(), 60_000);
    const status = Date.now() - t;
    t = Date.now();
    const blocks = api.boilerplate.blocks(doc);
    const boilerplate = Date.now() - t;
    assert.ok(blocks.some((b) => doc.lineAt(b.start).text.startsWith('來源')), 'the header is boilerplate');
    t = Date.now();
    const slogans = await api.slogans.model.refresh(doc);
    const sloganMs = Date.now() - t;
    assert.equal(slogans.find((s) => s.phrase === '八八战略')!.count, body.split('\n').length, 'every 八八戰略 counted');
    const middle = new vscode.Position(Math.floor(doc.lineCount / 2), 3);
    await hoverMs(doc, middle);
    const hover = await hoverMs(doc, middle);
    assert.match(hover.text, /huìyì|qiángdiào/);
    t = Date.now();
    assert.equal(await vscode.commands.executeCommand('zhdoc.convertToSimplified'), true);
    const convert = Date.now() - t;
    assert.ok(doc.lineAt(Math.floor(doc.lineCount / 2)).text.startsWith('会议强调'));
    console.log(`      (10 MB: status ${status} ms, boilerplate ${boilerplate} ms, slogans ${sloganMs} ms, warm hover ${hover.ms} ms, conversion ${convert} ms)`);
  });

  it('handles one 5 MB line: hover and inlay hints read a window only', async () => {
    const line = '会议强调要牢牢把握目标要求把高质量发展作为首要任务'.repeat(100_000);
    const editor = await openUntitled(line);
    const at = new vscode.Position(0, 1_000_003);
    const first = await hoverMs(editor.document, at);
    const warm = await hoverMs(editor.document, at);
    assert.ok(first.text.length > 0, 'a hover');
    const started = Date.now();
    await vscode.workspace.getConfiguration('zhdoc').update('pinyin.inlayHints', true, vscode.ConfigurationTarget.Global);
    try {
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, new vscode.Range(0, 1_000_000, 0, 1_000_200));
      assert.ok(hints.length > 10 && hints.length < 500, `${hints.length} hints for 200 visible characters`);
    } finally {
      await vscode.workspace.getConfiguration('zhdoc').update('pinyin.inlayHints', undefined, vscode.ConfigurationTarget.Global);
    }
    console.log(`      (5 MB line: hover ${first.ms} ms first, ${warm.ms} ms warm; inlay hints ${Date.now() - started} ms)`);
  });

  it('leaves a binary file alone', async () => {
    const path = join(workspaceDir(), 'binary.bin');
    writeFileSync(path, Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x00, 0xe4, 0xb8, 0x00, 0x0a, 0xe6, 0xb1, 0x89]));
    let opened: vscode.TextDocument | undefined;
    try {
      opened = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    } catch (e) {
      assert.match(String(e), /binary/i, 'VS Code refuses it as binary');
    }
    if (opened) {
      const editor = await vscode.window.showTextDocument(opened);
      const before = editor.document.getText();
      await vscode.commands.executeCommand('zhdoc.convertToTraditional');
      await vscode.commands.executeCommand('zhdoc.annotatePinyin');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), before, 'nothing Chinese in it, so nothing changed');
    }
  });

  it('does nothing, and says so, on an empty document', async () => {
    const api = await zhdocApi();
    const editor = await openFile('empty.txt', '');
    for (const command of ['zhdoc.convertToTraditional', 'zhdoc.annotatePinyin', 'zhdoc.removePinyinAnnotations', 'zhdoc.unifyScript', 'zhdoc.removeBoilerplate', 'zhdoc.nextSlogan']) {
      assert.equal(await vscode.commands.executeCommand(command, { confirmed: true }), false, command);
    }
    assert.equal(editor.document.getText(), '');
    assert.equal(editor.document.isDirty, false);
    assert.equal(api.characterCount.statusText(), undefined);
    assert.deepEqual(await api.slogans.model.refresh(editor.document), []);
  });

  it('applies no stale annotation when the document changes meanwhile', async () => {
    const original = PARAGRAPH.repeat(30_000);
    const editor = await openUntitled(original);
    const running = vscode.commands.executeCommand<boolean>('zhdoc.annotatePinyin');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '插入'));
    assert.equal(await running, false);
    assert.equal(editor.document.getText(), '插入' + original);
  });

  it('closing the editor while a conversion runs raises no error and changes nothing', async () => {
    const original = PARAGRAPH.repeat(30_000);
    const editor = await openUntitled(original);
    const uri = editor.document.uri;
    const running = vscode.commands.executeCommand<boolean>('zhdoc.convertToSimplified');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(await running, false);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.getText() !== original), 'nothing applied');
  });

  it('never leaves slogan decorations on shifted text after an edit', async () => {
    const api = await zhdocApi();
    const editor = await openUntitled('深入实施“八八战略”。坚持“八八战略”。\n');
    await api.slogans.model.refresh(editor.document);
    await waitFor('decorated', () => api.slogans.decorations(editor.document.uri).known.length === 2);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '前言：'));
    assert.equal(api.slogans.decorations(editor.document.uri).known.length, 0, 'old ranges dropped at the edit');
    await waitFor('re-decorated', () => api.slogans.decorations(editor.document.uri).known.length === 2);
    for (const r of api.slogans.decorations(editor.document.uri).known) assert.equal(editor.document.getText(r), '八八战略');
  });

  it('shows hostile document text as text in the Slogans view', async () => {
    const api = await zhdocApi();
    // Discovered phrases need evidence of a formula now (parallel clauses), so the hostile markup wraps such ones;
    // a quoted markdown link is no formula and is not discovered at all.
    const hostile = '“<i>有腐必反、有贪必肃</i>”和“<i>有腐必反、有贪必肃</i>”。“<b>守初心、担使命</b>”与“<b>守初心、担使命</b>”';
    const editor = await openUntitled(hostile);
    await api.slogans.model.refresh(editor.document);
    const items = await waitFor('tree items', async () => {
      const found = await api.slogans.treeItems();
      return found.length ? found : undefined;
    });
    const italic = items.find((i) => i.label === '<i>有腐必反、有贪必肃</i>');
    const html = items.find((i) => i.label === '<b>守初心、担使命</b>');
    assert.ok(italic && html, 'labels are the raw text (VS Code never renders tree labels)');
    assert.ok(!italic.tooltip.includes('<i>'), `tooltip escapes HTML: ${italic.tooltip}`);
    assert.ok(!html.tooltip.includes('<b>'), `tooltip escapes HTML: ${html.tooltip}`);
  });
});
