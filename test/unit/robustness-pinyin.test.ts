import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { annotatePinyin, toPinyinText, wordsIn } from '../../src/core/pinyin';
import { longRunWords } from '../../src/core/pinyin/words';
import { isHanCodePoint } from '../../src/core/text';

const fixtures = resolve(__dirname, '../../../test/fixtures');
const FIXTURES = ['pinyin/simplified.txt', 'pinyin/traditional.txt', 'pinyin/mixed.txt', 'slogans/county-meeting.txt', 'boilerplate/portal-simplified.txt', 'boilerplate/news-traditional.txt', 'boilerplate/notice-with-table.txt', 'boilerplate/forum-thread.txt'];
/** The fixtures' Han characters run together: one long clause of real words, with no punctuation to cut at. */
const longRun = (): string =>
  [...FIXTURES.map((f) => readFileSync(join(fixtures, f), 'utf8')).join('')]
    .filter((c) => isHanCodePoint(c.codePointAt(0)!))
    .join('');

describe('pinyin: long runs of Han characters', () => {
  it('reads a long run in windows exactly as in one pass', () => {
    const run = longRun();
    assert.ok(run.length > 1500, `fixture run is ${run.length} characters`);
    // One pass over the whole run (a window larger than the run) against small windows that cut it many times.
    const onePass = longRunWords(run, 0, run.length, run.length + 1, 0);
    for (const [window, overlap] of [[200, 64], [333, 100], [512, 256]] as const) {
      const windowed = longRunWords(run, 0, run.length, window, overlap);
      assert.deepEqual(windowed.map((w) => [w.word, w.readings.join(' ')]), onePass.map((w) => [w.word, w.readings.join(' ')]), `window ${window}`);
    }
  });

  it('annotates 100k characters of 的 in linear time (repro: minutes before)', () => {
    const text = '的'.repeat(100_000);
    const t0 = performance.now();
    const edits = annotatePinyin(text, 'marks');
    const ms = performance.now() - t0;
    assert.equal(edits.length, 100_000, 'one annotation per 的');
    // Generous bound for a loaded 2-core machine: before the fix this took about 4 minutes.
    assert.ok(ms < 20_000, `${ms} ms`);
    const words = wordsIn(text);
    assert.equal(words.reduce((n, w) => n + w.word.length, 0), text.length);
    assert.equal(toPinyinText('的'.repeat(5000), 'marks'), Array(5000).fill('de').join(' '));
  });
});
