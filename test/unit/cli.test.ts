/** The CLI as a user runs it: dist/cli.js in a child process (npm test builds dist before the unit tests). */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { zhdoc } from './support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'zhdoc-cli-'));

describe('zhdoc convert', () => {
  it('converts standard input and keeps line breaks and non-Han text', () => {
    const r = zhdoc(['convert', '--config', 's2twp'], '软件 and 鼠标\r\n\r\n𠮷 123\n');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '軟體 and 滑鼠\r\n\r\n𠮷 123\n');
  });

  it('converts a file', () => {
    const file = join(tmp, 'in.txt');
    writeFileSync(file, '發展經濟');
    assert.equal(zhdoc(['convert', '--config', 't2s', file]).stdout, '发展经济');
  });

  it('accepts every OpenCC config name', () => {
    for (const config of ['s2t', 't2s', 's2tw', 'tw2s', 's2twp', 'tw2sp', 's2hk', 'hk2s', 's2hkp', 'hk2sp', 't2tw', 'tw2t', 't2hk', 'hk2t', 't2jp', 'jp2t']) {
      assert.equal(zhdoc(['convert', '--config', config], '漢字').status, 0, config);
    }
  });
});

describe('zhdoc script', () => {
  it('prints counts, dominant script and minority characters with UTF-16 offsets', () => {
    const r = zhdoc(['script', '--json'], '𠮷發展經濟一号工程');
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), { traditional: 3, simplified: 1, dominant: 'traditional', minority: [{ offset: 7, char: '号', counterpart: '號' }] });
  });
});

describe('zhdoc errors', () => {
  const oneLine = (s: string): void => assert.equal(s.trim().split('\n').length, 1, `one line: ${s}`);

  it('exits 2 with one line for usage errors', () => {
    for (const args of [['convert'], ['convert', '--config', 'x2y'], ['convert', '--config', 's2t', '--bogus'], ['frobnicate'], []]) {
      const r = zhdoc(args, '');
      assert.equal(r.status, 2, args.join(' '));
      if (args.length) oneLine(r.stderr);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    }
  });

  it('exits 1 with one line for a missing file, a directory or bytes not in the encoding given', () => {
    // GBK bytes are read as GB18030 unless the encoding is given: then they are refused.
    const bad = join(tmp, 'gbk.txt');
    writeFileSync(bad, Buffer.from([0xd6, 0xd0, 0xce, 0xc4]));
    for (const args of [[join(tmp, 'missing.txt')], [tmp], ['--encoding', 'utf-8', bad]]) {
      const r = zhdoc(['convert', '--config', 's2t', ...args]);
      assert.equal(r.status, 1, args.join(' '));
      oneLine(r.stderr);
      assert.equal(r.stdout, '');
    }
    assert.match(zhdoc(['script', '--encoding', 'utf-8', bad]).stderr, /not valid UTF-8 \(first bad byte at offset 0\)/);
  });
});
