/** The typed settings module: package.json's defaults are its defaults, and settings map to core options once. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { readSettings, SETTING_KEYS, SETTINGS_DEFAULTS, settingsWith, toCoreOptions } from '../../src/core/settings';
import { SLOGAN_DEFAULTS } from '../../src/core/slogans';

const ROOT = resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: Array<{ properties: Record<string, { default?: unknown; minimum?: number; maximum?: number }> }> };
};
const properties = Object.assign({}, ...manifest.contributes.configuration.map((c) => c.properties)) as Record<string, { default?: unknown; minimum?: number; maximum?: number }>;

describe('settings', () => {
  it('declares every zhdoc.* setting of package.json, with the same default', () => {
    const declared = Object.keys(properties).map((k) => k.replace(/^zhdoc\./, '')).sort();
    assert.deepEqual([...SETTING_KEYS].sort(), declared);
    for (const key of SETTING_KEYS) assert.deepEqual(SETTINGS_DEFAULTS[key], properties[`zhdoc.${key}`]!.default, key);
  });

  it('reads missing and ill-typed values as the defaults', () => {
    assert.deepEqual(readSettings(() => undefined), SETTINGS_DEFAULTS);
    const odd = readSettings((key) => ({ 'slogans.minRepeats': 'x', 'slogans.ignore': ['a', 3], 'boilerplate.sensitivity': 'wild', 'pinyin.style': 'numbers' } as Record<string, unknown>)[key]);
    assert.equal(odd['slogans.minRepeats'], 3);
    assert.deepEqual(odd['slogans.ignore'], ['a']);
    assert.equal(odd['boilerplate.sensitivity'], 'conservative');
    assert.equal(odd['pinyin.style'], 'numbers');
  });

  it('keeps the repeat thresholds within the bounds package.json declares', () => {
    for (const key of ['slogans.minRepeats', 'slogans.minQuotedRepeats'] as const) {
      const { minimum, maximum } = properties[`zhdoc.${key}`]!;
      assert.equal(readSettings((k) => (k === key ? -5 : undefined))[key], minimum);
      assert.equal(readSettings((k) => (k === key ? 500 : undefined))[key], maximum);
    }
  });

  it('turns the defaults into the core defaults', () => {
    const options = toCoreOptions(SETTINGS_DEFAULTS);
    assert.equal(options.slogans.minRepeatCount, SLOGAN_DEFAULTS.minRepeatCount);
    assert.equal(options.slogans.minDiscoveredCount, SLOGAN_DEFAULTS.minDiscoveredCount);
    assert.equal(options.slogans.known, true);
    assert.equal(options.slogans.discover, true);
    assert.equal(options.excludeBoilerplate, true);
    assert.deepEqual(options.boilerplate, { sensitivity: 'conservative', extraCues: [] });
  });

  it('maps each slogan and boilerplate setting to its option', () => {
    const entries = [{ phrase: '三个一以贯之', category: '用户', year: null, abbreviations: [], source: null }];
    const options = toCoreOptions(settingsWith({
      'slogans.markKnown': false, 'slogans.discover': false, 'slogans.minRepeats': 5, 'slogans.minQuotedRepeats': 4,
      'slogans.ignore': ['新质生产力'], 'slogans.excludeBoilerplate': false, 'boilerplate.sensitivity': 'aggressive', 'boilerplate.extraCues': ['广告'],
    }), entries as never);
    assert.deepEqual(options, {
      boilerplate: { sensitivity: 'aggressive', extraCues: ['广告'] },
      excludeBoilerplate: false,
      slogans: { known: false, discover: false, minRepeatCount: 5, minDiscoveredCount: 4, userLexicon: entries, ignore: ['新质生产力'] },
    });
  });
});
