import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  annotatePinyin, counterpartWord, describeWord, formatReading, pinyinHints, pinyinPieces, formatWord, glossesOf, isGlossLoaded, isPinyinLoaded, parseReading,
  readingsOf, readingsOfCharacter, readingsOfHan, removePinyinAnnotations, selectionReading, toMarks, toPinyinText,
  toZhuyin, wordAt, wordsIn,
} from '../../src/core/pinyin';
import { convertText } from '../../src/core/convert';
import { applyEdits, splitLines } from '../../src/core/text';

const fixtures = resolve(__dirname, '../../../test/fixtures/pinyin');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

/** Readings of the Han characters of `text`, space-separated. */
const read = (text: string): string => readingsOfHan(text).join(' ');

describe('pinyin: loading', () => {
  it('loads nothing at import', () => {
    // Nothing above has read a character yet: importing the module must not have loaded pinyin-pro or the data.
    assert.equal(isPinyinLoaded(), false);
    assert.equal(isGlossLoaded(), false);
  });
});

describe('pinyin: syllable forms', () => {
  it('places tone marks by the standard rules', () => {
    assert.equal(toMarks('zhong1'), 'zhōng');
    assert.equal(toMarks('lv4'), 'lǜ');
    assert.equal(toMarks('nve4'), 'nüè');
    assert.equal(toMarks('gui4'), 'guì');
    assert.equal(toMarks('liu2'), 'liú');
    assert.equal(toMarks('zhou1'), 'zhōu');
    assert.equal(toMarks('er2'), 'ér');
    assert.equal(toMarks('de5'), 'de');
    assert.equal(toMarks('ng2'), 'ńg');
  });

  it('writes zhuyin, with the neutral-tone dot first', () => {
    const cases: Array<[string, string]> = [
      ['zhong1', 'ㄓㄨㄥ'], ['lv4', 'ㄌㄩˋ'], ['xue2', 'ㄒㄩㄝˊ'], ['yuan2', 'ㄩㄢˊ'], ['ma5', '˙ㄇㄚ'], ['shi4', 'ㄕˋ'],
      ['you3', 'ㄧㄡˇ'], ['wen2', 'ㄨㄣˊ'], ['er2', 'ㄦˊ'], ['jiong3', 'ㄐㄩㄥˇ'], ['gui4', 'ㄍㄨㄟˋ'], ['yi1', 'ㄧ'],
      ['wu3', 'ㄨˇ'], ['qu4', 'ㄑㄩˋ'], ['zi4', 'ㄗˋ'], ['ying2', 'ㄧㄥˊ'], ['weng1', 'ㄨㄥ'], ['yun2', 'ㄩㄣˊ'],
    ];
    for (const [reading, zhuyin] of cases) assert.equal(toZhuyin(reading), zhuyin, reading);
  });

  it('joins a word: marks run together with an apostrophe before a, e, o; numbers and zhuyin spaced', () => {
    assert.equal(formatWord(['han4', 'zi4'], 'marks'), 'hànzì');
    assert.equal(formatWord(['xi1', 'an1'], 'marks'), "xī'ān");
    assert.equal(formatWord(['han4', 'zi4'], 'numbers'), 'han4 zi4');
    assert.equal(formatWord(['han4', 'zi4'], 'none'), 'hanzi');
    assert.equal(formatWord(['han4', 'zi4'], 'zhuyin'), 'ㄏㄢˋ ㄗˋ');
    assert.equal(formatReading('lv4', 'none'), 'lv');
  });

  it('parses any pinyin form back to the canonical one', () => {
    for (const s of ['lǜ', 'lv4', 'lu:4', 'LÜ4']) assert.equal(parseReading(s), 'lv4', s);
    assert.equal(parseReading('zhōng'), 'zhong1');
    assert.equal(parseReading('ma'), 'ma5');
    assert.equal(parseReading('le0'), 'le5');
    assert.equal(parseReading('漢'), undefined);
    for (const r of ['zhong1', 'lv4', 'nve4', 'er2', 'de5', 'xiong2']) assert.equal(parseReading(toMarks(r)), r);
  });
});

