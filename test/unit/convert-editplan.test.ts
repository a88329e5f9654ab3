import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getConverter } from '../../src/core/convert';
import { planEdits } from '../../src/core/editPlan';
import { applyEdits } from '../../src/core/text';

describe('planEdits', () => {
  const lines = Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? `第${i}節 發展` : `  這是第${i}行，經濟發展與體制改革。`));
  const text = lines.join('\n');
  const edits = getConverter('t2s').edits(text);
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length - 1;

  it('joins edits down to about the limit and still rebuilds the conversion', () => {
    const planned = planEdits(text, edits, 50, { lines: new Set(), offsets: [] });
    assert.ok(edits.length > 1000 && planned.length <= 50, `${edits.length} → ${planned.length}`);
    assert.equal(applyEdits(text, planned), applyEdits(text, edits));
  });

  it('never spans a kept line or covers a kept offset', () => {
    const cursor = text.indexOf('第205行') + 2;
    const kept = { lines: new Set([100, 109, 205]), offsets: [cursor] };
    const planned = planEdits(text, edits, 50, kept);
    assert.equal(applyEdits(text, planned), applyEdits(text, edits));
    for (const e of planned) {
      const from = lineOf(e.offset);
      const to = lineOf(e.offset + e.length);
      for (const l of kept.lines) assert.ok(!(from < l && l <= to) && !(from <= l && l < to), `edit over lines ${from}-${to} spans kept line ${l}`);
      assert.ok(!(e.offset < cursor && cursor < e.offset + e.length), 'covers the cursor');
    }
  });

  it('leaves few edits alone', () => {
    const few = edits.slice(0, 10);
    assert.deepEqual(planEdits(text, few, 50, { lines: new Set(), offsets: [] }), few);
  });
});
