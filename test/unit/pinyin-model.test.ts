/** The polyphone model: the committed table's integrity, its match with the training script, and its readings. */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { convertText } from '../../src/core/convert';
import { PINYIN_MODEL, PINYIN_MODEL_LABELS, PINYIN_MODEL_SHA256 } from '../../src/core/generated/pinyinModel';
import { readingsOfHan } from '../../src/core/pinyin';
import { candidateFeatures, candidatesOf, checkModel, contextFeaturePrefixes, contextFeatures, decodeBase64, decodeBase64Plain, featureKey, fnv, modelReading, unpackModel, type PolyphoneModel, type PolyphoneSite } from '../../src/core/pinyin/model';
import { polyphoneSites, setPolyphoneModel } from '../../src/core/pinyin/reader';
import { modelHash, shippedExamples, train, TRAIN_OPTIONS } from '../../bench/pinyinTraining';

const read = (text: string): string => readingsOfHan(text).join(' ');
/** The shared corpus, as the benches find it ($ZHDOC_CORPUS, else ../shared/corpus beside the checkout). */
const corpus = resolve(process.env.ZHDOC_CORPUS ?? resolve(__dirname, '../../../../shared/corpus'));

describe('pinyin model: the committed table', () => {
  const bytes = decodeBase64(PINYIN_MODEL);

  it('decodes to the bytes the training script hashed', () => {
    assert.equal(bytes.length > 1000, true);
    assert.deepEqual(Buffer.from(bytes), Buffer.from(PINYIN_MODEL, 'base64'));
    assert.deepEqual(decodeBase64Plain(PINYIN_MODEL), new Uint8Array(bytes), 'the decoder for runtimes without Buffer or atob');
    const hash = createHash('sha256').update(bytes).update('\n').update(PINYIN_MODEL_LABELS, 'utf8').digest('hex');
    assert.equal(hash, PINYIN_MODEL_SHA256, 'the model file was edited by hand or truncated: run npm run train:pinyin');
  });

  it('is well formed: magic, size, sorted keys, candidate readings per character', () => {
    const model = unpackModel(bytes, PINYIN_MODEL_LABELS);
    assert.equal(model.keys.length, model.weights.length);
    assert.equal(model.keys.length, (bytes.length - 12) / 6);
    checkModel(model);
    assert.equal(model.labels.size > 500, true);
    for (const [char, labels] of model.labels) {
      assert.equal([...char].length, 1, char);
      for (const l of labels) assert.match(l, /^[a-z]+[1-5]$/, `${char} ${l}`);
    }
    assert.ok(model.labels.get('行')?.includes('hang2'));
  });

  it('rejects a damaged table', () => {
    const broken = bytes.slice(0, bytes.length - 1);
    assert.throws(() => unpackModel(broken, PINYIN_MODEL_LABELS), /bytes for/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    assert.throws(() => unpackModel(wrongMagic, PINYIN_MODEL_LABELS), /magic/);
  });

  it('is what npm run train:pinyin produces from the corpus', { skip: existsSync(corpus) ? false : `corpus not found at ${corpus}: the retraining check needs it` }, () => {
    setPolyphoneModel(null);
    try {
      const { bytes: fresh, labelLines } = train(shippedExamples(corpus), TRAIN_OPTIONS);
      assert.equal(modelHash(fresh, labelLines), PINYIN_MODEL_SHA256, 'the committed model is stale: run npm run train:pinyin');
    } finally {
      setPolyphoneModel(undefined);
    }
  });
});

describe('pinyin model: features', () => {
  it('hashes the features piecewise exactly as their text (the hover\'s path and the training script\'s agree)', () => {
    let sites = 0;
    for (const text of ['把钉子钉在墙上', '基層幹部要幹在實處', '重', '他还在银行工作了三年', '地地道道的行家']) {
      for (const site of polyphoneSites([...text])) {
        const char = site.simple[site.index]!;
        const fromText = contextFeatures(site).map((f) => fnv('\u0002', fnv(f, fnv(char))));
        assert.deepEqual(contextFeaturePrefixes(site, char), fromText, text);
        sites++;
      }
    }
    assert.equal(sites > 10, true);
  });

  it('scores from hashes exactly as from the features\' text (the training script\'s keys)', () => {
    const model = unpackModel(decodeBase64(PINYIN_MODEL), PINYIN_MODEL_LABELS);
    const weight = (key: number): number => {
      let lo = 0;
      let hi = model.keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (model.keys[mid]! < key) lo = mid + 1;
        else hi = mid;
      }
      return model.keys[lo] === key ? model.weights[lo]! : 0;
    };
    // The reading as the training script scores it: every feature's text, conjoined and hashed by featureKey.
    const fromText = (m: PolyphoneModel, site: PolyphoneSite): string => {
      const char = site.simple[site.index]!;
      const candidates = candidatesOf(m, char, site.prior);
      if (!candidates) return site.prior;
      const score = (label: string): number =>
        [...contextFeatures(site), ...candidateFeatures(site, label)].reduce((sum, f) => sum + weight(featureKey(char, f, label)), 0);
      let best = site.prior;
      let bestScore = score(site.prior);
      for (const label of candidates) if (label !== site.prior && score(label) > bestScore) [best, bestScore] = [label, score(label)];
      return best;
    };
    let sites = 0;
    for (const text of ['把钉子钉在墙上', '基层干部要干在实处', '他还在银行工作了三年', '地地道道的行家', '长大后他的头发长得很长', '重审批流程', '的的的的的的的的', '只有三只羊了']) {
      for (const site of polyphoneSites([...text])) {
        assert.equal(modelReading(model, site), fromText(model, site), `${text} @${site.index}`);
        sites++;
      }
    }
    assert.equal(sites > 20, true);
  });
});

