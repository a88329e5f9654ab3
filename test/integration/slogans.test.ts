/** Slogans in the real VS Code: decorations, hover, tree view, navigation, export, lexicon edits, report, folder count. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { discardAll, hoverText, openFile, openUntitled, setSetting, waitFor, workspaceDir, zhdocApi } from './helpers';

/** Offsets of every occurrence of `needle` in `text`. */
function offsetsOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

describe('slogans', () => {
  afterEach(async () => {
    await setSetting('zhdoc.slogans.userLexicon', undefined);
    await setSetting('zhdoc.slogans.ignore', undefined);
    await discardAll();
  });

  it('decorates every occurrence of the sample page’s slogans, and nothing in its footer', async () => {
    const api = await zhdocApi();
    const editor = await openFile('samples/sample-article.txt');
    const doc = editor.document;
    const text = doc.getText();
    const marks = await waitFor('slogan decorations', () => {
      const d = api.slogans.decorations(doc.uri);
      return d.known.length > 0 ? d : undefined;
    });
    const marked = marks.known.map((r) => doc.offsetAt(r.start));
    for (const phrase of ['八八戰略', '兩個先行', '重要窗口', '地瓜經濟', '一号發展工程']) {
      for (const offset of offsetsOf(text, phrase)) assert.ok(marked.includes(offset), `${phrase} at ${offset} is marked`);
    }
    const enumeration = marks.known.map((r) => doc.getText(r)).filter((t) => t.startsWith('創新深化'));
    assert.ok(enumeration.some((t) => t === '創新深化、改革攻堅、開放提升'), JSON.stringify(enumeration));
    const footer = text.indexOf('聯繫我們');
    for (const r of [...marks.known, ...marks.discovered]) assert.ok(doc.offsetAt(r.start) < footer, `nothing marked in the footer (${doc.getText(r)})`);
    assert.deepEqual(Object.keys(marks).sort(), ['discovered', 'known'], 'no decoration puts text into the line (a count badge hid text under word wrap)');
    assert.match(api.slogans.statusText() ?? '', /^\$\(megaphone\) 提法 \d+$/);
  });

  it('stops and resumes marking when zhdoc.slogans.enabled changes, and when the language leaves plain text', async () => {
    const api = await zhdocApi();
    const editor = await openUntitled('深入实施八八战略，坚持八八战略不动摇。');
    const doc = editor.document;
    const marked = (): boolean => api.slogans.decorations(doc.uri).known.length > 0;
    await waitFor('slogan marks', () => marked());
    try {
      await setSetting('zhdoc.slogans.enabled', false);
      await waitFor('no slogan marks with slogans off', () => !marked());
      assert.equal(api.slogans.model.current(doc), undefined);
      await setSetting('zhdoc.slogans.enabled', undefined);
      await waitFor('slogan marks again', () => marked());
      const other = await vscode.languages.setTextDocumentLanguage(doc, 'json');
      assert.equal(api.slogans.model.current(other), undefined, 'slogans do not apply to JSON');
    } finally {
      await setSetting('zhdoc.slogans.enabled', undefined);
    }
  });

  it('hovers a slogan with its count, kind, category and previous/next links', async () => {
    const api = await zhdocApi();
    const editor = await openFile('samples/sample-article.txt');
    await waitFor('slogans computed', () => api.slogans.model.current(editor.document)?.length);
    const text = editor.document.getText();
    const hover = await hoverText(editor.document, editor.document.positionAt(offsetsOf(text, '八八戰略')[1]! + 1));
    assert.match(hover, /八八战略/);
    assert.match(hover, /known slogan/);
    assert.match(hover, /浙江省委提法/);
    assert.match(hover, /×4 in this document \(occurrence 2 of 4\)/);
    assert.match(hover, /command:zhdoc\.revealSlogan\?/);
  });

  it('lists phrases by count in the Slogans view, with occurrences and line previews', async () => {
    const api = await zhdocApi();
    const editor = await openFile('samples/sample-article.txt');
    await waitFor('slogans computed', () => api.slogans.model.current(editor.document)?.length);
    const items = await waitFor('tree items', async () => {
      const found = await api.slogans.treeItems();
      return found.length ? found : undefined;
    });
    assert.equal(items[0]!.label, '八八战略');
    assert.match(items[0]!.description, /^×4 · known · 浙江省委提法$/);
    assert.equal(items[0]!.occurrences.length, 4);
    assert.match(items[0]!.occurrences[0]!, /^line 1: .*八八戰略/);
    const counts = items.map((i) => Number(/×(\d+)/.exec(i.description)![1]));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'sorted by count');
  });

  it('moves to the next and previous slogan', async () => {
    const api = await zhdocApi();
    const editor = await openFile('samples/sample-article.txt');
    await waitFor('slogans computed', () => api.slogans.model.current(editor.document)?.length);
    const text = editor.document.getText();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand('zhdoc.nextSlogan'), true);
    assert.equal(editor.document.getText(editor.selection), '八八戰略');
    assert.equal(editor.document.offsetAt(editor.selection.start), text.indexOf('八八戰略'));
    await vscode.commands.executeCommand('zhdoc.nextSlogan');
    const second = editor.document.offsetAt(editor.selection.start);
    assert.ok(second > text.indexOf('八八戰略'));
    await vscode.commands.executeCommand('zhdoc.previousSlogan');
    assert.equal(editor.document.offsetAt(editor.selection.start), text.indexOf('八八戰略'));
  });

  it('exports CSV and JSON files', async () => {
    const api = await zhdocApi();
    const editor = await openFile('samples/sample-article.txt');
    await waitFor('slogans computed', () => api.slogans.model.current(editor.document)?.length);
    const csv = vscode.Uri.file(join(workspaceDir(), 'export.csv'));
    const json = vscode.Uri.file(join(workspaceDir(), 'export.json'));
    await vscode.commands.executeCommand('zhdoc.exportSlogans', { format: 'csv', target: csv });
    await vscode.commands.executeCommand('zhdoc.exportSlogans', { format: 'json', target: json });
    const rows = readFileSync(csv.fsPath, 'utf8').split('\r\n');
    assert.equal(rows[0], 'phrase,count,kind,method,category,year,source,occurrences');
    assert.match(rows[1]!, /^八八战略,4,known,lexicon,浙江省委提法,2003,/);
    const records = JSON.parse(readFileSync(json.fsPath, 'utf8')) as Array<{ phrase: string; count: number; occurrences: Array<{ line: number }> }>;
    assert.equal(records[0]!.phrase, '八八战略');
    assert.equal(records[0]!.occurrences.length, 4);
    assert.equal(records[0]!.occurrences[0]!.line, 1);
  });

  it('adds a phrase to the lexicon and ignores another', async () => {
    const api = await zhdocApi();
    const text = '我们要坚持“三个一以贯之”。今天讨论了“三个一以贯之”和“新质生产力”。“新质生产力”很重要。';
    const editor = await openUntitled(text);
    const slogans = await api.slogans.model.refresh(editor.document);
    assert.equal(slogans.find((s) => s.phrase === '三个一以贯之')?.kind, 'discovered');
    await vscode.commands.executeCommand('zhdoc.addToLexicon', { phrase: '三个一以贯之', category: '政治要求' });
    const after = await waitFor('user lexicon applied', async () => (await api.slogans.model.refresh(editor.document)).find((s) => s.phrase === '三个一以贯之' && s.kind === 'known'));
    assert.equal(after.category, '政治要求');
    await vscode.commands.executeCommand('zhdoc.ignorePhrase', { phrase: '新质生产力' });
    await waitFor('phrase ignored', async () => !(await api.slogans.model.refresh(editor.document)).some((s) => s.phrase === '新质生产力'));
  });

  it('shows a report whose document text is escaped, under a strict CSP', async () => {
    const api = await zhdocApi();
    // The hostile markup wraps a phrase discovery keeps (parallel clauses): scare-quoted words are no longer discovered.
    const hostile = '“<b>守初心、担使命</b>”是口号。“<b>守初心、担使命</b>”还是口号。<script>alert(1)</script>\n“八八战略”与“八八战略”<img src=x onerror=alert(2)>\n';
    await openUntitled(hostile);
    const html = await vscode.commands.executeCommand<string>('zhdoc.showSloganReport');
    assert.equal(html, api.slogans.reportHtml());
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'nonce-[0-9a-f]+'/);
    assert.ok(!html.includes('<b>守初心'), 'document markup is not in the HTML');
    assert.ok(!html.includes('<script>alert'), 'document <script> is not in the HTML');
    assert.ok(!html.includes('<img src=x'), 'document <img> is not in the HTML');
    assert.ok(html.includes('&#60;b&#62;守初心、担使命&#60;/b&#62;'), 'the phrase is shown as text');
    assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'only zhdoc’s own script, with its nonce');
    assert.ok(!/https?:\/\//.test(html.replace(/https?:\/\/[^"']*vscode-cdn\.net[^"']*/g, '').replace(/vscode-resource:[^"']*/g, '')), 'no remote resources');
  });

  it('counts slogans in every text file of a folder', async () => {
    const counts = await vscode.commands.executeCommand<Array<{ file: vscode.Uri; slogans: Array<{ phrase: string; count: number }> }>>('zhdoc.countSlogansInFolder', vscode.Uri.file(join(workspaceDir(), 'samples')));
    const sample = counts.find((c) => c.file.path.endsWith('sample-article.txt'));
    assert.ok(sample, 'the sample was counted');
    assert.equal(sample.slogans.find((s) => s.phrase === '八八战略')?.count, 4);
  });
});

