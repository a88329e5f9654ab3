/** Core checks for the Web Worker run, one per capability beyond conversion: the browser bundle must do them all. */
import { detectBoilerplate } from '../../src/core/boilerplate';
import { annotatePinyin, glossesOf, readingsOf, removePinyinAnnotations, wordAt } from '../../src/core/pinyin';
import { findSlogans } from '../../src/core/slogans';
import { applyEdits } from '../../src/core/text';

function equal(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const PAGE = [
  '深入實施“八八戰略”',
  '',
  '來源 :       作者 :      時間 : 2023-02-16    點擊數:104  打印',
  '',
  '省委召開全省深入實施“八八戰略”大會，要求幹在實處、走在前列、勇立潮頭，以“兩個先行”打造“重要窗口”，實施“一号發展工程”。',
  '會議強調，要深入實施“八八戰略”，推動創新深化、改革攻堅、開放提升，負責人參加會議。',
  '',
  '聯系我們',
  '地址:浙江省嘉興市南湖區廣穹路899号',
  'Copyright © 版權所有 浙ICP備12033620号-2',
].join('\n');

export const WEB_CHECKS: Array<[string, () => void]> = [
  ['pinyin: readings in context, Traditional read from its own forms', () => {
    equal(readingsOf('幹在實處'), ['gan4', 'zai4', 'shi2', 'chu4']);
    equal(readingsOf('負責人參加'), ['fu4', 'ze2', 'ren2', 'can1', 'jia1']);
    equal(wordAt('我们重要的发展', 3)?.word, '重要');
  }],
  ['pinyin: annotate and remove round-trip; CC-CEDICT gloss', () => {
    const text = '漢字(古文)與“重要”';
    equal(applyEdits(applyEdits(text, annotatePinyin(text, 'marks')), removePinyinAnnotations(applyEdits(text, annotatePinyin(text, 'marks')))), text);
    if (!glossesOf('汉字').length) throw new Error('no gloss for 汉字');
  }],
  ['slogans: known and discovered, in mixed script, with the lexicon fetched', () => {
    const slogans = findSlogans(PAGE);
    equal(slogans.find((s) => s.phrase === '八八战略')?.count, 3);
    if (!slogans.some((s) => s.phrase === '一号发展工程')) throw new Error('一号發展工程 (with a Simplified 号) not found');
  }],
  ['boilerplate: header and footer found, article kept', () => {
    const { blocks } = detectBoilerplate(PAGE);
    const lines = PAGE.split('\n');
    const boiler = new Set(blocks.flatMap((b) => Array.from({ length: b.end - b.start + 1 }, (_, i) => b.start + i)));
    if (!boiler.has(2) || !boiler.has(9)) throw new Error(`header or footer missed: ${JSON.stringify(blocks)}`);
    if (boiler.has(4) || boiler.has(5)) throw new Error(`article hidden: ${JSON.stringify(blocks)} ${lines[4]}`);
  }],
];
