import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { annotatePinyin, describeWord, formatWord, pinyinHints, readingsOf, toPinyinText, wordAt, withSandhi, type ToneSandhi } from '../../src/core/pinyin';
import { setPolyphoneModel } from '../../src/core/pinyin/reader';
import { sandhiReadings } from '../../src/core/pinyin/sandhi';
import { trainCommittedModel } from '../../src/core/pinyin/train';
import { applyEdits } from '../../src/core/text';

const root = resolve(__dirname, '../../..');
const corpus = resolve(process.env.ZHDOC_CORPUS ?? join(root, '../shared/corpus'));

/** The reading of the character `char` (its first occurrence) in `text`. */
function readingIn(text: string, char: string): string | null | undefined {
  return readingsOf(text)[[...text].indexOf(char)];
}

const annotated = (text: string, sandhi: ToneSandhi = 'off'): string => applyEdits(text, annotatePinyin(text, 'marks', 0, text.length, sandhi));

describe('polyphone model', () => {
  it('reads the misread words of the issue in context', () => {
    assert.equal(readingIn('他欠下的命債命還', '還'), 'huan2');
  });

  it('reads 調 in 檢調 and 警調 as diào', { todo: 'not robust: diào only for the word alone after a line break; at the start of a text or before 單位 / 人員 the model keeps tiáo (檢調 and 警調 are absent from its training data)' }, () => {
    assert.equal(readingIn('檢調', '調'), 'diao4');
    assert.equal(readingIn('警調', '調'), 'diao4');
    assert.equal(readingIn('檢調單位介入', '調'), 'diao4');
    assert.equal(readingIn('警調人員到場', '調'), 'diao4');
  });

  it('keeps the seed article\'s readings', () => {
    assert.equal(annotated('幹在實處'), '幹(gàn)在(zài)實處(shíchù)');
    assert.equal(readingIn('重要的是', '重'), 'zhong4');
    assert.deepEqual(readingsOf('負責人'), ['fu4', 'ze2', 'ren2']);
  });

  it('reads 银行 and 行走, 長大 and 長度', () => {
    assert.equal(readingIn('去银行', '行'), 'hang2');
    assert.equal(readingIn('行走', '行'), 'xing2');
    assert.equal(readingIn('孩子長大了', '長'), 'zhang3');
    assert.equal(readingIn('長度', '長'), 'chang2');
  });

  it('reads 重审批 as zhòng shěnpī', { todo: 'the lexicon word 重审 (chóngshěn) wins the segmentation over 审批, and the model keeps it' }, () => {
    assert.equal(readingIn('重审批', '重'), 'zhong4');
  });

  it('reads 都 in 都發局 as dū', { todo: 'the lexicon reads 都发 as dōufā; the model has no evidence against it' }, () => {
    assert.equal(readingIn('台北市都發局', '都'), 'du1');
  });

  it('reads the same with and without the model where the lexicon decides', () => {
    try {
      setPolyphoneModel(null);
      assert.equal(readingIn('重要', '重'), 'zhong4');
    } finally {
      setPolyphoneModel(undefined);
    }
  });

  it('is the model the training script produces', (t) => {
    if (!existsSync(join(corpus, 'pinyin-g2pl/train.sent'))) {
      t.skip(`no corpus at ${corpus}: the committed model cannot be rebuilt here`);
      return;
    }
    const committed = readFileSync(join(root, 'src/core/generated/pinyinModel.ts'), 'utf8');
    try {
      setPolyphoneModel(null);
      const produced = trainCommittedModel((p) => readFileSync(join(corpus, p), 'utf8'));
      assert.ok(produced === committed, 'src/core/generated/pinyinModel.ts differs from what `npm run train:pinyin` produces');
    } finally {
      setPolyphoneModel(undefined);
    }
  });
});

