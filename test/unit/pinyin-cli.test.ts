/** `zhdoc pinyin` as a user runs it: dist/cli.js in a child process (npm test builds dist before the unit tests). */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { zhdoc as run } from './support/cli';

const zhdoc = (args: string[], input?: string) => run(['pinyin', ...args], input);

describe('zhdoc pinyin --jsonl', () => {
  it('prints one JSON array per input line, one entry per code point, null where not Han', () => {
    const r = zhdoc(['--jsonl', '--tone', 'num'], '绿色a𠮷\r\n\n幹在實處\n');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 3);
    const first = JSON.parse(lines[0]!) as Array<string | null>;
    assert.equal(first.length, 4);
    assert.deepEqual(first.slice(0, 3), ['lv4', 'se4', null]);
    assert.deepEqual(JSON.parse(lines[1]!), []);
    assert.deepEqual(JSON.parse(lines[2]!), ['gan4', 'zai4', 'shi2', 'chu4']);
  });

  it('writes marks by default and bare syllables with --tone none', () => {
    assert.deepEqual(JSON.parse(zhdoc(['--jsonl'], '绿').stdout), ['lǜ']);
    assert.deepEqual(JSON.parse(zhdoc(['--jsonl', '--tone', 'none'], '绿').stdout), ['lv']);
  });

  it('keeps a last line without a line break and prints nothing for empty input', () => {
    assert.equal(zhdoc(['--jsonl', '--tone', 'num'], '中\n文').stdout, '["zhong1"]\n["wen2"]\n');
    assert.equal(zhdoc(['--jsonl'], '').stdout, '');
    assert.equal(zhdoc(['--jsonl'], '\n').stdout, '[]\n');
  });

  it('reads a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zhdoc-pinyin-')), 'in.txt');
    writeFileSync(file, '重要');
    assert.equal(zhdoc(['--jsonl', '--tone', 'num', file]).stdout, '["zhong4","yao4"]\n');
  });
});

describe('zhdoc pinyin (annotate)', () => {
  it('annotates the text as the Annotate command does', () => {
    const r = zhdoc([], '發展經濟，abc\n');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '發展(fāzhǎn)經濟(jīngjì)，abc\n');
    assert.equal(zhdoc(['--tone', 'num'], '漢字').stdout, '漢字(han4 zi4)');
  });

  it('fails with exit 2 on a usage error and exit 1 on a missing file, with one line', () => {
    const usage = zhdoc(['--tone', 'pinyin']);
    assert.equal(usage.status, 2);
    assert.equal(usage.stderr.trim().split('\n').length, 1);
    assert.equal(zhdoc(['--bogus']).status, 2);
    assert.equal(zhdoc(['a.txt', 'b.txt']).status, 2);
    const missing = zhdoc(['/no/such/file.txt']);
    assert.equal(missing.status, 1);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
  });
});

describe('zhdoc pinyin --sandhi', () => {
  it('writes dictionary tones by default, 一/不 sandhi with --sandhi, third-tone sandhi with --sandhi=all', () => {
    const text = '我不是一个人，你好。\n';
    assert.equal(zhdoc([], text).stdout, '我(wǒ)不是(bùshì)一个人(yīgerén)，你好(nǐhǎo)。\n');
    assert.equal(zhdoc(['--sandhi'], text).stdout, '我(wǒ)不是(búshì)一个人(yígerén)，你好(nǐhǎo)。\n');
    assert.equal(zhdoc(['--sandhi=yibu'], text).stdout, '我(wǒ)不是(búshì)一个人(yígerén)，你好(nǐhǎo)。\n');
    assert.equal(zhdoc(['--sandhi=all'], text).stdout, '我(wǒ)不是(búshì)一个人(yígerén)，你好(níhǎo)。\n');
    assert.equal(zhdoc(['--sandhi=off'], text).stdout, zhdoc([], text).stdout);
    assert.equal(zhdoc(['--sandhi', '--tone', 'num'], '一點兒').stdout, '一點兒(yi4 dianr3)');
  });

  it('gives the same readings per character with --jsonl, erhua as r', () => {
    assert.equal(zhdoc(['--jsonl', '--sandhi', '--tone', 'num'], '一个，哪儿').stdout, '["yi2","ge5",null,"na3","r5"]\n');
    assert.equal(zhdoc(['--jsonl'], '看一看').stdout, '["kàn","yī","kàn"]\n');
    assert.equal(zhdoc(['--jsonl', '--sandhi'], '看一看').stdout, '["kàn","yi","kàn"]\n');
  });

  it('rejects an unknown mode with a usage error and says it in the help', () => {
    const r = zhdoc(['--sandhi=loud'], '一个');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--sandhi/);
    assert.match(run(['--help']).stdout + run(['--help']).stderr, /--sandhi/);
  });
});
