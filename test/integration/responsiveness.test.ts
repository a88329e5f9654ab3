/**
 * What keeps the extension host free, checked for what the user sees in the real VS Code: after typing, the
 * worker's copy of the text follows the edits it is sent (no whole-text read per pause), so the marks equal those
 * of the same text analysed afresh; decorations drawn near the visible lines only follow scrolling; whole-document
 * commands read, compute and plan a piece at a time, yet give the same text as the core in one undo step.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { annotatePinyin } from '../../src/core/pinyin';
import { applyEdits } from '../../src/core/text';
import { discardAll, openUntitled, waitFor, zhdocApi } from './helpers';

const marks = (slogans: ReadonlyArray<{ phrase: string; kind: string; occurrences: ReadonlyArray<{ offset: number; length: number }> }> | undefined): string[] =>
  (slogans ?? []).map((s) => `${s.kind} ${s.phrase} ${s.occurrences.map((o) => `${o.offset}+${o.length}`).join(',')}`).sort();

describe('responsiveness: the host never reads or draws everything at once', () => {
  afterEach(discardAll);

  it('keeps the worker’s text in step with edits of several changes at once, so the marks are those of the text analysed afresh', async function () {
    this.timeout(60_000);
    const api = await zhdocApi();
    const line = '会议强调，深入实施“八八战略”，奋力推进“两个先行”，打造“重要窗口”。';
    const editor = await openUntitled(Array.from({ length: 40 }, () => line).join('\n') + '\n');
    const document = editor.document;
    await waitFor('the first marks', () => api.slogans.model.current(document), 30_000);
    // One edit of several changes (as multi-cursor typing or a replace-all makes), then single keystrokes.
    await editor.edit((b) => {
      b.insert(new vscode.Position(2, 0), '八八战略');
      b.delete(new vscode.Range(10, 0, 12, 5));
      b.replace(new vscode.Range(30, 4, 30, 9), '坚持“两个先行”');
      b.insert(new vscode.Position(39, line.length), '\n“重要窗口”');
    });
    for (const ch of '全面落实“八八战略”') await editor.edit((b) => b.insert(new vscode.Position(0, 0), ch));
    const edited = await waitFor('marks of the edited text', () => api.slogans.model.current(document), 30_000);
    const fresh = await openUntitled(document.getText());
    const expected = await waitFor('marks of the same text, read whole', () => api.slogans.model.current(fresh.document), 30_000);
    assert.deepEqual(marks(edited), marks(expected));
    assert.ok(marks(edited).length > 0);
  });

  it('after a whole-document command the worker adopts its own edits (no text sent), and the marks are those of the text analysed afresh', async function () {
    this.timeout(180_000);
    const api = await zhdocApi();
    const header = '深入實施“八八戰略”\n\n來源 : 東海日報    作者 :      時間 : 2024-03-12    點擊數:87  打印\n\n';
    const footer = '\n聯繫我們\n地址:東海省臨江市文教路100號\n郵編:310000\nCopyright © 臨江學院 版權所有 東ICP備10000000號-1\n';
    const body = Array.from({ length: 3000 }, (_, i) => `第${i}段：會議強調，要牢牢把握以“兩個先行”打造“重要窗口”的目標要求，深入實施“八八戰略”。`).join('\n');
    const editor = await openUntitled(header + body + footer);
    const document = editor.document;
    editor.selection = new vscode.Selection(1500, 3, 1500, 3);
    await waitFor('the first marks', () => api.slogans.model.current(document), 60_000);
    // The boilerplate blocks found, not whether the editor has them folded (a fresh document auto-folds on open).
    const blocks = (): string => (api.boilerplate.statusText() ?? '').replace(/\$\((?:un)?fold\) /, '').replace(/ folded$/, '');
    const status = (): string => [api.characterCount.statusText(), api.mixedScript.statusText(), blocks()].join(' | ');
    for (const command of ['zhdoc.convertToSimplified', 'zhdoc.annotatePinyin', 'zhdoc.removePinyinAnnotations']) {
      const before = document.version;
      api.timings(true);
      assert.equal(await vscode.commands.executeCommand(command), true, command);
      const blocks = api.timings().longestBlocks;
      assert.ok(blocks['decode.edits'] !== undefined, `${command}: the worker computed the edits`);
      assert.ok(blocks['adopt'] !== undefined && blocks['edit'] === undefined, `${command}: the worker adopted its edits instead of being sent them (${Object.keys(blocks).join(', ')}; ${api.log.entries().filter((e) => e.message.includes('worker computed')).map((e) => e.message).slice(-1)[0] ?? 'no job'})`);
      assert.ok(document.version > before);
      await vscode.window.showTextDocument(document);
      const edited = await waitFor(`marks after ${command}`, () => api.slogans.model.current(document), 60_000);
      const shown = await waitFor(`status after ${command}`, () => api.characterCount.statusText() && status(), 30_000);
      const fresh = await openUntitled(document.getText());
      const expected = await waitFor(`marks of the same text after ${command}, read whole`, () => api.slogans.model.current(fresh.document), 60_000);
      assert.deepEqual(marks(edited), marks(expected), command);
      assert.equal(await waitFor('the fresh document\'s status', () => api.characterCount.statusText() && status(), 30_000), shown, command);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.window.showTextDocument(document);
    }
  });

  it('a whole-document command that does not apply the worker\'s edits leaves none held for the next change', async function () {
    this.timeout(180_000);
    const api = await zhdocApi();
    // Nothing to change: the worker's job finds no edits, the command applies none.
    const plain = await openUntitled(Array.from({ length: 200 }, (_, i) => `第${i}段：会议强调，要把高质量发展作为首要任务。`).join('\n') + '\n');
    for (const command of ['zhdoc.removePinyinAnnotations', 'zhdoc.convertToSimplified']) {
      api.timings(true);
      assert.equal(await vscode.commands.executeCommand(command), false, command);
      assert.ok(api.timings().longestBlocks['decode.edits'] !== undefined, `${command}: the worker computed the edits`);
      assert.equal(api.analysis.heldEdits(plain.document), undefined, command);
    }
    await discardAll();
    // Edits computed, then refused: the editor is closed while the worker computes (the document stays open in
    // another group), so VS Code will not apply them.
    const lines = Array.from({ length: 3000 }, (_, i) => `第${i}段：會議強調，要把高質量發展作為首要任務。`).join('\n') + '\n';
    const first = await openUntitled(lines);
    const document = first.document;
    await vscode.window.showTextDocument(document, vscode.ViewColumn.Two);
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await waitFor('the first marks', () => api.characterCount.statusText(), 60_000);
    api.timings(true);
    const running = vscode.commands.executeCommand('zhdoc.convertToSimplified');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(await running, false);
    assert.ok(!document.isClosed && api.timings().longestBlocks['decode.edits'] !== undefined, 'the worker computed the edits for a document still open');
    assert.equal(api.analysis.heldEdits(document), undefined);
    // The worker dropped them too, and its copy of the text still follows the document.
    const editor = await vscode.window.showTextDocument(document);
    const count = await waitFor('字数', () => api.characterCount.statusText(), 30_000);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '字'));
    await waitFor('字数 follows the edit', () => api.characterCount.statusText() !== count && api.characterCount.statusText(), 30_000);
  });

  it('draws the occurrences near the visible lines of a document with very many, and follows scrolling', async function () {
    this.timeout(120_000);
    const api = await zhdocApi();
    // 6,000 lines with four occurrences each: more than are drawn at once (20,000).
    const lines = Array.from({ length: 6000 }, (_, i) => `第${i}行：深入实施“八八战略”，奋力推进“两个先行”，打造“重要窗口”，深入实施“八八战略”。`);
    const editor = await openUntitled(lines.join('\n') + '\n');
    const document = editor.document;
    const known = (): vscode.Range[] => api.slogans.decorations(document.uri).known;
    await waitFor('decorations', () => known().length > 0, 60_000);
    const all = (api.slogans.model.current(document) ?? []).reduce((n, s) => n + s.occurrences.length, 0);
    assert.ok(all > 20_000, `${all} occurrences`);
    assert.ok(known().length < all, 'only a window is drawn');
    assert.ok(known().every((r) => r.start.line < 2000), 'the window is around the top');
    editor.revealRange(new vscode.Range(5990, 0, 5999, 0), vscode.TextEditorRevealType.InCenter);
    await waitFor('decorations at the end after scrolling', () => known().some((r) => r.start.line >= 5990), 10_000);
    const near = known().filter((r) => r.start.line === 5995);
    assert.equal(near.length, 4, 'every occurrence of a visible line is drawn');
  });

  it('annotates a large document piece by piece with the text the core gives for the whole, in one undo step', async function () {
    this.timeout(300_000);
    const lines = Array.from({ length: 8000 }, (_, i) => `第${i}行：會議強調，要把高質量發展作為首要任務，重要的是行動。`);
    const original = lines.join('\n') + '\n';
    const editor = await openUntitled(original);
    editor.selection = new vscode.Selection(4000, 3, 4000, 3);
    const api = await zhdocApi();
    api.timings(true);
    assert.equal(await vscode.commands.executeCommand('zhdoc.annotatePinyin'), true);
    assert.ok(api.timings().longestBlocks['decode.edits'] !== undefined, 'the worker computed the edits');
    assert.equal(editor.document.getText(), applyEdits(original, annotatePinyin(original, 'marks')));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo step');
  });

  it('converts a large document to the text the core gives, and undoes it in one step', async function () {
    this.timeout(300_000);
    const lines = Array.from({ length: 12000 }, (_, i) => `第${i}節：會議強調，要把高質量發展作為首要任務，經濟體制改革取得歷史性成就。`);
    const original = lines.join('\n') + '\n';
    const editor = await openUntitled(original);
    assert.equal(await vscode.commands.executeCommand('zhdoc.convertToSimplified'), true);
    assert.equal(editor.document.lineAt(11999).text, '第11999节：会议强调，要把高质量发展作为首要任务，经济体制改革取得历史性成就。');
    assert.equal(editor.document.lineCount, lines.length + 1);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo step');
  });
});
