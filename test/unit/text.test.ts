import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, coalesceEdits, containsHan, countHan, escapeHtml, isHanCodePoint, lineStarts, splitLines } from '../../src/core/text';

describe('text helpers', () => {
  it('classifies Han code points, astral ones included', () => {
    assert.ok(isHanCodePoint('字'.codePointAt(0)!));
    assert.ok(isHanCodePoint('𠮷'.codePointAt(0)!));
    assert.ok(isHanCodePoint('〇'.codePointAt(0)!));
    assert.ok(!isHanCodePoint('。'.codePointAt(0)!));
    assert.ok(!isHanCodePoint('⺀'.codePointAt(0)!));
  });

  it('counts Han characters', () => {
    assert.equal(countHan('漢字 abc 𠮷。'), 3);
    assert.equal(containsHan('abc'), false);
    assert.equal(containsHan('abc𠮷'), true);
  });

  it('splits lines with CRLF belonging to the break', () => {
    assert.deepEqual(splitLines('a\r\nb\nc'), ['a', 'b', 'c']);
    assert.deepEqual(lineStarts('a\r\nb\nc'), [0, 3, 5]);
  });

  it('escapes HTML', () => {
    assert.equal(escapeHtml('<script>"x" & \'y\'</script>'), '&#60;script&#62;&#34;x&#34; &#38; &#39;y&#39;&#60;/script&#62;');
  });

  it('coalesces many edits first within lines, then across, with the same result', () => {
    const text = 'ab cd\nef gh\nij kl\n';
    const edits = [0, 3, 6, 9, 12, 15].map((offset) => ({ offset, length: 1, text: 'X' }));
    const expected = applyEdits(text, edits);
    const byLine = coalesceEdits(text, edits, 3);
    assert.equal(byLine.length, 3);
    assert.equal(applyEdits(text, byLine), expected);
    const fewer = coalesceEdits(text, edits, 2);
    assert.equal(fewer.length, 2);
    assert.equal(applyEdits(text, fewer), expected);
    assert.deepEqual(coalesceEdits(text, edits, 10), edits);
  });
});
