/** `zhdoc scan` as a user runs it (dist/cli.js in a child process): output schema, bad lines, parity with `zhdoc slogans`. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { CLI, ROOT, zhdoc } from './support/cli';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/scan.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const corpus = join(ROOT, 'test/fixtures/corpus/corpus.jsonl');
const county = readFileSync(join(ROOT, 'test/fixtures/slogans/county-meeting.txt'), 'utf8');

const rows = (stdout: string): Array<Record<string, unknown>> => stdout.split('\n').filter((l) => l).map((l) => JSON.parse(l) as Record<string, unknown>);

function assertValid(list: ReadonlyArray<Record<string, unknown>>): void {
  for (const row of list) assert.ok(validate(row), `${JSON.stringify(row).slice(0, 200)}: ${JSON.stringify(validate.errors)}`);
}

describe('zhdoc scan', () => {
  it('writes one row per document that validates against schema/scan.schema.json, passing input fields through', () => {
    const r = zhdoc(['scan', '-q', corpus]);
    assert.equal(r.status, 0, r.stderr);
    const out = rows(r.stdout);
    assert.equal(out.length, 5);
    assertValid(out);
    assert.deepEqual(out.map((o) => o.id), ['gov-2022-01', 'news-2022-01', 'gov-2023-01', 'news-2023-01', 'news-2023-02']);
    assert.equal(out[0]!.year, 2022);
    assert.equal(out[0]!.source, 'gov');
    assert.equal('text' in out[0]!, false);
    assert.match(String(out[0]!.lexicon_sha256), /^[0-9a-f]{64}$/);
    assert.equal(r.stderr, '');
  });

  it('writes hit rows with --hits and the minority characters with --minority, all valid', () => {
    const input = JSON.stringify({ id: 7, text: '深入實施“八八戰略”，堅持八八战略，后面还有几个字。' }) + '\n';
    const hits = zhdoc(['scan', '-q', '--hits'], input);
    assert.equal(hits.status, 0, hits.stderr);
    const h = rows(hits.stdout);
    assertValid(h);
    assert.deepEqual(h.map((x) => [x.id, x.phrase, x.offset, x.length]), [[7, '八八战略', 5, 4], [7, '八八战略', 13, 4]]);
    assert.equal(h[0]!.context, '深入實施“八八戰略”，堅持八八战略，后面还有几个字。');
    const minority = rows(zhdoc(['scan', '-q', '--minority'], input).stdout);
    assertValid(minority);
    assert.ok(Array.isArray((minority[0]!.script as { minority?: unknown[] }).minority));
    const plain = rows(zhdoc(['scan', '-q'], input).stdout);
    assert.equal('minority' in (plain[0]!.script as object), false);
  });

  it('lists exactly what `zhdoc slogans --json` finds in each text, with the same flags', () => {
    const texts = [county, ...rows(readFileSync(corpus, 'utf8')).map((o) => String(o.text))];
    const input = texts.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n';
    for (const flags of [[], ['--min-count', '2'], ['--known-only'], ['--keep-boilerplate']]) {
      const scanned = rows(zhdoc(['scan', '-q', ...flags], input).stdout);
      assert.equal(scanned.length, texts.length);
      texts.forEach((text, i) => {
        const expected = (JSON.parse(zhdoc(['slogans', '--json', ...flags], text).stdout) as Array<{ phrase: string; kind: string; count: number }>).map((s) => ({ phrase: s.phrase, kind: s.kind, count: s.count }));
        assert.deepEqual(scanned[i]!.slogans, expected, `text ${i} with ${flags.join(' ')}`);
      });
    }
    const county0 = rows(zhdoc(['scan', '-q'], JSON.stringify({ id: 'c', text: county }) + '\n').stdout)[0]!;
    assert.deepEqual(county0.boilerplate, (JSON.parse(zhdoc(['boilerplate', '--json'], county).stdout) as { blocks: unknown }).blocks);
  });

  it('reports a corrupt line in the middle as `line N: …`, scans the rest, and exits 1', () => {
    const good = (id: string): Buffer => Buffer.from(JSON.stringify({ id, text: '坚持共同富裕，推动高质量发展。' }) + '\n');
    const input = Buffer.concat([good('a'), Buffer.from('{"id": "broken", "text": "共同\n'), Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0xff, 0xfe, 0x7d, 0x0a]), Buffer.from('{"id":"notext"}\n'), Buffer.from('\n'), good('b'), good('c')]);
    for (const jobs of ['1', '2']) {
      const r = zhdoc(['scan', '-q', '--jobs', jobs], input);
      assert.equal(r.status, 1, `--jobs ${jobs}: ${r.stderr}`);
      assert.deepEqual(rows(r.stdout).map((o) => o.id), ['a', 'b', 'c']);
      const errors = r.stderr.trim().split('\n');
      assert.equal(errors.length, 3, r.stderr);
      assert.match(errors[0]!, /^line 2: not JSON/);
      assert.match(errors[1]!, /^line 3: not valid UTF-8/);
      assert.match(errors[2]!, /^line 4: no "text" string field/);
    }
  });

  it('skips a line over 64 MB with one message and goes on with the lines after it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhdoc-long-'));
    try {
      const input = join(dir, 'corpus.jsonl');
      const good = (id: string): string => JSON.stringify({ id, text: '坚持共同富裕，推动高质量发展。' }) + '\n';
      // 65 MB of text in one line: longer than the limit, and longer than any buffer the reader grows to.
      writeFileSync(input, good('a') + '{"id":"huge","text":"' + '发展'.repeat(65 * 1024 * 1024 / 6) + '"}\n' + good('b'));
      for (const jobs of ['1', '2']) {
        const r = zhdoc(['scan', '-q', '--jobs', jobs, input]);
        assert.equal(r.status, 1, `--jobs ${jobs}: ${r.stderr}`);
        assert.deepEqual(rows(r.stdout).map((o) => o.id), ['a', 'b']);
        assert.match(r.stderr.trim(), /^line 2: longer than 64 MB; split it$/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same rows in the same order with --jobs 2 as with --jobs 1', () => {
    const base = rows(readFileSync(corpus, 'utf8'));
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) lines.push(JSON.stringify({ ...base[i % base.length], id: `d${i}`, text: String(base[i % base.length]!.text).repeat(1 + (i % 7)) }));
    const input = lines.join('\n') + '\n';
    const one = zhdoc(['scan', '-q', '--jobs', '1'], input);
    const two = zhdoc(['scan', '-q', '--jobs', '2'], input);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.equal(rows(one.stdout).length, 400);
  });

  it('scans a folder of text files, the path as id, and reports progress on stderr', () => {
    const r = zhdoc(['scan', join(ROOT, 'test/fixtures/corpus/dated')]);
    assert.equal(r.status, 0, r.stderr);
    const out = rows(r.stdout);
    assertValid(out);
    assert.deepEqual(out.map((o) => o.id), ['2021-03-05-report.txt', '20210710.txt', 'speech-a.txt', 'speech-b.txt', 'undated.txt']);
    assert.match(r.stderr, /^zhdoc scan: 5 documents, 0 failed, /m);
  });

  it('refuses a missing input and bad flags with a clear message', () => {
    const missing = zhdoc(['scan', join(ROOT, 'no/such.jsonl')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no such file or folder/);
    const jobs = zhdoc(['scan', '--jobs', '0'], '');
    assert.equal(jobs.status, 2);
    assert.match(jobs.stderr, /--jobs must be a whole number/);
    const empty = zhdoc(['scan', '-q'], '');
    assert.equal(empty.status, 0);
    assert.equal(empty.stdout, '');
  });
  it('ends quietly with exit 0 when its reader closes the pipe early (`| head`), like the other commands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhdoc-pipe-'));
    try {
      // Far more output than a pipe holds, so the writer meets the closed pipe.
      const input = join(dir, 'corpus.jsonl');
      const line = (i: number): string => JSON.stringify({ id: i, text: county });
      writeFileSync(input, Array.from({ length: 400 }, (_, i) => line(i)).join('\n') + '\n');
      for (const [command, args] of [['scan', ['scan', '-q', '--hits', input]], ['scan --jobs 2', ['scan', '-q', '--jobs', '2', '--hits', input]], ['convert', ['convert', '--config', 's2t', input]]] as const) {
        const quoted = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
        const r = spawnSync('bash', ['-c', `set -o pipefail; ${quoted} | head -c 100 > /dev/null`], { encoding: 'utf8' });
        assert.equal(r.status, 0, `${command}: ${r.stderr}`);
        assert.equal(r.stderr, '', command);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
