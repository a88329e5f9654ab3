/**
 * Spoken forms of pinyin (src/core/pinyin/sandhi.ts): the lexicon's neutral tones, erhua as one syllable with r,
 * 一/不 and third-tone sandhi when asked, in both scripts and every style; the hover's readings in real use;
 * inlay hints one word at a time, out of marked ranges.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  annotatePinyin, commonReadings, describeWord, formatWord, INLAY_LABEL_MAX, matchesSpokenAnnotation, pinyinHints, readingsOfCharacter,
  removePinyinAnnotations, spokenVariants, toPinyinText, wordAt, wordsIn, type PinyinStyle, type ToneSandhi,
} from '../../src/core/pinyin';
import { isHanCodePoint, applyEdits } from '../../src/core/text';

/** The text's words as zhdoc writes them, joined by `|`. */
function spoken(text: string, sandhi: ToneSandhi = 'off', style: PinyinStyle = 'marks'): string {
  return wordsIn(text, 0, text.length, { sandhi }).map((w) => formatWord(w.spoken.map((r) => r ?? '?'), style)).join('|');
}

/** The spoken form of the word of `text` that covers `phrase`, read in the whole text. */
function phrase(text: string, part: string, sandhi: ToneSandhi = 'off', style: PinyinStyle = 'marks'): string {
  const start = text.indexOf(part);
  assert.ok(start >= 0, part);
  const words = wordsIn(text, 0, text.length, { sandhi }).filter((w) => w.end > start && w.start < start + part.length);
  return words.map((w) => formatWord(w.spoken.map((r) => r ?? '?'), style)).join(' ');
}

describe('pinyin sandhi: 一 and 不', () => {
  // Each case in a sentence of its own, Simplified then Traditional: [text, the phrase, off, yiBu].
  const cases: Array<[string, string, string, string, string]> = [
    ['我有一个问题。', '我有一個問題。', '一个', 'yīge', 'yíge'],
    ['他们一样高。', '他們一樣高。', '一样', 'yīyàng', 'yíyàng'],
    ['我等了一天。', '我等了一天。', '一天', 'yītiān', 'yìtiān'],
    ['这不是我的。', '這不是我的。', '不是', 'bùshì', 'búshì'],
    ['你说得不对。', '你說得不對。', '不对', 'bùduì', 'búduì'],
    ['你看一看。', '你看一看。', '看一看', 'kànyīkàn', 'kànyikàn'],
    ['他得了第一。', '他得了第一。', '第一', 'dìyī', 'dìyī'],
    ['全国统一部署。', '全國統一部署。', '统一', 'tǒngyī', 'tǒngyī'],
    ['你是不是学生？', '你是不是學生？', '是不是', 'shìbùshì', 'shìbushì'],
    ['一九四九年', '一九四九年', '一九四九年', 'yījiǔsìjiǔnián', 'yījiǔsìjiǔnián'],
    ['一千人', '一千人', '一千', 'yīqiān', 'yìqiān'],
  ];
  for (const [simplified, traditional, part, off, yiBu] of cases) {
    it(`${part}: ${off} as the dictionary writes it, ${yiBu} with sandhi, in both scripts`, () => {
      const tradPart = [...part].map((_, i) => [...traditional][[...simplified].indexOf([...part][0]!) + i]).join('');
      assert.equal(phrase(simplified, part, 'off'), off);
      assert.equal(phrase(simplified, part, 'yiBu'), yiBu);
      assert.equal(phrase(traditional, tradPart, 'off'), off, traditional);
      assert.equal(phrase(traditional, tradPart, 'yiBu'), yiBu, traditional);
    });
  }

  it('reads 一 before a classifier across a word boundary (这一 | 天) and keeps it in ordinals and dates', () => {
    assert.equal(spoken('这一天', 'yiBu'), 'zhè|yìtiān');
    assert.equal(spoken('這一天', 'yiBu'), 'zhèyì|tiān');
    assert.equal(spoken('十一个人', 'yiBu').startsWith('shíyī'), true);
    assert.match(spoken('三月一日', 'yiBu'), /yīrì/);
    assert.match(spoken('一线城市', 'yiBu'), /^yīxiàn/);
    assert.match(spoken('一步一步地走', 'yiBu'), /^yíbù\|yíbù/);
  });

  it('writes sandhi in every style', () => {
    assert.equal(phrase('我有一个问题。', '一个', 'yiBu', 'numbers'), 'yi2 ge5');
    assert.equal(phrase('我有一个问题。', '一个', 'yiBu', 'zhuyin'), 'ㄧˊ ˙ㄍㄜ');
    assert.equal(phrase('这不是我的。', '不是', 'yiBu', 'numbers'), 'bu2 shi4');
    assert.equal(phrase('你看一看。', '看一看', 'yiBu', 'numbers'), 'kan4 yi5 kan4');
    assert.equal(phrase('你看一看。', '看一看', 'yiBu', 'zhuyin'), 'ㄎㄢˋ ˙ㄧ ㄎㄢˋ');
    assert.equal(phrase('你是不是学生？', '是不是', 'yiBu', 'zhuyin'), 'ㄕˋ ˙ㄅㄨ ㄕˋ');
  });

  it('adds third-tone sandhi only in the further mode', () => {
    assert.equal(phrase('你好。', '你好', 'yiBu'), 'nǐhǎo');
    assert.equal(phrase('你好。', '你好', 'all'), 'níhǎo');
    assert.equal(phrase('你好。', '你好', 'all', 'numbers'), 'ni2 hao3');
    assert.equal(phrase('參觀展覽館。', '展覽館', 'all'), 'zhánlánguǎn');
    // 一/不 sandhi is part of the further mode too.
    assert.equal(phrase('我有一个问题。', '一个', 'all'), 'yíge');
  });

  it('applies the mode in Copy as Pinyin and Annotate', () => {
    assert.equal(toPinyinText('一个', 'marks', 0, 2, { sandhi: 'yiBu' }), 'yíge');
    assert.equal(toPinyinText('一个', 'marks'), 'yīge');
    const text = '他不是一个人。';
    assert.equal(applyEdits(text, annotatePinyin(text, 'marks', 0, text.length, { sandhi: 'yiBu' })), '他(tā)不是(búshì)一个人(yígerén)。');
  });
});

