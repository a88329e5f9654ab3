/**
 * A short Simplified text (a word) in OpenCC standard Traditional, for the hover's counterpart.
 */
import { loadVendor } from './data';

let s2tCharacters: Map<string, string> | undefined;
const s2tPhrases = new Map<string, Map<string, string>>();
let s2tPhraseLines: Map<string, string> | undefined;

/**
 * A short Simplified text (a word) in OpenCC standard Traditional: OpenCC's phrases longest first, else each
 * character's usual form, as OpenCC's s2t does, from tables in the reading data. Building OpenCC's own s2t
 * converter takes 80 ms or more, too much for a first hover.
 */
export function simplifiedToTraditional(text: string): string {
  const v = loadVendor();
  if (!s2tCharacters) {
    s2tCharacters = new Map();
    const pairs = [...v.S2T_CHARACTERS];
    for (let i = 0; i + 1 < pairs.length; i += 2) s2tCharacters.set(pairs[i]!, pairs[i + 1]!);
    s2tPhraseLines = new Map();
    for (const line of v.S2T_PHRASES.split('\n')) {
      const first = String.fromCodePoint(line.codePointAt(0)!);
      s2tPhraseLines.set(first, line.slice(first.length));
    }
  }
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const phrases = phrasesStartingWith(chars[i]!);
    let matched = false;
    if (phrases) {
      for (let len = Math.min(8, chars.length - i); len >= 2 && !matched; len--) {
        const target = phrases.get(chars.slice(i + 1, i + len).join(''));
        if (target) {
          out += target;
          i += len;
          matched = true;
        }
      }
    }
    if (!matched) {
      out += s2tCharacters.get(chars[i]!) ?? chars[i]!;
      i++;
    }
  }
  return out;
}

function phrasesStartingWith(first: string): Map<string, string> | undefined {
  let phrases = s2tPhrases.get(first);
  if (phrases) return phrases;
  const line = s2tPhraseLines?.get(first);
  if (line === undefined) return undefined;
  phrases = new Map();
  for (const entry of line.split('\u001e')) {
    const [rest = '', target = ''] = entry.split('\u001f');
    phrases.set(rest, target);
  }
  s2tPhrases.set(first, phrases);
  return phrases;
}
