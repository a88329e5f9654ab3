/** The characters at which Chinese conversion may be cut into independent pieces. */

/**
 * True for a code unit that no OpenCC dictionary key contains (whitespace, line breaks, punctuation other
 * than `-` and `·`, which occur in a few keys such as 伯克希尔-哈撒韦). OpenCC matches longest-first from left
 * to right, so converting the pieces between such characters gives exactly the result of converting the
 * whole text: the text can be processed in chunks and diffed piece by piece. For that to hold, an ideographic
 * description sequence (⿰木木) never takes one as a component either (conversionTrie.ts).
 */
export function isConversionBreak(c: number): boolean {
  if (c < 0x80) {
    return c <= 0x20 || (c >= 0x21 && c <= 0x2f && c !== 0x2d) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
  }
  return (
    (c >= 0x3000 && c <= 0x3003) || // ideographic space 、 。 〃
    (c >= 0x3008 && c <= 0x3011) || // 〈〉《》「」『』【】
    (c >= 0x2018 && c <= 0x201f) || // ‘’“”
    c === 0x2026 || c === 0x2014 || // … —
    (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) // ！（），．／：；？ …
  );
}
