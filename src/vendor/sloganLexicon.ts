// Entry of dist/vendor/sloganLexicon.js: the built-in slogan lexicon (data/slogans/lexicon.json), parsed only
// when slogans are first marked.
import lexicon from '../../data/slogans/lexicon.json';

export const entries = lexicon.entries;
