/** `zhdoc slogans` as a user runs it: dist/cli.js in a child process (npm test builds dist before the unit tests). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { ROOT as root, zhdoc } from './support/cli';

const fixture = join(root, 'test/fixtures/slogans/county-meeting.txt');

interface Record {
  phrase: string;
  count: number;
  kind: string;
  category: string | null;
  occurrences: Array<{ offset: number; length: number }>;
}

describe('zhdoc slogans', () => {
  it('prints the issue’s JSON shape with UTF-16 offsets of the input', () => {
    const input = '𠮷 深入實施“八八戰略”，堅持八八战略。';
    const r = zhdoc(['slogans', '--json'], input);
    assert.equal(r.status, 0, r.stderr);
    const records = JSON.parse(r.stdout) as Record[];
    assert.deepEqual(records, [{ phrase: '八八战略', count: 2, kind: 'known', category: '浙江省委提法', occurrences: [{ offset: 8, length: 4 }, { offset: 16, length: 4 }] }]);
    assert.equal(input.slice(8, 12), '八八戰略');
    assert.equal(input.slice(16, 20), '八八战略');
  });

  it('lists known and discovered slogans of a file, leaving its boilerplate footer out', () => {
    const text = readFileSync(fixture, 'utf8');
    const records = JSON.parse(zhdoc(['slogans', '--json', fixture]).stdout) as Record[];
    const baba = records.find((s) => s.phrase === '八八战略')!;
    assert.equal(baba.count, 3, 'the footer’s 八八戰略研究會 does not count');
    assert.ok(baba.occurrences.every((o) => o.offset < text.indexOf('聯繫我們')));
    assert.equal(records.find((s) => s.phrase === '四個聚焦')?.kind, 'discovered');
    assert.equal(records.find((s) => s.phrase === '四個聚焦')?.category, null);
    const kept = JSON.parse(zhdoc(['slogans', '--json', '--keep-boilerplate', fixture]).stdout) as Record[];
    assert.equal(kept.find((s) => s.phrase === '八八战略')!.count, 4);
  });

  it('applies --min-count to every phrase and --known-only to discovery', () => {
    const records = JSON.parse(zhdoc(['slogans', '--json', '--min-count', '3', fixture]).stdout) as Record[];
    assert.ok(records.length > 0 && records.every((s) => s.count >= 3));
    const known = JSON.parse(zhdoc(['slogans', '--json', '--known-only', fixture]).stdout) as Record[];
    assert.ok(known.length > 0 && known.every((s) => s.kind === 'known'));
  });

  it('prints a table by default and CSV on request', () => {
    const table = zhdoc(['slogans', fixture]).stdout.split('\n');
    assert.match(table[0]!, /^\s+3 {2}八八战略 {2}浙江省委提法, 2003$/);
    assert.ok(table.some((l) => /四個聚焦 {2}discovered \(numeral\)$/.test(l)));
    const csv = zhdoc(['slogans', '--csv', fixture]).stdout;
    assert.ok(csv.startsWith('phrase,count,kind,method,category,year,source,occurrences\r\n八八战略,3,known,lexicon,'));
  });

  it('prints nothing for a text without slogans', () => {
    const r = zhdoc(['slogans'], '今天天气很好。');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
    assert.equal(zhdoc(['slogans', '--json'], '').stdout, '[]\n');
  });

  it('rejects bad arguments with exit code 2', () => {
    for (const args of [['--min-count', '0'], ['--min-count', 'x'], ['--json', '--csv'], ['a', 'b'], ['--bogus']]) {
      const r = zhdoc(['slogans', ...args], '八八战略');
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^zhdoc: /);
    }
    assert.equal(zhdoc(['slogans', join(root, 'no-such-file.txt')]).status, 1);
  });
});