describe('pinyin: readings in context', () => {
  it('reads the characters of a slogan in Traditional script by their own form', () => {
    // Converting 幹 to Simplified first would give 干 and the wrong gān.
    assert.equal(read('基層幹部要幹在實處'), 'ji1 ceng2 gan4 bu4 yao4 gan4 zai4 shi2 chu4');
    assert.equal(read('相關負責人參加了會議'), 'xiang1 guan1 fu4 ze2 ren2 can1 jia1 le5 hui4 yi4');
    assert.equal(read('這是重要的發展機遇'), 'zhe4 shi4 zhong4 yao4 de5 fa1 zhan3 ji1 yu4');
  });

  it('reads the same sentences in Simplified script the same way', () => {
    assert.equal(read('基层干部要干在实处'), 'ji1 ceng2 gan4 bu4 yao4 gan4 zai4 shi2 chu4');
    assert.equal(read('相关负责人参加了会议'), 'xiang1 guan1 fu4 ze2 ren2 can1 jia1 le5 hui4 yi4');
    assert.equal(read('这是重要的发展机遇'), 'zhe4 shi4 zhong4 yao4 de5 fa1 zhan3 ji1 yu4');
  });

  it('tells apart Traditional characters that merged in Simplified', () => {
    assert.equal(read('頭髮'), 'tou2 fa4');
    assert.equal(read('發展'), 'fa1 zhan3');
    assert.equal(read('儘管'), 'jin3 guan3');
    assert.equal(read('盡力'), 'jin4 li4');
    assert.equal(read('天氣乾燥'), 'tian1 qi4 gan1 zao4');
    assert.equal(read('乾隆年間'), 'qian2 long2 nian2 jian1');
    assert.equal(read('一隻貓'), 'yi1 zhi1 mao1');
    assert.equal(read('著名作家'), 'zhu4 ming2 zuo4 jia1');
  });

  it('reads the polyphones pinyin-pro most often misses', () => {
    assert.equal(read('他因心脏病去世'), 'ta1 yin1 xin1 zang4 bing4 qu4 shi4');
    assert.equal(read('警方逮捕了嫌疑人'), 'jing3 fang1 dai4 bu3 le5 xian2 yi2 ren2');
    assert.equal(read('边塞'), 'bian1 sai4');
    assert.equal(read('新鲜'), 'xin1 xian1');
    assert.equal(read('鲜为人知'), 'xian3 wei2 ren2 zhi1');
  });

  it('reads words and free-standing polyphones by their context', () => {
    assert.equal(read('银行行长'), 'yin2 hang2 hang2 zhang3');
    assert.equal(read('重新开始'), 'chong2 xin1 kai1 shi3');
    assert.equal(read('他只想回家'), 'ta1 zhi3 xiang3 hui2 jia1');
    assert.equal(read('两只小猫'), 'liang3 zhi1 xiao3 mao1');
    assert.equal(read('我了解了'), 'wo3 liao3 jie3 le5');
    assert.equal(read('什么'), 'shen2 me5');
    assert.equal(read('买了3只鸡'), 'mai3 le5 zhi1 ji1');
    assert.equal(read('住在武康路40弄'), 'zhu4 zai4 wu3 kang1 lu4 long4');
    assert.equal(read('此事应尽快办理'), 'ci3 shi4 ying1 jin3 kuai4 ban4 li3');
    assert.equal(read('他跑得很快'), 'ta1 pao3 de5 hen3 kuai4');
    assert.equal(read('将军率部突围'), 'jiang1 jun1 shuai4 bu4 tu1 wei2');
  });

  it('repairs word-list errors from the words inside a longer word, and keeps the light bo of 萝卜', () => {
    assert.equal(read('希腊人'), 'xi1 la4 ren2');
    assert.equal(read('萝卜'), 'luo2 bo5');
    assert.equal(read('回到了家乡'), 'hui2 dao4 le5 jia1 xiang1');
  });

  it('gives one entry per code point: null for anything not Han, astral characters whole', () => {
    const r = readingsOf('中𠮷a，文');
    assert.equal(r.length, 5);
    assert.equal(r[0], 'zhong1');
    assert.equal(r[2], null);
    assert.equal(r[3], null);
    assert.equal(r[4], 'wen2');
    assert.deepEqual(readingsOf(''), []);
  });

  it('reads a Traditional text and its Simplified version alike, line by line', () => {
    const simplified = splitLines(fixture('simplified.txt'));
    const traditional = splitLines(fixture('traditional.txt'));
    assert.equal(simplified.length, traditional.length);
    simplified.forEach((line, i) => assert.deepEqual(readingsOf(traditional[i]!), readingsOf(line), line));
  });

  it('reads the readings a reader expects in the fixtures', () => {
    const [first, second] = splitLines(fixture('simplified.txt'));
    assert.equal(read(first!), 'ta1 zhi3 xiang3 ba3 zhe4 zhi1 xiao3 mao1 song4 gei3 lin2 ju1');
    assert.equal(read(second!), 'yin2 hang2 hang2 zhang3 shuo1 zhe4 ge4 hang2 ye4 fa1 zhan3 de5 hen3 kuai4');
  });

  it('is deterministic', () => {
    const text = fixture('mixed.txt');
    assert.deepEqual(readingsOf(text), readingsOf(text));
  });

  it('lists every reading of a polyphonic character, the usual one first', () => {
    assert.deepEqual(readingsOfCharacter('行').slice(0, 2).sort(), ['hang2', 'xing2']);
    assert.ok(readingsOfCharacter('發').includes('fa1'));
    assert.deepEqual(readingsOfCharacter('我'), ['wo3']);
  });
});

