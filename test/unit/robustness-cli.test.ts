/** The issue #13 repros through the CLI as a user runs it (dist/cli.js in a child process). */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { convertText } from '../../src/core/convert';
import { CLI } from './support/cli';

/** zhdoc with room for outputs of many megabytes (spawnSync's default buffer is 1 MB). */
function zhdoc(args: readonly string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'zhdoc-robust-'));
const noStack = (s: string): void => assert.ok(!/\n\s+at /.test(s) && s.trim().split('\n').length <= 1, `one line, no stack trace: ${s}`);

/** GB18030 bytes of a text, written with the platform's encoder for the test (TextEncoder is UTF-8 only). */
function gb18030(text: string): Buffer {
  // Every character of the fixture text with its GB18030 bytes, found by decoding all two-byte codes once.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(decoder.decode(Uint8Array.of(a, b)), [a, b]);
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

describe('zhdoc CLI: encodings', () => {
  it('converts a GB18030 file with the right text (auto-detected and with --encoding)', () => {
    const file = join(tmp, 'gb.txt');
    writeFileSync(file, gb18030('发展经济，头发。\r\n第二行 abc\n'));
    for (const args of [[file], ['--encoding', 'gbk', file], ['--encoding', 'GB18030', file]]) {
      const r = zhdoc(['convert', '--config', 's2t', ...args]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '發展經濟，頭髮。\r\n第二行 abc\n');
    }
  });

  it('converts UTF-16 LE and BE files with a byte order mark, keeping the mark', () => {
    const text = '发展经济 𠮷\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    for (const [name, bytes] of [['le.txt', le], ['be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])]] as const) {
      const file = join(tmp, name);
      writeFileSync(file, bytes);
      const r = zhdoc(['convert', '--config', 's2t', file]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '\ufeff發展經濟 𠮷\n', name);
    }
  });

  it('keeps a UTF-8 byte order mark (10 bytes in, 10 out) and counts offsets without it, as VS Code does', () => {
    const r = zhdoc(['convert', '--config', 's2t'], Buffer.from('\ufeff发展经', 'utf8'));
    assert.equal(Buffer.from(r.stdout, 'utf8').length, 12);
    assert.equal(r.stdout, '\ufeff發展經');
    const bomless = zhdoc(['convert', '--config', 's2t'], Buffer.from('发展经', 'utf8'));
    assert.equal(bomless.stdout, '發展經');
    const script = zhdoc(['script', '--json'], Buffer.from('\ufeff發展經濟一号', 'utf8'));
    assert.deepEqual(JSON.parse(script.stdout).minority, [{ offset: 5, char: '号', counterpart: '號' }]);
    assert.equal(zhdoc(['pinyin'], Buffer.from('\ufeff答案', 'utf8')).stdout, "\ufeff答案(dá'àn)");
  });

  it('refuses binary input (NUL bytes) in one line, and an unknown --encoding', () => {
    const r = zhdoc(['script'], Buffer.alloc(4096));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /looks binary/);
    noStack(r.stderr);
    const u = zhdoc(['convert', '-c', 's2t', '--encoding', 'klingon'], 'x');
    assert.equal(u.status, 2);
    noStack(u.stderr);
  });
});

describe('zhdoc CLI: large input in pieces', () => {
  it('streams lines longer than a piece and many pieces with the same output as one pass', () => {
    // 3 MB of lines, and one line of 2.5 million characters without a break: both cut into pieces; each must
    // convert exactly as its text does in one call of the core.
    const line = '发展经济，头发干了。Hello 𠮷\r\n';
    const many = zhdoc(['convert', '-c', 's2t'], line.repeat(110_000));
    assert.equal(many.status, 0, many.stderr);
    assert.equal(many.stdout, convertText(line, 's2t').repeat(110_000));
    const long = zhdoc(['convert', '-c', 's2t'], '头发干了，'.repeat(500_000));
    assert.equal(long.stdout, convertText('头发干了，', 's2t').repeat(500_000));
    const script = zhdoc(['script', '--json'], '發展經濟。\n'.repeat(300_000) + '号');
    assert.deepEqual(JSON.parse(script.stdout).minority, [{ offset: 6 * 300_000, char: '号', counterpart: '號' }]);
  });

  it('pinyin on one unpunctuated run of 100k characters ends (repro: 4 minutes before)', () => {
    const r = zhdoc(['pinyin', '--tone', 'num'], '的'.repeat(100_000));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '的(de5)'.repeat(100_000));
    const j = zhdoc(['pinyin', '--jsonl'], '的'.repeat(5000) + '\n\n的');
    assert.equal(j.stdout, JSON.stringify(Array(5000).fill('de')) + '\n[]\n["de"]\n');
  });

  it('pinyin on one run of 500k characters, the last of the input, stays within the streaming heap', () => {
    // Read as one 500k piece (a last read is not cut by line), it ran out of the 160 MB heap.
    const r = zhdoc(['pinyin', '--tone', 'num'], '的'.repeat(500_000) + '\n');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '的(de5)'.repeat(500_000) + '\n');
  });
});
