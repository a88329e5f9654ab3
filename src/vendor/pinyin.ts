// Entry of dist/vendor/pinyin.js: zhdoc's reading data (every character's readings and the words that decide
// the polyphonic ones), loaded on the first pinyin request. pinyin-pro's own readings of single characters are
// baked into it at generation time (scripts/gen-pinyin-data.mjs), which spares its 60 ms first call; and the
// Simplified → Traditional tables the hover's counterpart needs without building OpenCC's s2t converter.
// Also the spoken forms' data (neutral-tone words, 一 as "first", readings in real use: scripts/gen-pinyin-spoken.mjs).
export { POLYPHONE_LINES, S2T_CHARACTERS, S2T_PHRASES, SINGLE_LINES, WORD_LINES } from '../core/generated/pinyinData';
export { NEUTRAL_LINES, READING_LINES, YI_KEPT_WORDS } from '../core/generated/pinyinSpoken';
// The trained polyphone model (npm run train:pinyin, bench/train-pinyin.ts), decoded on the first reading.
export { PINYIN_MODEL, PINYIN_MODEL_LABELS } from '../core/generated/pinyinModel';
// zhdoc's default t2s as a small table (scripts/gen-pinyin-t2s.mjs), so reading Traditional text never loads OpenCC.
export { T2S_CHARACTERS, T2S_MAX_PHRASE, T2S_NORMALIZATION, T2S_PHRASES } from '../core/generated/pinyinT2s';
