import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONVERSION_CONFIG_NAMES, conversionChunks, convertText, getConverter, isConversionBreak } from '../../src/core/convert';
import { ConverterBuilder } from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';
import { applyEdits } from '../../src/core/text';

describe('convertText', () => {
  it('converts with every OpenCC config', () => {
    const cases: Record<string, [string, string]> = {
      s2t: ['汉字转换与发展', '漢字轉換與發展'],
      t2s: ['漢字轉換與發展', '汉字转换与发展'],
      s2tw: ['里面着急', '裡面著急'],
      tw2s: ['裡面著急', '里面着急'],
      s2twp: ['软件和鼠标的信息', '軟體和滑鼠的資訊'],
      tw2sp: ['軟體和滑鼠的資訊', '软件和鼠标的信息'],
      s2hk: ['为什么着急', '為什麼着急'],
      hk2s: ['為什麼着急', '为什么着急'],
      s2hkp: ['鼠标', '滑鼠'],
      hk2sp: ['滑鼠', '鼠标'],
      t2tw: ['裏面', '裡面'],
      tw2t: ['裡面', '裏面'],
      t2hk: ['衛生', '衞生'],
      hk2t: ['衞生', '衛生'],
      t2jp: ['舊字體歷史', '旧字体歴史'],
      jp2t: ['旧字体', '舊字體'],
    };
    assert.deepEqual(Object.keys(cases).sort(), [...CONVERSION_CONFIG_NAMES].sort());
    for (const [config, [input, expected]] of Object.entries(cases)) {
      assert.equal(convertText(input, config as never), expected, config);
    }
  });

  it('uses OpenCC extension characters in conversions to Simplified unless turned off', () => {
    assert.equal(convertText('殢雨', 't2s'), '𣨼雨');
    assert.equal(convertText('殢雨', 't2s', { extensionCharacters: false }), '殢雨');
  });

  it('keeps every line break and non-Han character', () => {
    const text = 'Line 1: 发展\r\n\r\n𠮷 野家 «guillemets» 123 — café\n\u0000tab\tend 发\n';
    const out = convertText(text, 's2t');
    assert.equal(out, 'Line 1: 發展\r\n\r\n𠮷 野家 «guillemets» 123 — café\n\u0000tab\tend 發\n');
  });

  it('applies preserved words and custom phrases before the dictionaries', () => {
    assert.equal(convertText('台湾的内存发展', 's2t', { preserve: ['台'], customPhrases: { 内存: '記憶體' } }), '台灣的記憶體發展');
    assert.equal(convertText('里程', 's2t', { preserve: ['里'] }), '里程');
  });

  it('gives the same result chunked as whole, across phrase-shaped breaks', () => {
    const line = '“软件”和鼠标、U盘；B超检查，伯克希尔-哈撒韦公司。\n';
    const text = line.repeat(5000);
    const whole = ConverterBuilder(Locale)({ from: 'cn', to: 'twp' })(text);
    assert.equal(convertText(text, 's2twp', { layers: false }), whole);
    assert.ok(whole.includes('隨身碟') && whole.includes('超音波'));
  });
});

describe('ScriptConverter.edits', () => {
  it('reports only the characters that change', () => {
    const edits = getConverter('s2t').edits('我们的发展 OK 汉语');
    assert.deepEqual(edits, [
      { offset: 1, length: 1, text: '們' },
      { offset: 3, length: 1, text: '發' },
      { offset: 9, length: 2, text: '漢語' },
    ]);
  });

  it('rebuilds the converted text exactly, including length-changing phrases and astral characters', () => {
    const text = '鼠标和U盘。\n𠮷野家的发展\r\n殢云尤雨\n'.repeat(50);
    for (const config of ['s2twp', 't2s', 's2t', 'tw2sp'] as const) {
      const converter = getConverter(config);
      assert.equal(applyEdits(text, converter.edits(text)), converter.convert(text), config);
    }
  });

  it('never splits a surrogate pair', () => {
    const text = '殢𠮷殢';
    for (const e of getConverter('t2s').edits(text)) {
      const first = text.charCodeAt(e.offset);
      assert.ok(!(first >= 0xdc00 && first <= 0xdfff), 'edit starts on a code point boundary');
    }
  });

  it('works on a sub-range given by chunks, with offsets into the whole text', () => {
    const text = '汉语\n'.repeat(10);
    const edits = getConverter('s2t').edits(text, 6, 9);
    assert.deepEqual(edits, [{ offset: 6, length: 2, text: '漢語' }]);
  });
});

describe('conversionChunks', () => {
  it('covers the range contiguously and cuts only after breaks', () => {
    const text = ('发展经济，' + 'a'.repeat(30) + '\n').repeat(2000);
    const chunks = conversionChunks(text, 1000);
    assert.equal(chunks[0]![0], 0);
    assert.equal(chunks[chunks.length - 1]![1], text.length);
    for (let i = 1; i < chunks.length; i++) {
      assert.equal(chunks[i]![0], chunks[i - 1]![1]);
      assert.ok(isConversionBreak(text.charCodeAt(chunks[i]![0] - 1)));
    }
  });

  it('keeps a huge line without breaks whole rather than cutting a phrase', () => {
    const text = '发'.repeat(5000);
    assert.deepEqual(conversionChunks(text, 1000), [[0, 5000]]);
  });
});

describe('isConversionBreak', () => {
  it('is false for every character that occurs in an OpenCC dictionary key', () => {
    const seen = new Set<number>();
    const visit = (dict: unknown): void => {
      if (typeof dict === 'string') {
        for (const entry of dict.split('|')) for (const ch of entry.split(' ')[0]!) seen.add(ch.codePointAt(0)!);
      } else if (Array.isArray(dict)) dict.forEach(visit);
    };
    visit(Object.values(Locale.configs ?? {}).map((c) => c.conversionChain));
    for (const cp of seen) if (cp <= 0xffff) assert.equal(isConversionBreak(cp), false, `U+${cp.toString(16)} ${String.fromCodePoint(cp)}`);
  });
});
