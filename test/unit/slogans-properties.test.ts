/** Slogan finding on 2,000 hostile strings: it never throws, and every reported span is a real occurrence. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinSloganLexicon, findSlogans, foldPhrase, type Slogan } from '../../src/core/slogans';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const lexicon = builtinSloganLexicon();
const pieces = [
  ...lexicon.slice(0, 60).map((e) => e.phrase),
  '八八戰略', '兩個先行', '一号發展工程', '創新深化，改革攻堅', '“', '”', '‘', '’', '「', '」', '、', '，', ',', ' ', '\n', '\r\n', '\n\n',
  '𠮷', '\u0000', '\ud800', '\udc00', '的', '了', '两个', '三个', '号', '工程', '战略', '精神', '8+4', '＋', 'abc', '。', '两个女儿', '三农', '台独',
];

function hostile(next: () => number): string {
  const n = Math.floor(next() * 40);
  let s = '';
  for (let i = 0; i < n; i++) {
    const piece = pieces[Math.floor(next() * pieces.length)]!;
    // Sometimes cut a phrase in two, with a line break between.
    s += next() < 0.1 && piece.length > 2 ? piece.slice(0, 1) + '\n' + piece.slice(1) : piece;
  }
  return s;
}

/** What matching compares: the folded occurrence without quote marks, spaces, line breaks and separators. */
function bare(s: string): string {
  return foldPhrase(s).replace(/[、\s]/g, '');
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
    if (s.kind === 'known') {
      const forms = [s.phrase, ...s.abbreviations].map(bare);
      assert.ok(forms.includes(written), `${JSON.stringify(written)} is not a form of ${s.phrase}`);
    } else {
      assert.equal(written, bare(s.key), `${JSON.stringify(written)} is not ${s.key}`);
    }
  }
}

describe('findSlogans on hostile strings', () => {
  it('never throws and reports only real, ordered occurrences', () => {
    const next = random(20240520);
    for (let i = 0; i < 2000; i++) {
      const text = hostile(next);
      let slogans: Slogan[];
      try {
        slogans = findSlogans(text);
      } catch (e) {
        assert.fail(`threw on ${JSON.stringify(text)}: ${(e as Error).message}`);
      }
      for (const s of slogans) checkSlogan(text, s);
      const counts = slogans.map((s) => s.count);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    }
  });

  it('marks nothing inside excluded ranges, however they are given', () => {
    const next = random(7);
    for (let i = 0; i < 500; i++) {
      const text = hostile(next);
      const a = Math.floor(next() * (text.length + 4)) - 2;
      const b = a + Math.floor(next() * 30) - 5;
      // One of the two ranges is reversed and stands for nothing; the other covers [min, max).
      const slogans = findSlogans(text, { excludedRanges: [{ start: a, end: b }, { start: b, end: a }] });
      const start = Math.max(0, Math.min(a, b));
      const end = Math.min(text.length, Math.max(a, b));
      for (const s of slogans) {
        checkSlogan(text, s);
        for (const o of s.occurrences) assert.ok(start >= end || o.offset + o.length <= start || o.offset >= end, `${s.phrase} inside the excluded range`);
      }
    }
  });
});
