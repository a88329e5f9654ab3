// Entry of dist/vendor/opencc.js: OpenCC's dictionaries compiled into double-array tries at build time
// (scripts/gen-opencc-tries.mjs), with zhdoc's supplementary phrases and exceptions. opencc-js itself is no
// longer loaded at run time; it stays the reference in tests and benchmarks.
export { ALPHABET, CONFIGS, PINS, TRIES } from '../core/generated/openccTries';