describe('other readings in the hover', () => {
  const others = (text: string, char: string): readonly string[] | undefined => {
    const word = wordAt(text, [...text].indexOf(char))!;
    return describeWord(word, 'numbers').polyphones.find((p) => p.char === char)?.others;
  };

  it('lists only readings running text uses, most frequent first', () => {
    assert.deepEqual(others('干净', '净') ?? [], [], '净 chēng is a dictionary-only reading');
    assert.deepEqual(others('假如', '假'), ['jia4']);
    assert.deepEqual(others('银行', '行')?.[0], 'xing2');
    assert.ok(!others('银行', '行')!.includes('hang4'));
  });
});

describe('tone sandhi and erhua', () => {
  it('keeps dictionary tones by default', () => {
    assert.equal(annotated('一个'), '一个(yīgè)');
    assert.equal(annotated('不是'), '不是(bùshì)');
  });

  it('applies 一 and 不 sandhi when asked', () => {
    assert.equal(annotated('一个', 'yiBu'), '一个(yíge)');
    assert.equal(annotated('一样', 'yiBu'), '一样(yíyàng)');
    assert.equal(annotated('一天', 'yiBu'), '一天(yìtiān)');
    assert.equal(annotated('不是', 'yiBu'), '不是(búshì)');
    assert.equal(annotated('不对', 'yiBu'), '不对(búduì)');
    assert.equal(annotated('看一看', 'yiBu'), '看一看(kànyikàn)');
  });

  it('leaves 一 as a numeral and at the end of a word', () => {
    for (const text of ['第一', '十一', '统一', '一九四九年']) assert.equal(readingsOf(text).join(), sandhiReadings([...text], readingsOf(text), 'yiBu').join(), text);
  });

  it('applies third-tone sandhi inside a word only in full mode', () => {
    assert.deepEqual(sandhiReadings([...'你好'], ['ni3', 'hao3'], 'yiBu'), ['ni3', 'hao3']);
    assert.deepEqual(sandhiReadings([...'你好'], ['ni3', 'hao3'], 'full', [[0, 2]]), ['ni2', 'hao3']);
  });

  it('sees the next word: 不 before a verb of its own', () => {
    const text = '我不去';
    const word = wordAt(text, 1)!;
    const r = withSandhi(text, word, 'yiBu');
    assert.equal(r.readings[[...r.word].indexOf('不')], 'bu2');
  });

  it('reads erhua as one syllable with r, in every style', () => {
    assert.equal(annotated('一点儿'), '一点儿(yīdiǎnr)');
    assert.equal(annotated('一点儿', 'yiBu'), '一点儿(yìdiǎnr)');
    assert.equal(annotated('哪儿'), '哪儿(nǎr)');
    assert.equal(annotated('玩儿'), '玩儿(wánr)');
    assert.equal(formatWord(['na3', 'r5'], 'numbers'), 'nar3');
    assert.equal(formatWord(['na3', 'r5'], 'zhuyin'), 'ㄋㄚˇ ㄦ');
    assert.equal(annotated('女儿'), '女儿(nǚ\'ér)');
  });

  it('applies sandhi in Copy as Pinyin and inlay hints', () => {
    assert.equal(toPinyinText('一个人', 'marks', 0, 3, 'yiBu').startsWith('yí'), true);
    assert.ok(pinyinHints('不是', 'marks', 0, 2, 'yiBu').some((h) => h.label.startsWith('bú')));
  });
});

describe('packed model', () => {
  it('decodes the same bytes natively and in the portable loop, and round-trips', async () => {
    const { decodeBase64Int8, decodeBase64Loop, encodeBase64Int8 } = await import('../../src/core/pinyin/model');
    for (const n of [0, 1, 2, 3, 4, 5, 1000, 1001, 1002]) {
      const bytes = new Int8Array(n);
      for (let i = 0; i < n; i++) bytes[i] = ((i * 73) % 256) - 128;
      const text = encodeBase64Int8(bytes);
      assert.equal(text, Buffer.from(bytes.buffer).toString('base64'));
      assert.deepEqual(decodeBase64Int8(text, n), bytes);
      assert.deepEqual(decodeBase64Loop(text, n), bytes);
    }
  });
});
