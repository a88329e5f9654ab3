// Entry of dist/vendor/cedict.js: CC-CEDICT glosses (CC BY-SA 4.0), loaded on the first gloss request only.
export { GLOSS_LINES } from '../core/generated/cedictGlosses';