describe('pinyin: neutral tones and erhua', () => {
  it('gives the lexicon\'s neutral tones in both scripts', () => {
    assert.equal(phrase('先生你好', '先生'), 'xiānsheng');
    assert.equal(phrase('這位先生', '先生'), 'xiānsheng');
    assert.equal(phrase('科学知识', '知识'), 'zhīshi');
    assert.equal(phrase('科學知識', '知識'), 'zhīshi');
    assert.equal(phrase('先生你好', '先生', 'off', 'numbers'), 'xian1 sheng5');
  });

  // [Simplified, Traditional, marks off, marks with sandhi, numbers, zhuyin]
  const erhua: Array<[string, string, string, string, string, string]> = [
    ['一点儿', '一點兒', 'yīdiǎnr', 'yìdiǎnr', 'yi1 dianr3', 'ㄧ ㄉㄧㄢˇㄦ'],
    ['哪儿', '哪兒', 'nǎr', 'nǎr', 'nar3', 'ㄋㄚˇㄦ'],
    ['玩儿', '玩兒', 'wánr', 'wánr', 'wanr2', 'ㄨㄢˊㄦ'],
  ];
  for (const [simplified, traditional, off, yiBu, numbers, zhuyin] of erhua) {
    it(`reads ${simplified} as one syllable with r in every style and both scripts`, () => {
      for (const [text, label] of [[`我们去${simplified}吧`, simplified], [`我們去${traditional}吧`, traditional]] as const) {
        assert.equal(phrase(text, label), off, text);
        assert.equal(phrase(text, label, 'yiBu'), yiBu, text);
        assert.equal(phrase(text, label, 'off', 'numbers'), numbers, text);
        assert.equal(phrase(text, label, 'off', 'zhuyin'), zhuyin, text);
      }
    });
  }

  it('leaves 儿 a syllable of its own where it is one: 儿子, 女儿, 婴儿, 儿童', () => {
    for (const text of ['他的儿子', '他的兒子']) assert.equal(phrase(text, [...text].slice(2).join('')), 'érzi');
    for (const text of ['他的女儿', '他的女兒']) assert.equal(phrase(text, [...text].slice(2).join('')), "nǚ'ér");
    assert.equal(phrase('照顾婴儿', '婴儿'), "yīng'ér");
    assert.equal(phrase('保护儿童', '儿童'), 'értóng');
    assert.equal(phrase('他的女儿', '女儿', 'off', 'numbers'), 'nv3 er2');
  });

  it('shows an erhua syllable as one coloured piece in the hover', () => {
    const view = describeWord(wordAt('我们去哪儿吧', 3)!, 'marks');
    assert.equal(view.pinyin, 'nǎr');
    assert.deepEqual(view.pieces, [{ text: 'nǎr', tone: 3 }]);
  });
});

