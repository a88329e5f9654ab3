/**
 * Context rules for a polyphonic character that no lexicon word covers: general facts of usage (只 after a
 * numeral is the classifier zhī, …), the hand-written prior that the trained model (model.ts) refines.
 */

export const NUMERALS = new Set([...'一二三四五六七八九十百千万两几每这那多半某各单数好0123456789０１２３４５６７８９']);
/** Characters that mostly spell foreign names, for the transliteration readings of a few polyphones. */
const TRANSLITERATION = new Set([...'斯尔克特亚阿拉德伊里罗诺布尼纳维利塔卡科蒂西奥埃达格乌莫托丹基萨马哈巴普兰赫弗夫佩洛勒茨兹索吉贝迪曼森娜莉丝娅安姆图雷瓦·']);
const TRANSLITERATION_READINGS: Readonly<Record<string, string>> = {
  塞: 'sai4', 什: 'shi2', 伯: 'bo2', 柏: 'bo2', 莎: 'sha1', 茜: 'xi1', 耶: 'ye1', 缪: 'miu4', 艮: 'gen4', 喀: 'ka1', 佛: 'fo2', 朴: 'pu3', 扎: 'za1',
};
const TROOPS = new Set([...'部军兵师众队舰机骑团']);
const DEGREE = new Set([...'很非较太更最挺真好多十极不']);

function isTransliterationContext(chars: readonly string[], i: number): boolean {
  let near = 0;
  for (const j of [i - 2, i - 1, i + 1, i + 2]) if (TRANSLITERATION.has(chars[j] ?? '')) near++;
  return near >= 2 && (TRANSLITERATION.has(chars[i - 1] ?? '') || TRANSLITERATION.has(chars[i + 1] ?? ''));
}

/**
 * The reading of a polyphonic character that no word covers, from its neighbours in the run (Simplified).
 * Each rule is a general fact of usage, not a fix for one sentence.
 */
export function contextReading(chars: readonly string[], i: number, before: string): string | undefined {
  const c = chars[i]!;
  const prev = chars[i - 1] ?? before;
  const next = chars[i + 1] ?? '';
  const tr = TRANSLITERATION_READINGS[c];
  if (tr && isTransliterationContext(chars, i)) return tr;
  switch (c) {
    case '干': // alone, the verb gàn (实干, 干了三年); the adjective gān lives in compounds (干净, 饼干)
      return 'gan4';
    case '只': // the classifier follows a numeral or demonstrative; otherwise "only"
      return NUMERALS.has(prev) ? 'zhi1' : 'zhi3';
    case '儿': // after a syllable and in no word of its own (儿子, 女儿 are words), the erhua suffix: 哪儿 nǎr
      return i > 0 ? 'r5' : undefined;
    case '什': // shén lives only in 什么, a word of its own; alone 什 is shí (什锦, names)
      return next === '么' || next === '麼' ? 'shen2' : 'shi2';
    case '为': // the copula 为 wéi (改为, 均为); wèi "for" opens its clause or precedes 了/何
      return (i === 0 && !/[\p{L}\p{N}]/u.test(before)) || next === '了' || next === '何' ? 'wei4' : 'wei2';
    case '量': // alone after a noun, the quantity 量 liàng (计算量); the verb liáng opens its phrase
      return i === 0 && !/[\p{L}\p{N}]/u.test(before) && next ? 'liang2' : 'liang4';
    case '率': // "lead" shuài before the troops led (率部, 率新四军); the rate lǜ ends a word
      for (let j = i + 1; j <= i + 4 && j < chars.length; j++) if (TROOPS.has(chars[j]!)) return 'shuai4';
      return next ? undefined : 'lv4';
    case '应': // alone before a verb, the modal yīng "should"; yìng lives in words (答应, 应对, 反应)
      return next ? 'ying1' : undefined;
    case '弄': // a numbered lane (武康路40弄) is lòng
      return /[0-9０-９]$/.test(prev) ? 'long4' : undefined;
    case '得': // the complement marker before a degree word (死得较为突然, 跑得很快)
      return DEGREE.has(next) ? 'de5' : undefined;
    case '将': // the future/disposal marker jiāng never ends a clause; the general jiàng may
      return next ? undefined : 'jiang4';
    case '藏': // Tibet: 驻藏, 入藏, 藏军
      return '驻入进援治'.includes(prev) || '军巴兵区'.includes(next) ? 'zang4' : undefined;
  }
  return undefined;
}

