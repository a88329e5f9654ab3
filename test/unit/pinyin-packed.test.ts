/** The packed-line indexes of the reading data and glosses find exactly what splitting every line into a Map found. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GLOSS_LINES } from '../../src/core/generated/cedictGlosses';
import { NEUTRAL_LINES, READING_LINES } from '../../src/core/generated/pinyinSpoken';
import { SINGLE_LINES, S2T_PHRASES, WORD_LINES } from '../../src/core/generated/pinyinData';
import { T2S_CHARACTERS, T2S_NORMALIZATION, T2S_PHRASES } from '../../src/core/generated/pinyinT2s';
import { indexLines, indexPairs, indexValueLines } from '../../src/core/pinyin/packedLines';

/** The reference: every line split into a map by its first character, as the loaders did before. */
function splitLines(packed: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of packed.split('\n')) {
    const first = String.fromCodePoint(line.codePointAt(0)!);
    map.set(first, line.slice(first.length));
  }
  return map;
}

describe('pinyin: packed line indexes', () => {
  for (const [name, packed] of Object.entries({ WORD_LINES, GLOSS_LINES, T2S_PHRASES, S2T_PHRASES, NEUTRAL_LINES, READING_LINES })) {
    it(`finds every line of ${name} as a Map would, and nothing else`, () => {
      const want = splitLines(packed);
      const index = indexLines(packed);
      for (const [first, rest] of want) assert.equal(index.get(first), rest, first);
      for (const probe of ['a', '、', '𠮷', '丁丁', '', '\uffff']) if (!want.has(probe)) assert.equal(index.get(probe), undefined, probe);
    });
  }

  it('finds the reading of every single-reading character as a Map would', () => {
    const want = new Map<string, string>();
    for (const line of SINGLE_LINES.split('\n')) {
      let at = 0;
      while (at < line.length && line.charCodeAt(at) < 0x80) at++;
      for (const ch of line.slice(at)) want.set(ch, line.slice(0, at));
    }
    const table = indexValueLines(SINGLE_LINES);
    assert.ok(want.size > 20000);
    for (const [ch, reading] of want) assert.equal(table.get(ch), reading, ch);
    for (let cp = 0x3400; cp <= 0x9fff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (!want.has(ch)) assert.equal(table.get(ch), undefined, ch);
    }
    assert.equal(table.get('ab'), undefined);
  });

  for (const [name, packed] of Object.entries({ T2S_CHARACTERS, T2S_NORMALIZATION })) {
    it(`finds every pair of ${name} as a Map would, and nothing else`, () => {
      const want = new Map(packed.split('\u001e').map((e) => e.split('\u001f') as [string, string]));
      const table = indexPairs(packed);
      assert.ok(want.size > 1000);
      for (const [k, v] of want) assert.equal(table.get(k), v, k);
      for (const probe of ['a', '、', '𠮷', '丁丁', '']) if (!want.has(probe)) assert.equal(table.get(probe), undefined, probe);
    });
  }
});
