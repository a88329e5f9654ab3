/** Pinyin in the real VS Code: hovers on Simplified and Traditional text, styles, commands, inlay hints. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { discardAll, hoverText, openUntitled, select, setSetting } from './helpers';

async function hoverAt(editor: vscode.TextEditor, offset: number): Promise<string> {
  return hoverText(editor.document, editor.document.positionAt(offset));
}

describe('pinyin', () => {
  afterEach(async () => {
    await setSetting('zhdoc.pinyin.style', undefined);
    await setSetting('zhdoc.pinyin.inlayHints', undefined);
    await discardAll();
  });

  it('hovers a Simplified word with its reading in context', async () => {
    const text = '他在银行工作，重要的是发展。';
    const editor = await openUntitled(text);
    const hover = await hoverAt(editor, text.indexOf('银') + 1);
    assert.match(hover, /银行/);
    assert.match(hover, /yínháng/);
    assert.match(await hoverAt(editor, text.indexOf('重')), /zhòngyào/);
  });

  it('reads Traditional text from its own forms: 幹 gàn, 實處 shíchù, 參加 cānjiā', async () => {
    const text = '幹在實處、走在前列。負責人參加會議。';
    const editor = await openUntitled(text);
    assert.match(await hoverAt(editor, text.indexOf('幹')), /gàn/);
    const shichu = await hoverAt(editor, text.indexOf('實'));
    assert.match(shichu, /實處/);
    assert.match(shichu, /shíchù/);
    assert.match(shichu, /实处/, 'the Simplified form is shown');
    assert.match(await hoverAt(editor, text.indexOf('參')), /cānjiā/);
  });

  it('switches the style: numbers and zhuyin', async () => {
    const text = '重要的發展';
    const editor = await openUntitled(text);
    await setSetting('zhdoc.pinyin.style', 'numbers');
    assert.match(await hoverAt(editor, 0), /zhong4 yao4/);
    await setSetting('zhdoc.pinyin.style', 'zhuyin');
    assert.match(await hoverAt(editor, 0), /ㄓㄨㄥˋ ㄧㄠˋ/);
  });

  it('shows the pinyin of a whole selection', async () => {
    const text = '深入实施八八战略';
    const editor = await openUntitled(text);
    select(editor, [0, text.length]);
    const hover = await hoverAt(editor, 2);
    assert.match(hover, /shēnrù/);
    assert.match(hover, /shíshī/);
  });

  it('copies the selection as pinyin to the clipboard', async () => {
    const editor = await openUntitled('会议强调，重要的是发展。');
    select(editor, [5, 12]);
    const copied = await vscode.commands.executeCommand<string>('zhdoc.copyAsPinyin');
    assert.equal(await vscode.env.clipboard.readText(), copied);
    assert.match(copied, /^zhòngyào deshì fāzhǎn。$/);
  });

  it('annotates with pinyin and removes the annotations, restoring the exact text', async () => {
    const original = '漢字(古文)與“重要（的）”發展\r\nEnglish (text) stays.\r\n𠮷野家';
    const editor = await openUntitled(original);
    assert.equal(editor.document.getText(), original);
    assert.equal(await vscode.commands.executeCommand('zhdoc.annotatePinyin'), true);
    const annotated = editor.document.getText();
    assert.ok(annotated.startsWith('漢字(hànzì)(古文(gǔwén))與(yǔ)“重要(zhòngyào)（的(de)）”發展(fāzhǎn)'), annotated);
    assert.equal(await vscode.commands.executeCommand('zhdoc.removePinyinAnnotations'), true);
    assert.equal(editor.document.getText(), original);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), annotated, 'removal was one undo step');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'annotation was one undo step');
  });

  it('shows inlay hints only when toggled on', async () => {
    const editor = await openUntitled('重要的發展\n第二行');
    const range = new vscode.Range(0, 0, 1, 3);
    const hints = (): Thenable<vscode.InlayHint[]> => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, range);
    assert.deepEqual(await hints(), []);
    assert.equal(await vscode.commands.executeCommand('zhdoc.toggleInlayHints'), true);
    const labels = (await hints()).map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.deepEqual(labels.slice(0, 3), ['zhòngyào', 'de', 'fāzhǎn']);
    assert.equal(await vscode.commands.executeCommand('zhdoc.toggleInlayHints'), false);
    assert.deepEqual(await hints(), []);
  });

  it('shows hostile document text as text in the hover', async () => {
    const text = '发展<script>alert(1)</script>[点我](command:workbench.action.quit)**重要**';
    const editor = await openUntitled(text);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(text.indexOf('点')));
    const raw = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.ok(!raw.includes('<script>'), raw);
    assert.ok(!/\]\(command:/.test(raw), raw);
    for (const h of hovers) for (const c of h.contents) if (c instanceof vscode.MarkdownString) assert.ok(!c.isTrusted, 'hover markdown is not trusted');
  });
});
