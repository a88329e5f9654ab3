/**
 * Property-based tests of conversion and script detection (fast-check, 10,000 runs each): for any string —
 * astral characters, lone surrogates, combining marks, CRLF, NUL, mixed scripts — nothing throws, nothing
 * outside the converted characters moves, and the edits the editor applies rebuild the converted text.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CONVERSION_CONFIG_NAMES, getConverter, type ConversionConfigName } from '../../src/core/convert';
import * as Locale from 'opencc-js/preset';
import { countScripts, findMinorityCharacters, unifyScriptEdits } from '../../src/core/script';
import { applyEdits, isHanCodePoint } from '../../src/core/text';

const RUNS = Number(process.env.ZHDOC_PROPERTY_RUNS ?? 10_000);

/** Pieces that make strings hostile and realistic at once. */
const pieces = fc.oneof(
  fc.constantFrom('发', '發', '号', '號', '干', '幹', '后', '後', '里', '裡', '台', '臺', '着', '著', '鼠标', '软件', '頭发', '殢', '𠮷', '𣨼', '舊字體', '汉字', '八八战略', '“', '”', '，', '。', '、', '「', '」'),
  fc.constantFrom('\n', '\r\n', '\r', '\u0000', '\t', ' ', '\u3000', '\ud800', '\udc00', '\ud83d\ude00', 'e\u0301', '\u200b', '\ufeff', 'A', 'z', '9', '-', '·'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const hostileText = fc.array(pieces, { maxLength: 24 }).map((parts) => parts.join(''));
const config = fc.constantFrom(...CONVERSION_CONFIG_NAMES);

/** Dictionary phrases that contain or produce non-Han characters (B超 → 超音波, 丁型肝炎 → D型肝炎). */
const nonHanPhrases = ((): string[] => {
  const keys = new Set<string>();
  const visit = (dict: unknown): void => {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [from, to] = entry.split(' ') as [string, string];
        if ([...from + to].some((c) => !isHanCodePoint(c.codePointAt(0)!))) keys.add(from);
      }
    } else if (Array.isArray(dict)) dict.forEach(visit);
  };
  visit(Object.values(Locale.configs ?? {}).map((c) => c.conversionChain));
  return [...keys];
})();

/** Each line's non-Han characters, in order: what conversion must leave exactly as it was. */
function skeleton(text: string): string[] {
  return text.split('\n').map((line) => [...line].filter((c) => !isHanCodePoint(c.codePointAt(0)!)).join(''));
}

describe('conversion properties', () => {
  it('never throws and keeps every line break and non-Han character in place', () => {
    fc.assert(
      fc.property(hostileText, config, (text, name: ConversionConfigName) => {
        fc.pre(!nonHanPhrases.some((k) => text.includes(k)));
        assert.deepEqual(skeleton(getConverter(name).convert(text)), skeleton(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('is the identity on text without Han characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), config, (text, name: ConversionConfigName) => {
        fc.pre([...text].every((c) => !isHanCodePoint(c.codePointAt(0)!)));
        assert.equal(getConverter(name).convert(text), text);
        assert.deepEqual(getConverter(name).edits(text), []);
      }),
      { numRuns: RUNS },
    );
  });

  it('converts a character after a line break that follows an ideographic description character, whole or by edits (fast-check counterexample)', () => {
    for (const [text, want] of [['殢⿰\n舊字體', '𣨼⿰\n旧字体'], ['⿰\n舊', '⿰\n旧'], ['⿰，舊體', '⿰，旧体'], ['⿰木木舊', '⿰木木旧']] as const) {
      const converter = getConverter('t2s');
      assert.equal(converter.convert(text), want, text);
      assert.equal(applyEdits(text, converter.edits(text)), want, text);
    }
  });

  it('gives sorted, disjoint, in-range edits on code-point boundaries that rebuild the conversion', () => {
    fc.assert(
      fc.property(hostileText, config, (text, name: ConversionConfigName) => {
        const converter = getConverter(name);
        const edits = converter.edits(text);
        let reached = 0;
        for (const e of edits) {
          assert.ok(e.offset >= reached && e.length >= 0 && e.offset + e.length <= text.length);
          const first = text.charCodeAt(e.offset);
          const before = text.charCodeAt(e.offset - 1);
          assert.ok(!(first >= 0xdc00 && first <= 0xdfff && before >= 0xd800 && before <= 0xdbff), 'not inside a surrogate pair');
          reached = e.offset + e.length;
        }
        assert.equal(applyEdits(text, edits), converter.convert(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('applies preserved words and custom phrases without throwing, preserved words untouched', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('发', '号', '台', '干'), (text, word) => {
        const out = getConverter('s2t', { preserve: [word], customPhrases: { 鼠标: 'MOUSE' } }).convert(text);
        assert.equal(out.split(word).length, text.split(word).length, 'every preserved word is still there');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('script detection properties', () => {
  it('finds minority characters inside the text, matching it, and unifies only those', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const counts = countScripts(text);
        const minority = findMinorityCharacters(text, counts);
        for (const m of minority) assert.equal(text.slice(m.offset, m.offset + m.char.length), m.char);
        const unified = applyEdits(text, unifyScriptEdits(text));
        assert.deepEqual(skeleton(unified), skeleton(text));
        if (counts.dominant !== 'neutral') assert.equal(countScripts(unified)[counts.dominant === 'traditional' ? 'simplified' : 'traditional'], 0);
      }),
      { numRuns: RUNS },
    );
  });
});