describe('pinyin: annotations written as spoken', () => {
  const texts = ['我有一点儿累，你去哪儿了？', '我有一點兒累，你去哪兒了？', '他不是一个人，看一看先生的女儿。'];
  for (const style of ['marks', 'numbers'] as const) {
    for (const sandhi of ['off', 'yiBu', 'all'] as const) {
      it(`remove(annotate(text)) === text in ${style}, sandhi ${sandhi}`, () => {
        for (const text of texts) {
          const annotated = applyEdits(text, annotatePinyin(text, style, 0, text.length, { sandhi }));
          assert.equal(applyEdits(annotated, removePinyinAnnotations(annotated)), text, annotated);
        }
      });
    }
  }

  it('writes erhua in zhuyin as ㄦ after the tone, and removal takes it', () => {
    const text = '你去哪兒了？';
    const annotated = applyEdits(text, annotatePinyin(text, 'zhuyin'));
    assert.match(annotated, /哪兒\(ㄋㄚˇㄦ\)/);
    assert.equal(applyEdits(annotated, removePinyinAnnotations(annotated)), text);
  });

  it('recognises every form it writes, from the readings of the Han text (matchesSpokenAnnotation)', () => {
    const candidates = (word: string): string[][] => [...word].map((c) => readingsOfCharacter(c).flatMap((r) => spokenVariants(c, r)));
    for (const text of ['我有一点儿累', '你看一看', '你是不是学生', '先生你好', '他的女儿', '參觀展覽館']) {
      for (const style of ['marks', 'numbers', 'zhuyin', 'none'] as const) {
        for (const sandhi of ['off', 'yiBu', 'all'] as const) {
          for (const w of wordsIn(text, 0, text.length, { sandhi })) {
            const body = formatWord(w.spoken.map((r) => r ?? '?'), style);
            assert.ok(matchesSpokenAnnotation([...w.word], candidates(w.word), body, style), `${w.word} (${body}) ${style} ${sandhi}`);
          }
        }
      }
    }
    assert.equal(matchesSpokenAnnotation([...'一点儿'], candidates('一点儿'), 'yìdiǎnr', 'marks'), true);
    assert.equal(matchesSpokenAnnotation([...'一点儿'], candidates('一点儿'), 'yi4 dianr3', 'numbers'), true);
    assert.equal(matchesSpokenAnnotation([...'一点儿'], candidates('一点儿'), 'yi4 dian3 er2', 'numbers'), true);
    assert.equal(matchesSpokenAnnotation([...'一点儿'], candidates('一点儿'), 'yìdiǎn', 'marks'), false);
    assert.equal(matchesSpokenAnnotation([...'先生'], candidates('先生'), 'hànzì', 'marks'), false);
  });
});

describe('pinyin: a polyphone\'s readings in real use', () => {
  const others = (text: string, char: string): readonly string[] => {
    const word = wordAt(text, text.indexOf(char))!;
    return describeWord(word, 'marks').polyphones.find((p) => p.char === char)?.others ?? [];
  };

  it('drops readings nobody uses: 净 chēng, 假 gēi', () => {
    assert.deepEqual(commonReadings('净', readingsOfCharacter('净')), ['jing4']);
    assert.ok(!commonReadings('假', readingsOfCharacter('假')).includes('gei1'));
    assert.deepEqual(others('干净', '净'), []);
    assert.deepEqual(others('放假', '假'), ['jia3']);
    assert.deepEqual(others('假如', '假'), ['jia4']);
  });

  it('lists the most common first, in both scripts', () => {
    // kHanyuPinlu counts 行 xíng 2943 times, háng 218 in running text; 长 zhǎng 1879, cháng 1179.
    assert.deepEqual(commonReadings('行', readingsOfCharacter('行')), ['xing2', 'hang2']);
    assert.deepEqual(commonReadings('长', readingsOfCharacter('长')), ['zhang3', 'chang2']);
    assert.deepEqual(commonReadings('長', readingsOfCharacter('長')), ['zhang3', 'chang2']);
    assert.deepEqual(others('银行', '行'), ['xing2']);
    assert.deepEqual(others('長度', '長'), ['zhang3']);
  });
});

