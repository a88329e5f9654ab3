import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getConverter } from '../../src/core/convert';
import { runEditJob, type EditJob } from '../../src/core/editJobs';
import { annotatePinyin, removePinyinAnnotations } from '../../src/core/pinyin';
import { applyEdits, type TextEdit } from '../../src/core/text';

/** Runs a job to the end in small steps (many pieces), returning its result and the number of steps. */
function run(text: string, job: EditJob, ranges: Array<[number, number]>, maxEdits: number, keptLines: number[] = [], keptOffsets: number[] = [], stepChars = 200) {
  const steps = runEditJob(text, job, ranges, maxEdits, { lines: new Set(keptLines), offsets: keptOffsets }, stepChars);
  let covered = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { ...next.value, covered };
    covered += next.value;
  }
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length - 1;
const spans = (text: string, edits: readonly TextEdit[], line: number): boolean =>
  edits.some((e) => lineOf(text, e.offset) !== lineOf(text, e.offset + e.length) && lineOf(text, e.offset) <= line && lineOf(text, e.offset + e.length) >= line);

describe('edit jobs (the whole-document commands as the analysis worker runs them)', () => {
  const lines = Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? `第${i}節 發展` : `  這是第${i}行，經濟發展與體制改革。`));
  const text = `${lines.join('\n')}\n`;

  it('converts in pieces of whole lines to exactly the whole conversion, joined down to about the limit', () => {
    const result = run(text, { kind: 'convert', config: 't2s', options: {} }, [[0, text.length]], 40);
    assert.equal(applyEdits(text, result.edits), getConverter('t2s').convert(text));
    assert.equal(result.covered, text.length);
    assert.ok(result.edits.length <= 80, `${result.edits.length} edits`);
    assert.ok(result.count > 1000);
  });

  it('never joins an edit across a kept line or over a kept offset', () => {
    // A cursor between two unchanged characters of line 151 (行，), with changes on both sides; its line is kept
    // too, as keptPlaces keeps every cursor's line.
    const cursor = text.indexOf('第151行') + 5;
    const result = run(text, { kind: 'convert', config: 't2s', options: {} }, [[0, text.length]], 10, [100, 150, 151], [cursor]);
    assert.equal(applyEdits(text, result.edits), getConverter('t2s').convert(text));
    for (const line of [100, 150, 151]) assert.ok(!spans(text, result.edits, line), `an edit spans kept line ${line}`);
    assert.ok(!result.edits.some((e) => e.offset < cursor && e.offset + e.length > cursor), 'an edit covers the cursor');
  });

  it('changes only the ranges asked for, even when they start and end inside lines', () => {
    const a = text.indexOf('第21行') + 2;
    const b = text.indexOf('第187行') + 3;
    const result = run(text, { kind: 'convert', config: 't2s', options: {} }, [[a, b]], 20);
    const out = applyEdits(text, result.edits);
    assert.equal(out, text.slice(0, a) + getConverter('t2s').convert(text.slice(a, b)) + text.slice(b));
  });

  it('annotates and removes pinyin exactly as the core does over the whole text', () => {
    const simplified = getConverter('t2s').convert(text);
    const annotated = run(simplified, { kind: 'annotate', style: 'marks', sandhi: 'off' }, [[0, simplified.length]], 30);
    assert.equal(applyEdits(simplified, annotated.edits), applyEdits(simplified, annotatePinyin(simplified, 'marks')));
    assert.equal(annotated.count, annotatePinyin(simplified, 'marks').length);
    const withPinyin = applyEdits(simplified, annotated.edits);
    const removed = run(withPinyin, { kind: 'remove' }, [[0, withPinyin.length]], 30);
    assert.equal(applyEdits(withPinyin, removed.edits), applyEdits(withPinyin, removePinyinAnnotations(withPinyin)));
    assert.equal(applyEdits(withPinyin, removed.edits), simplified);
  });

  it('handles a text without a final line break and one long line', () => {
    const long = '這是一個很長的句子，經濟發展。'.repeat(100);
    for (const t of [long, `${long}\n${long}`, '\n\n臺灣\n']) {
      const result = run(t, { kind: 'convert', config: 't2s', options: {} }, [[0, t.length]], 5);
      assert.equal(applyEdits(t, result.edits), getConverter('t2s').convert(t));
    }
  });
});
