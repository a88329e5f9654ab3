// Entry of dist/vendor/opencc.js: the parts of opencc-js zhdoc uses, from its ES module build (the CommonJS
// build does not export ConverterBuilder, which builds a converter from a modified locale preset).
export { ConverterBuilder, ConverterFactory, Trie } from 'opencc-js/core';
export * as Locale from 'opencc-js/preset';