describe('pinyin inlay hints: one word at a time', () => {
  // A 200-character paragraph of official prose, written for this test.
  const paragraph = (
    '会议强调，要坚持以人民为中心的发展思想，统筹推进经济建设、政治建设、文化建设、社会建设和生态文明建设，' +
    '加快构建新发展格局，着力推动高质量发展，深化改革开放，增进民生福祉，一个一个地解决群众急难愁盼问题，' +
    '不断提高人民生活水平，让发展成果更多更公平地惠及全体人民。各地区各部门要结合本地实际，狠抓各项工作落实，' +
    '确保各项决策部署落地见效，以实际行动迎接新的胜利，为全面建设社会主义现代化国家作出新的更大贡献。'
  );

  it('gives every Han word its own hint, none longer than VS Code\'s default limit', () => {
    assert.ok([...paragraph].length >= 200, String([...paragraph].length));
    const hints = pinyinHints(paragraph, 'marks');
    const words = wordsIn(paragraph);
    assert.equal(hints.length, words.length);
    for (const h of hints) assert.ok(h.label.length <= INLAY_LABEL_MAX, h.label);
    // The hints, concatenated, are the pinyin of every Han word of the paragraph.
    assert.equal(hints.map((h) => h.label).join(''), words.map((w) => formatWord(w.spoken.map((r) => r ?? '?'), 'marks')).join(''));
    const covered = new Set(hints.flatMap((h) => Array.from({ length: h.word.end - h.word.start }, (_, i) => h.word.start + i)));
    for (let i = 0; i < paragraph.length; i++) if (isHanCodePoint(paragraph.codePointAt(i)!)) assert.ok(covered.has(i), `${paragraph[i]} at ${i}`);
  });

  it('cuts a word longer than the limit between syllables', () => {
    const text = '共和国';
    assert.equal(wordsIn(text).length, 1);
    const hints = pinyinHints(text, 'numbers', 0, text.length, { maxLabel: 8 });
    assert.deepEqual(hints.map((h) => h.label), ['gong4', 'he2 guo2']);
    for (const h of hints) {
      assert.equal(h.offset, text.length);
      assert.ok(!h.label.startsWith(' '), h.label);
    }
    assert.equal(hints.map((h) => h.label).join(' '), formatWord(wordsIn(text)[0]!.spoken.map((r) => r!), 'numbers'));
  });

  it('puts no hint inside a marked range: the phrase\'s pinyin follows the mark, word by word', () => {
    const text = '我们要坚持以人民为中心的发展思想。';
    const start = text.indexOf('以人民');
    const end = text.indexOf('的发展');
    const hints = pinyinHints(text, 'marks', 0, text.length, { unsplit: [[start, end]] });
    for (const h of hints) assert.ok(!(h.offset > start && h.offset < end), `${h.label} at ${h.offset}`);
    const moved = hints.filter((h) => h.offset === end).map((h) => h.label);
    assert.deepEqual(moved, wordsIn(text).filter((w) => w.end > start && w.end <= end).map((w) => formatWord(w.spoken.map((r) => r!), 'marks')));
    assert.equal(hints.length, wordsIn(text).length);
    assert.deepEqual([...hints].sort((a, b) => a.offset - b.offset), hints, 'sorted by offset');
  });

  it('reads only the requested range and its clause', () => {
    const big = '发展是硬道理。'.repeat(200_000);
    const from = 700_000;
    const hints = pinyinHints(big, 'marks', from, from + 70);
    assert.ok(hints.length > 0 && hints.length <= 70);
    for (const h of hints) assert.ok(h.offset > from - 10 && h.offset <= from + 70, String(h.offset));
  });
});
