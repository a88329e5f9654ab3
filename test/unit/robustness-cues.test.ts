import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectBoilerplate } from '../../src/core/boilerplate';
import { compileUserCues, widenScripts } from '../../src/core/boilerplateCues';

describe('boilerplate: user regular-expression cues', () => {
  it('runs /(a|a)+$/ on 28 a and ! in linear time (repro: about a minute before)', () => {
    const cues = compileUserCues(['/(a|a)+$/', '/(x+x+)+y/', '/^(\\w+\\s?)+$/']);
    assert.deepEqual(cues.ignored, []);
    for (const line of ['a'.repeat(28) + '!', 'x'.repeat(5000), 'word '.repeat(2000) + '!']) {
      const t0 = performance.now();
      for (const r of cues.regexes) r.test(line);
      assert.ok(performance.now() - t0 < 1000, `${performance.now() - t0} ms on ${line.slice(0, 10)}`);
    }
    const text = ('a'.repeat(28) + '!\n').repeat(50) + '正文。\n';
    const t0 = performance.now();
    detectBoilerplate(text, { extraCues: ['/(a|a)+$/'] });
    assert.ok(performance.now() - t0 < 2000);
  });

  it('accepts /[发-哈]/ (repro: refused before) and widens it to both scripts', () => {
    const cues = compileUserCues(['/[发-哈]布/']);
    assert.deepEqual(cues.ignored, []);
    const [cue] = cues.regexes;
    for (const line of ['发布时间', '發布時間', '哈布', '吗布']) assert.equal(cue!.test(line), true, line);
    assert.equal(cue!.test('分布'), false);
    assert.equal(cue!.test('布'), false);
    assert.match(widenScripts('[发-哈]'), /^\[发-哈.*發/);
  });

  it('refuses what cannot run in linear time, with the reason', () => {
    const cues = compileUserCues(['/(a)\\1/', '/(?<=来源)x/', '/a*/', '/x/g', '/\\u6765源/']);
    assert.deepEqual(cues.ignored, ['/(a)\\1/', '/(?<=来源)x/', '/a*/', '/x/g']);
    assert.match(cues.reasons![0]!, /linear time/);
    assert.match(cues.reasons![2]!, /empty string/);
    assert.equal(cues.regexes.length, 1);
    assert.equal(cues.regexes[0]!.test('來源：新华社'), false, '\\u escapes are not widened');
    assert.equal(cues.regexes[0]!.test('来源：新华社'), true);
  });
});