describe('pinyin: words', () => {
  const text = '在新征程上幹在實處，走在前列。';

  it('finds the word under the cursor, read in its clause', () => {
    const at = text.indexOf('實');
    const w = wordAt(text, at)!;
    assert.equal(w.word, '實處');
    assert.deepEqual(w.readings, ['shi2', 'chu4']);
    assert.equal(text.slice(w.start, w.end), '實處');
  });

  it('counts a cursor just after a word as on it, and nothing where no Han character is', () => {
    assert.equal(wordAt(text, text.indexOf('，'))?.word, '實處');
    assert.equal(wordAt('abc def', 2), undefined);
    assert.equal(wordAt('', 0), undefined);
  });

  it('gives the same word in a large document as in its clause alone', () => {
    const big = 'x'.repeat(300_000) + '\n' + text + '\n' + '中文'.repeat(100_000);
    const at = big.indexOf('幹');
    const w = wordAt(big, at)!;
    assert.equal(w.word, '幹');
    assert.deepEqual(w.readings, ['gan4']);
    assert.equal(w.start, at);
  });

  it('handles astral characters', () => {
    const w = wordAt('吃𠮷野家', 1);
    assert.ok(w && w.start <= 1 && w.end > 2);
  });

  it('reads a selection in context', () => {
    const s = '银行行长来了';
    const sel = selectionReading(s, 2, 4);
    assert.equal(sel.text, '行长');
    assert.deepEqual(sel.readings, ['hang2', 'zhang3']);
  });

  it('lists the words of a range with their readings', () => {
    const words = wordsIn('我们要发展经济', 0, 7);
    assert.equal(words.map((w) => w.word).join('|').replace(/\|/g, ''), '我们要发展经济');
    assert.ok(words.some((w) => w.word === '发展' && w.readings.join(' ') === 'fa1 zhan3'));
  });

  it('turns text into pinyin for Copy as Pinyin, keeping what is not Han', () => {
    assert.equal(toPinyinText('发展经济。', 'marks'), 'fāzhǎn jīngjì。');
    assert.equal(toPinyinText('用Python写', 'numbers'), 'yong4 Python xie3');
    // A selection that cuts 银行 keeps the reading 行 has in the word.
    assert.equal(toPinyinText('去银行取钱', 'numbers', 2, 5), 'hang2 qu3 qian2');
  });

  it('gives the Traditional counterpart of Simplified words as OpenCC s2t does', () => {
    for (const word of ['发展', '头发', '以后', '皇后', '这里', '公里', '干部', '干燥', '一分钟', '面条', '钟表', '汉字', '台风']) {
      assert.equal(counterpartWord(word)?.text ?? word, convertText(word, 's2t'), word);
    }
  });

  it('describes a word for the hover: counterpart, other readings, tones', () => {
    const view = describeWord(wordAt('發展', 0)!, 'marks');
    assert.equal(view.pinyin, 'fāzhǎn');
    assert.deepEqual(view.counterpart, { script: 'simplified', text: '发展' });
    assert.deepEqual(view.syllables.map((s) => s.tone), [1, 3]);
    const gan = describeWord(wordAt('幹部', 0)!, 'numbers');
    assert.equal(gan.counterpart?.text, '干部');
    const hang = describeWord(wordAt('银行', 0)!, 'marks');
    assert.equal(hang.counterpart?.text, '銀行');
    const poly = hang.polyphones.find((p) => p.char === '行')!;
    assert.equal(poly.reading, 'hang2');
    assert.ok(poly.others.includes('xing2'));
  });
});

