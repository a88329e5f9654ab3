/**
 * Slogan finding on hostile strings (fast-check, 10,000 runs): it never throws, and every reported span is a real
 * occurrence of its phrase, inside the text, in order.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { builtinSloganLexicon, findSlogans, foldPhrase, type Slogan } from '../../src/core/slogans';
import { formVariants } from '../../src/core/slogans/variants';

const RUNS = Number(process.env.ZHDOC_PROPERTY_RUNS ?? 10_000);

const lexicon = builtinSloganLexicon();
const pieces = [
  ...lexicon.slice(0, 60).map((e) => e.phrase),
  '八八戰略', '兩個先行', '一号發展工程', '創新深化，改革攻堅', '“', '”', '‘', '’', '「', '」', '、', '，', ',', ' ', '\n', '\r\n', '\n\n',
  '𠮷', '\u0000', '\ud800', '\udc00', '的', '了', '两个', '三个', '号', '工程', '战略', '精神', '8+4', '＋', 'abc', '。', '两个女儿', '三农', '台独',
];

/** Text made of slogans, near-slogans, quotes, separators, line breaks and broken code units; sometimes a phrase wrapped by a line break. */
const hostileText = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 0, max: 9 })), { maxLength: 40 })
  .map((parts) => parts.map(([piece, roll]) => (roll === 0 && piece.length > 2 ? piece.slice(0, 1) + '\n' + piece.slice(1) : piece)).join(''));

/** What matching compares: the folded occurrence without quote marks, spaces, line breaks and separators. */
function bare(s: string): string {
  return foldPhrase(s).replace(/[、\s]/g, '');
}

const entries = new Map(lexicon.map((e) => [e.phrase, e]));
/** Every wording of a lexicon phrase the matcher accepts: its forms and the wordings derived from them. */
function wordings(phrase: string): string[] {
  const e = entries.get(phrase);
  const forms = (e ? [e.phrase, ...e.abbreviations] : [phrase]).map(foldPhrase);
  return [...forms, ...forms.flatMap(formVariants)].map(bare);
}

/** True when `written` is a wording of each member in turn, joined by nothing (a separator) or a conjunction. */
function isCompoundOf(written: string, members: readonly string[]): boolean {
  const from = (at: number, m: number): boolean => {
    if (m === members.length) return at === written.length;
    for (const w of wordings(members[m]!)) {
      if (!written.startsWith(w, at)) continue;
      const next = at + w.length;
      if (m === members.length - 1) {
        if (from(next, m + 1)) return true;
        continue;
      }
      for (const joiner of ['', '和', '与', '同', '及', '以及']) if (written.startsWith(joiner, next) && from(next + joiner.length, m + 1)) return true;
    }
    return false;
  };
  return from(0, 0);
}

function checkSlogan(text: string, s: Slogan): void {
  assert.equal(s.count, s.occurrences.length);
  let last = -1;
  for (const o of s.occurrences) {
    assert.ok(o.offset >= 0 && o.length > 0 && o.offset + o.length <= text.length, `${s.phrase} at ${o.offset}+${o.length}`);
    assert.ok(o.offset >= last, `${s.phrase}: occurrences overlap or are out of order`);
    last = o.offset + o.length;
    const low = text.charCodeAt(o.offset);
    assert.ok(!(low >= 0xdc00 && low <= 0xdfff), 'an occurrence starts inside a surrogate pair');
    const written = bare(text.slice(o.offset, o.offset + o.length));
    if (s.kind === 'known' && s.reason?.startsWith('known formulae written together')) {
      assert.ok(isCompoundOf(written, s.source!.split(' + ')), `${JSON.stringify(written)} is not ${s.source} written together`);
    } else if (s.kind === 'known') {
      const forms = [...wordings(s.phrase), ...s.abbreviations.map(bare)];
      assert.ok(forms.includes(written), `${JSON.stringify(written)} is not a form of ${s.phrase}`);
    } else {
      assert.equal(written, bare(s.key), `${JSON.stringify(written)} is not ${s.key}`);
    }
  }
}

describe('findSlogans on hostile strings', () => {
  it('never throws and reports only real, ordered occurrences', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const slogans = findSlogans(text);
        for (const s of slogans) checkSlogan(text, s);
        const counts = slogans.map((s) => s.count);
        assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
      }),
      { numRuns: RUNS },
    );
  });

  it('marks nothing inside excluded ranges, however they are given', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: -2, max: 400 }), fc.integer({ min: -5, max: 25 }), (text, a, span) => {
        const b = a + span;
        // One of the two ranges is reversed and stands for nothing; the other covers [min, max).
        const slogans = findSlogans(text, { excludedRanges: [{ start: a, end: b }, { start: b, end: a }] });
        const start = Math.max(0, Math.min(a, b));
        const end = Math.min(text.length, Math.max(a, b));
        for (const s of slogans) {
          checkSlogan(text, s);
          for (const o of s.occurrences) assert.ok(start >= end || o.offset + o.length <= start || o.offset >= end, `${s.phrase} inside the excluded range`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
