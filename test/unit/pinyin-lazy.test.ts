/** What the first hover loads (a file of its own: node --test runs each file in a fresh process). */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOpenCCLoaded } from '../../src/core/opencc';
import { describeWord, glossesOf, isGlossLoaded, isPinyinLoaded, wordAt } from '../../src/core/pinyin';

describe('pinyin: lazy loading', () => {
  it('loads nothing at import', () => {
    assert.equal(isPinyinLoaded(), false);
    assert.equal(isGlossLoaded(), false);
    assert.equal(isOpenCCLoaded(), false);
  });

  it('hovers Simplified text, counterpart and gloss included, without building an OpenCC converter', () => {
    const word = wordAt('我们要推动经济发展。', 7)!;
    assert.equal(word.word, '发展');
    const view = describeWord(word, 'marks');
    assert.equal(view.counterpart?.text, '發展');
    assert.match(glossesOf(word.word)[0]!.gloss, /develop/);
    assert.equal(isPinyinLoaded(), true);
    assert.equal(isGlossLoaded(), true);
    assert.equal(isOpenCCLoaded(), false);
  });

  it('hovers Traditional text without loading OpenCC: its t2s comes from a table in the reading data', () => {
    assert.deepEqual(wordAt('幹部', 0)?.readings, ['gan4', 'bu4']);
    const word = wordAt('我們要推動經濟發展。', 7)!;
    assert.equal(describeWord(word, 'marks').counterpart?.text, '发展');
    assert.match(glossesOf(word.word)[0]!.gloss, /develop/);
    assert.equal(isOpenCCLoaded(), false);
  });
});
