// Entry of dist/vendor/pinyin.js: pinyin-pro (readings of characters with one reading) and zhdoc's reading data
// (polyphonic characters and the words that decide them), loaded together on the first pinyin request.
export { pinyin } from 'pinyin-pro';
export { POLYPHONE_LINES, WORD_LINES } from '../core/generated/pinyinData';
