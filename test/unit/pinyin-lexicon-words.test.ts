import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { WORD_LINES } from '../../src/core/generated/pinyinData';
import { NEUTRAL_LINES } from '../../src/core/generated/pinyinSpoken';
import { neutralCodesOf } from '../../src/core/pinyin/sandhi';
import { PREFIX_ONLY, wordsOfLine, type LexiconWord } from '../../src/core/pinyin/lexiconWords';

/** The map the reader used to build from a line: every word, and every proper prefix marked PREFIX_ONLY. */
function referenceMap(entries: ReadonlyArray<readonly [string, string, string]>, extras: ReadonlyArray<readonly [string, LexiconWord]>): Map<string, LexiconWord> {
  const words = new Map<string, LexiconWord>();
  for (const [rest, word] of extras) {
    words.set(rest, word);
    for (let end = rest.length - 1; end > 0; end--) if (!words.has(rest.slice(0, end))) words.set(rest.slice(0, end), PREFIX_ONLY);
  }
  for (const [rest, cost, indices] of entries) {
    if (!words.has(rest) || words.get(rest) === PREFIX_ONLY) words.set(rest, { cost: cost.charCodeAt(0) - 65 + 10, indices });
    for (let end = rest.length - 1; end > 0; end--) {
      const prefix = rest.slice(0, end);
      if (words.has(prefix)) break;
      words.set(prefix, PREFIX_ONLY);
    }
  }
  return words;
}

const line = (entries: ReadonlyArray<readonly [string, string, string]>): string => entries.map(([r, c, i]) => r + c + i).join('');

test('lexicon words: exact words, prefixes of words, and nothing else, as the packed line says', () => {
  const entries = [['人', 'P', '0'], ['人民', 'Q', ''], ['国', 'O', '10'], ['𠮷', 'R', '2']] as const;
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const words = wordsOfLine(line(sorted));
  assert.deepEqual(words.get('人'), { cost: 25, indices: '0' });
  assert.deepEqual(words.get('人民'), { cost: 26, indices: '' });
  assert.deepEqual(words.get('国'), { cost: 24, indices: '10' });
  assert.deepEqual(words.get('𠮷'), { cost: 27, indices: '2' });
  assert.equal(words.get('民'), undefined);
  assert.equal(words.get('人民们'), undefined);
  assert.equal(words.has('人'), true);
  assert.equal(words.get('人'), words.get('人'), 'the same word object each time (no allocation per lookup)');
  const prefixed = wordsOfLine(line([['大学生', 'P', '1']]));
  assert.equal(prefixed.get('大'), PREFIX_ONLY);
  assert.equal(prefixed.get('大学'), PREFIX_ONLY);
  assert.equal(prefixed.has('大学'), true);
  assert.equal(prefixed.get('大学生'), prefixed.get('大学生'));
  assert.equal(wordsOfLine('').get('人'), undefined);
});

test('lexicon words: an extra word wins over the lexicon, a lexicon word over an extra prefix', () => {
  const extra: LexiconWord = { cost: 20, indices: '9' };
  const extras = new Map<string, LexiconWord>([['审批', extra], ['审', PREFIX_ONLY]]);
  const words = wordsOfLine(line([['审', 'P', '1'], ['审批', 'Q', '0']]), extras);
  assert.equal(words.get('审批'), extra);
  assert.deepEqual(words.get('审'), { cost: 25, indices: '1' });
  assert.equal(wordsOfLine('', extras).get('审'), PREFIX_ONLY);
});

test('lexicon words: the same answers as the map the reader built before, for any sorted line (property)', () => {
  const han = fc.constantFrom('一', '人', '民', '大', '学', '生', '𠮷', '行');
  const rest = fc.array(han, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
  const entry = fc.tuple(rest, fc.constantFrom('A', 'M', 'Z'), fc.stringMatching(/^[0-9a-z]{0,3}$/));
  fc.assert(
    fc.property(fc.uniqueArray(entry, { selector: (e) => e[0], maxLength: 30 }), fc.uniqueArray(rest, { maxLength: 3 }), fc.array(rest, { maxLength: 40 }), (entries, extraRests, queries) => {
      const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const extras = extraRests.map((r, k) => [r, { cost: 30 + k, indices: '' }] as const);
      const extraMap = new Map<string, LexiconWord>();
      for (const [r, w] of extras) {
        extraMap.set(r, w);
        for (let end = r.length - 1; end > 0; end--) if (!extraMap.has(r.slice(0, end))) extraMap.set(r.slice(0, end), PREFIX_ONLY);
      }
      const words = wordsOfLine(line(sorted), extraMap.size ? extraMap : undefined);
      const reference = referenceMap(sorted, extras);
      // Whole-character queries only, as the reader makes them (a prefix never ends inside a surrogate pair).
      for (const q of [...queries, ...reference.keys()].filter((q) => !/[\ud800-\udbff]$/.test(q))) {
        assert.deepEqual(words.get(q), reference.get(q), q);
      }
    }),
    { numRuns: 300 },
  );
});

test('lexicon words: the generated WORD_LINES keep the order and shape the binary search relies on', () => {
  let entries = 0;
  for (const packed of WORD_LINES.split('\n')) {
    const first = String.fromCodePoint(packed.codePointAt(0)!);
    const rests = [...packed.slice(first.length).matchAll(/([^A-Z]+?)([A-Z])([0-9a-z]*)/gu)].map((m) => m[1]!);
    for (let k = 0; k < rests.length; k++) {
      assert.doesNotMatch(rests[k]!, /[0-9A-Za-z]/, `${first}${rests[k]}: a rest with ASCII letters or digits`);
      if (k > 0) assert.ok(rests[k - 1]! < rests[k]!, `${first}: ${rests[k - 1]} before ${rests[k]}`);
    }
    entries += rests.length;
  }
  assert.ok(entries > 10_000, `${entries} words`);
});

test('neutral-tone words: searching a line finds what reading it into a map found, for every generated line', () => {
  let checked = 0;
  for (const packed of NEUTRAL_LINES.split('\n')) {
    const first = String.fromCodePoint(packed.codePointAt(0)!);
    const line = packed.slice(first.length);
    const reference = new Map<string, string>();
    for (const [, rest, code] of line.matchAll(/([^ -~]+)([ -~]+)/gu)) reference.set(rest!, code!);
    for (const [rest, code] of reference) {
      const codes = neutralCodesOf(line, rest);
      assert.ok(codes, `${first}${rest}`);
      assert.equal(codes.map((c) => `${c.erhua ? 'r' : ''}${c.at}${c.base === undefined ? '' : `:${c.base}`}`).join('.'), code, `${first}${rest}`);
      // A rest cut short is no word unless the line has it as one.
      const chars = [...rest];
      if (chars.length > 1) {
        const shorter = chars.slice(0, -1).join('');
        assert.equal(neutralCodesOf(line, shorter) === null, !reference.has(shorter), `${first}${shorter}`);
      }
      checked++;
    }
  }
  assert.ok(checked > 100, `${checked} words`);
});