describe('pinyin: display pieces and hints', () => {
  it('cuts a word into syllables with tones and separators that join to the word', () => {
    const pieces = pinyinPieces(['xi1', 'an1'], 'marks');
    assert.deepEqual(pieces, [{ text: 'xī', tone: 1 }, { text: "'", tone: undefined }, { text: 'ān', tone: 1 }]);
    assert.equal(pinyinPieces(['han4', null], 'numbers').map((p) => p.text).join(''), 'han4 ?');
    assert.equal(pinyinPieces(['zhong1', 'wen2'], 'zhuyin').map((p) => p.text).join(''), formatWord(['zhong1', 'wen2'], 'zhuyin'));
  });

  it('gives an inlay hint after each word of a range only', () => {
    const text = '第一段：发展经济。第二段：保护环境。';
    const start = text.indexOf('第二段');
    const hints = pinyinHints(text, 'marks', start, text.length);
    assert.ok(hints.length > 0);
    assert.ok(hints.every((h) => h.offset > start));
    assert.ok(hints.some((h) => h.label === 'bǎohù' && text.slice(h.offset - 2, h.offset) === '保护'));
  });
});

describe('pinyin: annotation', () => {
  it('inserts readings after each word, in the chosen style', () => {
    const text = '漢字，發展經濟';
    assert.equal(applyEdits(text, annotatePinyin(text, 'marks')), '漢字(hànzì)，發展(fāzhǎn)經濟(jīngjì)');
    assert.equal(applyEdits(text, annotatePinyin(text, 'numbers')), '漢字(han4 zi4)，發展(fa1 zhan3)經濟(jing1 ji4)');
    assert.equal(applyEdits(text, annotatePinyin(text, 'zhuyin')), '漢字(ㄏㄢˋ ㄗˋ)，發展(ㄈㄚ ㄓㄢˇ)經濟(ㄐㄧㄥ ㄐㄧˋ)');
    assert.equal(applyEdits('西安', annotatePinyin('西安', 'marks')), "西安(xī'ān)");
  });

  it('removes exactly what it inserted, whatever parentheses the text had', () => {
    const texts = [
      fixture('mixed.txt'),
      '中国(China)和日本（Japan）',
      '中国(zhongguo)已经注音',
      '西安(xī\'ān)（古称长安）',
      '括号(在前)与（全角）',
      '(开头)中(间)尾(',
      '𠮷(jí)字',
      '',
    ];
    for (const text of texts) {
      for (const style of ['marks', 'numbers', 'none', 'zhuyin'] as const) {
        const annotated = applyEdits(text, annotatePinyin(text, style));
        assert.equal(applyEdits(annotated, removePinyinAnnotations(annotated)), text, `${style}: ${text.slice(0, 20)}`);
      }
    }
  });

  it('round-trips random text full of parentheses', () => {
    const alphabet = [...'中文汉字行长了(（)）a1 ǎ\n𠮷、xī\'ān'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      let text = '';
      const len = Math.floor(next() * 30);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      for (const style of ['marks', 'zhuyin'] as const) {
        const annotated = applyEdits(text, annotatePinyin(text, style));
        assert.equal(applyEdits(annotated, removePinyinAnnotations(annotated)), text, JSON.stringify(text));
      }
    }
  });

  it('leaves a text without annotations alone', () => {
    assert.deepEqual(removePinyinAnnotations('中国（China）和(1)'), []);
  });
});

describe('pinyin: glosses', () => {
  it('glosses common words from CC-CEDICT, Traditional through Simplified, the reading in context first', () => {
    assert.match(glossesOf('发展')[0]!.gloss, /develop/);
    assert.match(glossesOf('發展')[0]!.gloss, /develop/);
    const hang = glossesOf('行', ['hang2']);
    assert.deepEqual(hang[0]!.readings, ['hang2']);
    assert.match(hang[0]!.gloss, /row|line/);
    assert.deepEqual(glossesOf('不是一个词的东西'), []);
    assert.equal(isGlossLoaded(), true);
  });
});

describe('pinyin edge cases found by property tests', () => {
  it('reads a compatibility ideograph as its unified form (U+2F83D is 吸)', () => {
    assert.deepEqual(readingsOf('\u{2F83D}着'), ['xi1', 'zhuo2']);
  });

  it('removes an annotation whose unknown reading runs into the next syllable', () => {
    const text = '\u{2FA1D}着';
    const annotated = applyEdits(text, annotatePinyin(text, 'marks'));
    assert.equal(applyEdits(annotated, removePinyinAnnotations(annotated)), text);
  });
});
