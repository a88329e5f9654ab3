/**
 * Strays decided by context: a character valid in both scripts is a stray when the phrase-level conversion of
 * its clause to the dominant script changes it.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMinorityCharacters, traditionalStandard, unifyScriptEdits } from '../../src/core/script';
import { applyEdits } from '../../src/core/text';

/** A Traditional paragraph (OpenCC standard forms) that frames each probe. */
const frame = (probe: string): string => `經濟發展取得歷史性成就，人民生活顯著改善。${probe}這些變化舉世矚目，國際影響力顯著提升。`;
const strays = (text: string): string[] => findMinorityCharacters(text).map((m) => `${m.char}→${m.counterpart}`);

describe('context-aware strays in Traditional text', () => {
  it('flags 党 in 中国共产党 and 万 in 一万', () => {
    assert.deepEqual(strays(frame('堅持中国共产党的領導。')), ['国→國', '产→產', '党→黨']);
    assert.deepEqual(strays(frame('新增就業一万多人。')), ['万→萬']);
    assert.deepEqual(strays(frame('中國共產党的全面領導。')), ['党→黨']);
  });

  it('does not flag 范 in 范仲淹 or 万 in 万俟', () => {
    assert.deepEqual(strays(frame('北宋范仲淹寫道：先天下之憂而憂。')), []);
    assert.deepEqual(strays(frame('複姓万俟的人很少。')), []);
  });

  it('does not flag two-script characters used as Traditional (干擾, 若干, 皇后)', () => {
    assert.deepEqual(strays(frame('排除干擾，若干問題，皇后與太后。')), []);
  });

  it('Unify Script converts exactly the strays, reading phrases', () => {
    const text = frame('堅持中国共产党的領導，一万多個好干部，開辟發展新境界，頭发。');
    const unified = applyEdits(text, unifyScriptEdits(text));
    assert.equal(unified, frame('堅持中國共產黨的領導，一萬多個好幹部，開闢發展新境界，頭髮。'));
    assert.deepEqual(findMinorityCharacters(unified), []);
  });

  it('reads a Taiwan-standard text by Taiwan forms (平台, 布局 are no strays there)', () => {
    const taiwan = '為了讓裡面的人都能看見，這個平台重新布局，數位發展部說著。';
    assert.equal(traditionalStandard(taiwan), 's2tw');
    assert.deepEqual(strays(taiwan), []);
    assert.equal(traditionalStandard(frame('爲了')), 's2t');
  });
});

describe('context-aware strays in Simplified text', () => {
  it('flags a Traditional 乾 in 乾净 and 於 in 於是, not 乾 in 乾隆', () => {
    const tail = '经济发展取得了历史性成就，人民生活显著改善。';
    assert.deepEqual(strays(`房间打扫得很乾净，${tail}`), ['乾→干']);
    assert.deepEqual(strays(`我们於是出发了，${tail}`), ['於→于']);
    assert.deepEqual(strays(`乾隆皇帝的故事，${tail}`), []);
  });
});