describe('pinyin model: readings in context', () => {
  it('reads polyphones by their context where the reader alone did not', () => {
    const cases: Array<[string, string]> = [
      ['慢慢地走', 'man4 man4 de5 zou3'],
      ['把钉子钉在墙上', 'ba3 ding1 zi5 ding4 zai4 qiang2 shang4'],
      ['我倒觉得没什么', 'wo3 dao4 jue2 de5 mei2 shen2 me5'],
      ['床上铺着一条薄被子', 'chuang2 shang4 pu1 zhe5 yi1 tiao2 bao2 bei4 zi5'],
    ];
    for (const [text, want] of cases) assert.equal(read(text), want, text);
    setPolyphoneModel(null);
    try {
      assert.notEqual(read('慢慢地走'), 'man4 man4 de5 zou3', 'the model is not in use: the reader alone reads this right');
    } finally {
      setPolyphoneModel(undefined);
    }
  });

  it('reads Traditional text through the Simplified view of its context', () => {
    for (const text of ['慢慢地走', '把钉子钉在墙上', '我倒觉得没什么', '床上铺着一条薄被子']) {
      assert.equal(read(convertText(text, 's2t')), read(text), text);
      assert.equal(read(convertText(text, 's2tw')), read(text), text);
    }
  });

  it('reads the misreadings of issue #14 right', () => {
    assert.equal(read('重审批'), 'zhong4 shen3 pi1');
    assert.equal(read('不必重审批流程'), 'bu4 bi4 zhong4 shen3 pi1 liu2 cheng2');
    assert.equal(read('命債命還'), 'ming4 zhai4 ming4 huan2');
    assert.equal(read('有借有还'), 'you3 jie4 you3 huan2');
    assert.equal(read('他还在'), 'ta1 hai2 zai4');
    assert.equal(read('檢調'), 'jian3 diao4');
    assert.equal(read('警調'), 'jing3 diao4');
    assert.equal(read('檢調單位介入調查'), 'jian3 diao4 dan1 wei4 jie4 ru4 diao4 cha2');
    assert.equal(read('都發局'), 'du1 fa1 ju2');
    assert.equal(read('台北市都發局表示'), 'tai2 bei3 shi4 du1 fa1 ju2 biao3 shi4');
    assert.equal(read('我们都是好朋友'), 'wo3 men5 dou1 shi4 hao3 peng2 you3');
  });

  it("keeps the seed's readings", () => {
    assert.equal(read('基層幹部要幹在實處'), 'ji1 ceng2 gan4 bu4 yao4 gan4 zai4 shi2 chu4');
    assert.equal(read('這是重要的發展機遇'), 'zhe4 shi4 zhong4 yao4 de5 fa1 zhan3 ji1 yu4');
    assert.equal(read('相關負責人參加了會議'), 'xiang1 guan1 fu4 ze2 ren2 can1 jia1 le5 hui4 yi4');
    assert.equal(read('重新审批'), 'chong2 xin1 shen3 pi1');
  });
});
