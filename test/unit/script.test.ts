import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countScripts, counterpartOf, findMinorityCharacters, scriptOf, unifyScriptEdits } from '../../src/core/script';
import { applyEdits } from '../../src/core/text';

describe('scriptOf', () => {
  it('tells one-script characters from characters valid in both', () => {
    for (const c of '号标伟赢发') assert.equal(scriptOf(c), 'simplified', c);
    for (const c of '號標偉贏發幹後臺') assert.equal(scriptOf(c), 'traditional', c);
    for (const c of '干后台里系面著乾於藉群才的是A。𠮷') assert.equal(scriptOf(c), undefined, c);
  });

  it('knows the usual counterpart', () => {
    assert.equal(counterpartOf('号'), '號');
    assert.equal(counterpartOf('幹'), '干');
    assert.equal(counterpartOf('的'), undefined);
  });
});

describe('countScripts', () => {
  it('counts only one-script characters and names the dominant script', () => {
    assert.deepEqual(countScripts('發展經濟一号工程'), { traditional: 3, simplified: 1, dominant: 'traditional' });
    assert.deepEqual(countScripts('发展经济'), { traditional: 0, simplified: 3, dominant: 'simplified' });
    assert.deepEqual(countScripts('的是在 ABC'), { traditional: 0, simplified: 0, dominant: 'neutral' });
    assert.deepEqual(countScripts(''), { traditional: 0, simplified: 0, dominant: 'neutral' });
  });
});

describe('findMinorityCharacters', () => {
  const page = '來源：浙江日報\n深入實施“八八戰略”，實施“一号發展工程”，取得标誌性成果，赢得主動，頭发。\r\n地址：廣穹路899号';

  it('finds the stray Simplified characters of a Traditional page with UTF-16 offsets', () => {
    const minority = findMinorityCharacters(page);
    assert.deepEqual(minority.map((m) => m.char), ['号', '标', '赢', '发', '号']);
    for (const m of minority) assert.equal(page.slice(m.offset, m.offset + m.char.length), m.char);
  });

  it('reads counterparts in context (头发 → 頭髮, not 頭發)', () => {
    const byChar = Object.fromEntries(findMinorityCharacters(page).map((m) => [m.char, m.counterpart]));
    assert.deepEqual(byChar, { 号: '號', 标: '標', 赢: '贏', 发: '髮' });
  });

  it('counts offsets in UTF-16 code units after astral characters', () => {
    const [m] = findMinorityCharacters('𠮷發展經濟號號号');
    assert.equal(m?.offset, 8);
  });

  it('unifies a Traditional page and touches nothing else', () => {
    const unified = applyEdits(page, unifyScriptEdits(page));
    assert.equal(unified, '來源：浙江日報\n深入實施“八八戰略”，實施“一號發展工程”，取得標誌性成果，贏得主動，頭髮。\r\n地址：廣穹路899號');
    assert.equal(countScripts(unified).simplified, 0);
  });

  it('has nothing to say without a dominant script', () => {
    assert.deepEqual(findMinorityCharacters('发發'), []);
  });
});
