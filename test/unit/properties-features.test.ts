/**
 * Property-based tests of pinyin and boilerplate detection (fast-check, 10,000 runs each) on hostile strings:
 * astral characters, lone surrogates, combining marks, CRLF, NUL, mixed scripts, parentheses of both widths.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectBoilerplate, mainText, removeBoilerplateEdits } from '../../src/core/boilerplate';
import { annotatePinyin, readingsOf, removePinyinAnnotations, wordAt } from '../../src/core/pinyin';
import { applyEdits } from '../../src/core/text';

const RUNS = Number(process.env.ZHDOC_PROPERTY_RUNS ?? 10_000);

const pieces = fc.oneof(
  fc.constantFrom('幹在實處', '干在实处', '重要', '發展', '头发', '銀行', '行长', '了', '着', '還', '𠮷', '殢', '(', ')', '（', '）', '(hàn)', '(zi4)', 'ㄏㄢˋ', '“', '”', '，', '。'),
  fc.constantFrom('\n', '\r\n', '\r', '\u0000', '\t', ' ', '\ud800', '\udc00', 'e\u0301', '\u200b', 'A', '9'),
  fc.constantFrom('來源：浙江日報', '点击数：104', '打印', '版权所有', '浙ICP备12033620号', '上一篇', 'Baidu', '联系我们', '地址：杭州市'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const hostileText = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));

describe('pinyin properties', () => {
  it('gives one reading entry per code point, null exactly for non-Han', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const readings = readingsOf(text);
        const points = [...text];
        assert.equal(readings.length, points.length);
        readings.forEach((r, i) => {
          const cp = points[i]!.codePointAt(0)!;
          const han = (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x323af) || (cp >= 0xf900 && cp <= 0xfaff) || cp === 0x3007;
          if (!han) assert.equal(r, null, `non-Han ${JSON.stringify(points[i])} has no reading`);
          if (r !== null) assert.match(r, /^[a-z]+[1-5]$/);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('removes exactly what it annotated, whatever parentheses the text had', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('marks', 'numbers', 'zhuyin') as fc.Arbitrary<'marks' | 'numbers' | 'zhuyin'>, (text, style) => {
        const annotated = applyEdits(text, annotatePinyin(text, style));
        assert.equal(applyEdits(annotated, removePinyinAnnotations(annotated)), text);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds the word under any offset inside the text', () => {
    fc.assert(
      fc.property(hostileText, fc.nat(), (text, n) => {
        const offset = text.length ? n % (text.length + 1) : 0;
        const word = wordAt(text, offset);
        if (word) {
          assert.ok(word.start >= 0 && word.end <= text.length && word.start < word.end);
          assert.equal(text.slice(word.start, word.end), word.word);
          assert.equal(word.readings.length, [...word.word].length);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('boilerplate properties', () => {
  it('gives blocks in range, sorted and disjoint, and a main text made of whole lines of the input', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        const result = detectBoilerplate(text);
        assert.equal(result.lines, text.split('\n').length);
        let previousEnd = -1;
        for (const b of result.blocks) {
          assert.ok(b.start > previousEnd && b.start <= b.end && b.end < result.lines, JSON.stringify(result.blocks));
          previousEnd = b.end;
        }
        // Lines as the detector sees them: a \r belongs to the break only when a \n follows it.
        const linesOf = (t: string): string[] => t.split(/\r?\n/);
        const kept = linesOf(mainText(text, result));
        const all = new Set(linesOf(text));
        for (const line of kept) if (line !== '') assert.ok(all.has(line), 'main text holds only lines of the input');
        assert.equal(applyEdits(text, removeBoilerplateEdits(text, result)), mainText(text, result));
      }),
      { numRuns: RUNS },
    );
  });
});