describe('slogans a researcher can trust', () => {
  afterEach(async () => {
    await setSetting('zhdoc.slogans.lexiconFiles', undefined);
    await discardAll();
  });

  const decoratedTexts = (doc: vscode.TextDocument, ranges: readonly vscode.Range[]): string[] => ranges.map((r) => doc.getText(r));

  it('does not decorate scare-quoted words, proverbs, names of meetings and publications that a text repeats', async () => {
    const api = await zhdocApi();
    const text = [
      '他是单位里的“老黄牛”，大家都学“老黄牛”。俗话说“远亲不如近邻家”，“远亲不如近邻家”嘛。',
      '参加“两会”报道，“两会”期间出版了“东海历代文献丛书”，“东海历代文献丛书”共十卷。',
      '要做到“守初心、担使命、抓落实”。“守初心、担使命、抓落实”是要求。',
    ].join('\n');
    const editor = await openUntitled(text);
    const doc = editor.document;
    const marks = await waitFor('slogan decorations', () => {
      const d = api.slogans.decorations(doc.uri);
      return d.discovered.length > 0 ? d : undefined;
    });
    const discovered = decoratedTexts(doc, marks.discovered);
    assert.deepEqual([...new Set(discovered)], ['守初心、担使命、抓落实'], 'only the parallel formula is decorated');
    for (const junk of ['老黄牛', '远亲不如近邻家', '两会', '东海历代文献丛书']) assert.ok(!discovered.some((t) => t.includes(junk)), junk);
  });

  it('says in the hover why a discovered phrase was kept', async () => {
    const api = await zhdocApi();
    const text = '要做到“守初心、担使命、抓落实”。“守初心、担使命、抓落实”是要求。';
    const editor = await openUntitled(text);
    await waitFor('slogans computed', () => api.slogans.model.current(editor.document)?.length);
    const hover = await hoverText(editor.document, editor.document.positionAt(text.indexOf('担使命') + 1));
    assert.match(hover, /discovered/);
    assert.match(hover, /Kept because: 3 parallel clauses of 3 characters; quoted 2×/);
  });

  it('decorates 忠誠、乾淨、擔當 through OpenCC’s 乾, and 一个中国原则 from a lexicon file', async () => {
    const api = await zhdocApi();
    await setSetting('zhdoc.slogans.lexiconFiles', ['slogan-formulae-lexicon.json']);
    const text = '幹部要做到忠誠、乾淨、擔當。堅持一個中國原則，堅持一个中国原则。';
    const editor = await openUntitled(text);
    const doc = editor.document;
    const marks = await waitFor('slogan decorations', () => {
      const d = api.slogans.decorations(doc.uri);
      return decoratedTexts(doc, d.known).length >= 3 ? d : undefined;
    });
    const known = decoratedTexts(doc, marks.known);
    assert.ok(known.includes('忠誠、乾淨、擔當'), JSON.stringify(known));
    assert.ok(known.includes('一個中國原則') && known.includes('一个中国原则'), JSON.stringify(known));
  });
});

describe('slogan lexicon files (trusted workspace)', () => {
  afterEach(async () => {
    await setSetting('zhdoc.slogans.lexiconFiles', undefined);
    await discardAll();
  });

  it('reads known slogans from the JSON files zhdoc.slogans.lexiconFiles names', async () => {
    const api = await zhdocApi();
    await setSetting('zhdoc.slogans.lexiconFiles', ['team-lexicon.json']);
    const editor = await openUntitled('坚持三个一以贯之。做到三个一以贯之。');
    const slogans = await api.slogans.model.refresh(editor.document);
    const phrase = slogans.find((s) => s.phrase === '三个一以贯之');
    assert.equal(phrase?.kind, 'known');
    assert.equal(phrase?.category, '政治要求');
  });
});
