import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSlogansCsv, type Slogan } from '../../src/core/slogans';
import { escapeMarkdownText } from '../../src/vscode/markdown';

const slogan = (phrase: string): Slogan => ({ key: phrase, phrase, count: 2, kind: 'discovered', method: 'quoted', category: undefined, year: null, source: undefined, abbreviations: [], occurrences: [{ offset: 0, length: phrase.length }] }) as unknown as Slogan;

describe('CSV export: cells a spreadsheet would run', () => {
  it('neutralises =, +, -, @, tab and CR at the start of a cell (issue repros)', () => {
    const csv = formatSlogansCsv(['=HYPERLINK(1)提法', '-2+3提法', '@SUM(1)提法', '+1提法', '\t提法', '\r提法', '提法=1'].map(slogan));
    const cells = csv.split('\r\n').slice(1).map((row) => row.slice(0, row.indexOf(',2,')));
    assert.deepEqual(cells.slice(0, 5), [`"'=HYPERLINK(1)提法"`, `"'-2+3提法"`, `"'@SUM(1)提法"`, `"'+1提法"`, `"'\t提法"`]);
    assert.ok(csv.includes(`"'\r提法"`));
    assert.ok(csv.includes('\r\n提法=1,2,'), 'a cell that does not begin with a formula character is unchanged');
  });
});

describe('hover text: escaped once', () => {
  it('shows apostrophes as typed, HTML and markdown still inert', () => {
    assert.equal(escapeMarkdownText("dá'àn"), "dá'àn");
    assert.equal(escapeMarkdownText("~'s"), "\\~'s");
    assert.equal(escapeMarkdownText('<script>&"[x](y)'), '&lt;script&gt;&amp;&quot;\\[x\\]\\(y\\)');
  });
});
