/**
 * zhdoc's layers over OpenCC's dictionaries: supplementary phrases (data/convert/supplementary.json), Taiwan
 * phrase-table exceptions (data/convert/exceptions.json) and the slogan lexicon's formula terms, each entry
 * both ways; and the compiled engine against opencc-js, the reference, with the layers off.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as OpenCC from 'opencc-js';
import exceptions from '../../data/convert/exceptions.json';
import supplementary from '../../data/convert/supplementary.json';
import lexicon from '../../data/slogans/lexicon.json';
import { CONVERSION_CONFIG_NAMES, conversionChunks, convertText, getConverter, isConversionBreak, type ConversionConfigName } from '../../src/core/convert';
import { phrasePins } from '../../src/core/opencc';
import { applyEdits } from '../../src/core/text';

const zh = (text: string, config: ConversionConfigName): string => convertText(text, config);
const raw = (text: string, config: ConversionConfigName): string => convertText(text, config, { layers: false });

function reference(config: string): (s: string) => string {
  const [from, to] = config.split('2') as [string, string];
  const loc = (c: string): string => (c === 's' ? 'cn' : c);
  return OpenCC.Converter(to === 'sp' ? { from: `${from}p`, to: 'cn' } : { from: loc(from), to: loc(to) });
}

describe('compiled engine', () => {
  const simplified = '我们的软件和鼠标，头发与发展；“互联网+”行动计划，打印机和U盘、B超检查。伯克希尔-哈撒韦公司在台湾里面着手。𠮷野家⿰木木，干部队伍建设。\r\n乾隆皇帝的几个后代，说着说着就走了。';
  const traditional = '我們的軟體和滑鼠，頭髮與發展；「網際網路+」行動計畫，印表機和隨身碟、超音波檢查。臺灣裡面著手。𠮷野家⿰木木，幹部隊伍建設。\r\n乾隆皇帝的幾個後代，說著說著就走了。檔案照片、個人資料保護法。';
  for (const config of CONVERSION_CONFIG_NAMES) {
    it(`${config} without layers equals opencc-js`, () => {
      const ref = reference(config);
      for (const text of [simplified, traditional, simplified.repeat(3) + traditional]) {
        assert.equal(convertText(text, config, { layers: false, extensionCharacters: false }), ref(text));
      }
    });
  }
});

describe('supplementary phrases', () => {
  for (const { simplified, traditional } of supplementary.entries) {
    it(`${simplified} ↔ ${traditional}`, () => {
      assert.equal(zh(simplified, 's2t'), traditional);
      assert.equal(zh(traditional, 't2s'), simplified);
      // In a sentence, and through the regional configs.
      assert.equal(zh(`我们要${simplified}。`, 's2t'), `我們要${traditional}。`);
      assert.equal(zh(`我們要${traditional}。`, 't2s'), `我们要${simplified}。`);
      for (const config of ['s2tw', 's2twp', 's2hk', 's2hkp'] as const) assert.equal(zh(zh(simplified, config), 't2s'), simplified, config);
    });
  }

  it('fixes what OpenCC gets wrong', () => {
    assert.equal(raw('好干部', 's2t'), '好乾部');
    assert.equal(zh('选好干部、用好干部', 's2t'), '選好幹部、用好幹部');
    assert.equal(zh('脱不了干系', 's2t'), '脫不了干係');
    assert.equal(raw('新征程', 's2t'), '新徵程');
    assert.equal(zh('奋进新征程', 's2t'), '奮進新征程');
  });
});

describe('Taiwan phrase exceptions', () => {
  it('none of the meaning-changing rewrites happens', () => {
    const tw2sp: Array<[string, string]> = [
      ['以習近平同志為核心的黨中央', '以习近平同志为核心的党中央'],
      ['去庫存取得成效', '去库存取得成效'],
      ['建立制度', '建立制度'],
      ['檔案照片', '档案照片'],
      ['個人資料保護法', '个人资料保护法'],
      ['社群平台', '社群平台'],
      ['執行職務', '执行职务'],
    ];
    for (const [from, to] of tw2sp) {
      assert.equal(zh(from, 'tw2sp'), to, from);
      assert.notEqual(raw(from, 'tw2sp'), to, `${from}: raw OpenCC rewrote it (the exception matters)`);
    }
    const s2twp: Array<[string, string]> = [
      ['发展进程', '發展進程'],
      ['互联网+', '互聯網+'],
    ];
    for (const [from, to] of s2twp) {
      assert.equal(zh(from, 's2twp'), to, from);
      assert.notEqual(raw(from, 's2twp'), to, `${from}: raw OpenCC rewrote it`);
    }
    // The IT vocabulary the phrase configs are for still converts.
    assert.equal(zh('软件和鼠标', 's2twp'), '軟體和滑鼠');
    assert.equal(zh('軟體和滑鼠', 'tw2sp'), '软件和鼠标');
  });

  for (const key of Object.keys(exceptions.removed.TWPhrases)) {
    it(`s2twp keeps ${key}`, () => {
      const simplified = raw(key, 't2s');
      assert.equal(zh(simplified, 's2twp'), zh(simplified, 's2tw'), 'converted by character only');
      assert.notEqual(raw(simplified, 's2twp'), raw(simplified, 's2tw'), 'OpenCC rewrote it');
      assert.equal(zh(zh(simplified, 's2twp'), 'tw2sp'), simplified, 'and back');
    });
  }
  for (const key of Object.keys(exceptions.removed.TWPhrasesRev)) {
    it(`tw2sp keeps ${key}`, () => {
      assert.equal(zh(key, 'tw2sp'), zh(key, 'tw2s'), 'converted by character only');
      assert.notEqual(raw(key, 'tw2sp'), raw(key, 'tw2s'), 'OpenCC rewrote it');
      assert.equal(zh(zh(key, 'tw2sp'), 's2twp'), zh(zh(key, 'tw2s'), 's2tw'), 'and back');
    });
  }
});

describe('formula terms of the slogan lexicon', () => {
  const terms = [...new Set(lexicon.entries.flatMap((e) => [e.phrase, ...e.abbreviations]))];
  it('convert to Traditional and back unchanged, and no phrase config rewrites them', () => {
    for (const term of terms) {
      assert.equal(zh(zh(term, 's2t'), 't2s'), term, `s2t/t2s ${term}`);
      assert.equal(zh(term, 's2twp'), zh(term, 's2tw'), `s2twp ${term}`);
      assert.equal(zh(term, 's2hkp'), zh(term, 's2hk'), `s2hkp ${term}`);
      assert.equal(zh(zh(term, 's2twp'), 'tw2sp'), term, `tw2sp ${term}`);
      assert.equal(zh(zh(term, 's2t'), 'tw2sp'), zh(zh(term, 's2t'), 'tw2s'), `tw2sp of OpenCC standard ${term}`);
      assert.equal(zh(zh(term, 's2hkp'), 'hk2sp'), term, `hk2sp ${term}`);
    }
  });

  it('pins no phrase across a conversion break (chunked conversion stays exact)', () => {
    for (const entry of supplementary.entries) for (const ch of entry.simplified + entry.traditional) assert.equal(isConversionBreak(ch.charCodeAt(0)), false);
    // A compiled pin may end in a break (互联网+): text is cut only just after a break, never before one.
    for (const config of CONVERSION_CONFIG_NAMES) {
      for (const key of Object.keys(phrasePins(config))) {
        assert.ok(key.length >= 2 && !isConversionBreak(key.charCodeAt(0)), `${config} pin ${key}`);
        for (const ch of key.slice(0, -1)) assert.equal(isConversionBreak(ch.charCodeAt(0)), false, `${config} pin ${key}`);
      }
    }
  });

  it('pins the operator formula 互联网+, not the ordinary word 互联网 (OpenCC case_030)', () => {
    assert.equal(zh('互联网+', 's2twp'), '互聯網+');
    assert.equal(zh('互联网＋', 's2twp'), '互聯網＋');
    assert.equal(zh('推进“互联网+”行动，互联网+政务服务，互联网+、生命健康', 's2twp'), '推進“互聯網+”行動，互聯網+政務服務，互聯網+、生命健康');
    assert.equal(zh('人工智能+行动', 's2twp'), '人工智能+行動');
    // On its own, or followed by anything but the operator, 互联网 is the word the Taiwan table converts.
    assert.equal(zh('互联网', 's2twp'), '網際網路');
    assert.equal(zh('需要使用互联网算法软件', 's2twp'), '需要使用網際網路演算法軟體');
    assert.equal(zh('互联网，互联网-', 's2twp'), '網際網路，網際網路-');
    assert.equal(zh('人工智能', 's2twp'), '人工智慧');
    // And back: tw2sp gives the Mainland word either way.
    assert.equal(zh('網際網路', 'tw2sp'), '互联网');
    assert.equal(zh('互聯網+', 'tw2sp'), '互联网+');
  });

  it('a pin ending in a break gives the same result whole, by chunks and as edits', () => {
    const text = '使用互联网+政务服务，互联网算法。\n互联网+\n互联网+、互联网\n'.repeat(50);
    const whole = zh(text, 's2twp');
    assert.ok(whole.includes('互聯網+政務服務，網際網路演算法'));
    for (const size of [7, 16, 33]) {
      assert.equal(conversionChunks(text, size).map(([a, b]) => zh(text.slice(a, b), 's2twp')).join(''), whole, `chunks of ${size}`);
    }
    assert.equal(applyEdits(text, getConverter('s2twp').edits(text)), whole);
  });
});
