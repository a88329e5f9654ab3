/** Pinyin in the real VS Code: hovers on Simplified and Traditional text, styles, commands, inlay hints. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatWord, wordsIn } from '../../src/core/pinyin';
import { discardAll, hoverText, openUntitled, select, setSetting, waitFor, zhdocApi } from './helpers';

async function hoverAt(editor: vscode.TextEditor, offset: number): Promise<string> {
  return hoverText(editor.document, editor.document.positionAt(offset));
}

describe('pinyin', () => {
  afterEach(async () => {
    await setSetting('zhdoc.pinyin.style', undefined);
    await setSetting('zhdoc.pinyin.inlayHints', undefined);
    await setSetting('zhdoc.pinyin.toneSandhi', undefined);
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

  it('reads 行 and 長 in context in Traditional text: 銀行 háng, 行走 xíng, 長大 zhǎng, 長度 cháng', async () => {
    const text = '他在銀行工作，每天行走上班。孩子長大了，量一量長度。';
    const editor = await openUntitled(text);
    const hang = await hoverAt(editor, text.indexOf('銀行') + 1);
    assert.match(hang, /yínháng/);
    assert.match(hang, /行 is read háng here; other readings: xíng/);
    assert.match(await hoverAt(editor, text.indexOf('行走')), /xíngzǒu/);
    const zhang = await hoverAt(editor, text.indexOf('長大'));
    assert.match(zhang, /zhǎngdà/);
    assert.match(zhang, /other readings: cháng/);
    assert.match(await hoverAt(editor, text.indexOf('長度')), /chángdù/);
  });

  it('lists only the readings in real use in the hover: 净 has none other, 假 no gēi', async () => {
    const text = '房间很干净。我们放假了。';
    const editor = await openUntitled(text);
    const jing = await hoverAt(editor, text.indexOf('净'));
    assert.match(jing, /gānjìng/);
    assert.doesNotMatch(jing, /chēng|净 is read/);
    const jia = await hoverAt(editor, text.indexOf('假'));
    assert.match(jia, /other readings: jiǎ/);
    assert.doesNotMatch(jia, /gēi/);
  });

  it('writes 一/不 sandhi in the hover and Copy as Pinyin when zhdoc.pinyin.toneSandhi asks', async () => {
    const text = '我有一个问题，这不是我的。';
    const editor = await openUntitled(text);
    assert.match(await hoverAt(editor, text.indexOf('一个')), /yīge/, 'dictionary tones by default');
    await setSetting('zhdoc.pinyin.toneSandhi', 'yiBu');
    assert.match(await hoverAt(editor, text.indexOf('一个')), /yíge/);
    assert.match(await hoverAt(editor, text.indexOf('不是')), /búshì/);
    select(editor, [text.indexOf('一个'), text.indexOf('问题')]);
    assert.equal(await vscode.commands.executeCommand<string>('zhdoc.copyAsPinyin'), 'yíge');
    await setSetting('zhdoc.pinyin.toneSandhi', 'all');
    select(editor, [0, text.indexOf('，')]);
    assert.match(await vscode.commands.executeCommand<string>('zhdoc.copyAsPinyin'), /yíge/);
  });

  it('shows every word\'s pinyin as inlay hints over a 200-character paragraph, no label cut at the default limit', async () => {
    const paragraph = '会议强调，要坚持以人民为中心的发展思想，统筹推进经济建设、政治建设、文化建设、社会建设和生态文明建设，' +
      '加快构建新发展格局，着力推动高质量发展，深化改革开放，增进民生福祉，一个一个地解决群众急难愁盼问题，' +
      '不断提高人民生活水平，让发展成果更多更公平地惠及全体人民。各地区各部门要结合本地实际，狠抓各项工作落实，' +
      '确保各项决策部署落地见效，以实际行动迎接新的胜利，为全面建设社会主义现代化国家作出新的更大贡献。';
    assert.ok([...paragraph].length >= 200);
    const editor = await openUntitled(paragraph);
    await setSetting('zhdoc.pinyin.inlayHints', true);
    const maximum = vscode.workspace.getConfiguration('editor.inlayHints').get<number>('maximumLength');
    assert.equal(maximum, 43, 'VS Code\'s default limit');
    const range = new vscode.Range(0, 0, 0, paragraph.length);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, range);
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    for (const label of labels) assert.ok(label.length <= 43, label);
    const words = wordsIn(paragraph);
    assert.equal(labels.length, words.length, 'one hint per word');
    assert.equal(labels.join(' '), words.map((w) => formatWord(w.spoken.map((r) => r ?? '?'), 'marks')).join(' '), 'every Han word\'s pinyin, in order');
    // After its word; or after the slogan mark the word is in (坚持以人民为中心的发展思想 is a known slogan).
    for (const [k, h] of hints.entries()) assert.ok(editor.document.offsetAt(h.position) >= words[k]!.end, `${labels[k]} after ${words[k]!.word}`);
  });

  it('puts no inlay hint inside a marked slogan: its pinyin follows the mark', async () => {
    const api = await zhdocApi();
    const text = '我们要深入实施八八战略，坚持八八战略不动摇，八八战略是总纲领。';
    const editor = await openUntitled(text);
    const marks = await waitFor('slogan decorations', () => {
      const d = api.slogans.decorations(editor.document.uri);
      return d.known.length > 0 ? d : undefined;
    });
    await setSetting('zhdoc.pinyin.inlayHints', true);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, new vscode.Range(0, 0, 0, text.length));
    const marked = [...marks.known, ...marks.discovered].map((r) => [editor.document.offsetAt(r.start), editor.document.offsetAt(r.end)] as const);
    assert.ok(marked.some(([a, b]) => text.slice(a, b) === '八八战略'), JSON.stringify(marked));
    for (const h of hints) {
      const at = editor.document.offsetAt(h.position);
      for (const [a, b] of marked) assert.ok(!(at > a && at < b), `hint ${String(h.label)} at ${at} splits the mark ${text.slice(a, b)}`);
    }
    assert.equal(hints.length, wordsIn(text).length, 'every word still has its hint');
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
