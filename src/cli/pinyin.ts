import { parseArgs } from 'node:util';
import { annotatePinyin, baseOf, readingsOf, toMarks, toZhuyin, wordsIn, type PinyinStyle } from '../core/pinyin';
import { applyEdits, isHanCodePoint } from '../core/text';
import { codePointCut, cutAfterSpaceOrPunctuation, ENCODING_OPTION, openInput, UsageError, writeBom, writeOutput, type CutRule } from './io';

export const pinyinUsage = 'pinyin [--tone marks|num|none|zhuyin] [--jsonl] [--encoding ENC] [FILE]   read Chinese in context: annotate 漢字(hànzì), or per-character readings as JSON lines';

const TONES: Record<string, { style: PinyinStyle; format: (reading: string) => string }> = {
  marks: { style: 'marks', format: toMarks },
  num: { style: 'numbers', format: (r) => r },
  none: { style: 'none', format: baseOf },
  zhuyin: { style: 'zhuyin', format: toZhuyin },
};

/**
 * Longest piece pinyin reads at once. Reading keeps a reading, a word and an annotation per character (some
 * hundred bytes each), so the default 512K pieces of one unbroken Han run outgrow the streaming heap; 64K keeps a
 * piece's working set near 20 MB, and cuts still fall between words.
 */
const PINYIN_PIECE_CHARS = 64 * 1024;

/** Code units at the end of a cut piece inside which a word boundary is looked for: words are far shorter. */
const WORD_CUT_TAIL = 4096;

/**
 * Cuts a piece that has no line break where no word is split: after punctuation or a space when there is one,
 * else, in one long run of Han characters, at a word boundary well before the end (read with context after it).
 */
const cutBetweenWords: CutRule = (text) => {
  const at = cutAfterSpaceOrPunctuation(text);
  const cp = text.codePointAt(at - 1);
  if (at < text.length || cp === undefined || !isHanCodePoint(cp)) return at;
  const from = codePointCut(text, text.length - WORD_CUT_TAIL);
  const words = wordsIn(text, from, text.length);
  const limit = text.length - WORD_CUT_TAIL / 2;
  let cut = at;
  for (const w of words) if (w.start > from && w.start <= limit) cut = w.start;
  return cut;
};

export async function runPinyin(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { tone: { type: 'string', short: 't' }, jsonl: { type: 'boolean' }, ...ENCODING_OPTION }, allowPositionals: true });
  const tone = TONES[values.tone ?? 'marks'];
  if (!tone) throw new UsageError(`pinyin: unknown --tone "${values.tone}"; use marks, num, none or zhuyin`);
  if (positionals.length > 1) throw new UsageError('pinyin: give at most one FILE');
  const input = await openInput(positionals[0], values.encoding);
  if (!values.jsonl) {
    if (input.bom) writeBom();
    // Pieces end at line breaks (a word never spans one) or between words: each reads as in the whole text.
    for await (const piece of input.pieces(cutBetweenWords, PINYIN_PIECE_CHARS)) writeOutput(applyEdits(piece, annotatePinyin(piece, tone.style)));
    return;
  }
  // One JSON array per input line, written as the line's pieces arrive (a line may be longer than a piece); a
  // final line break ends the last line rather than starting an empty one.
  let open = false;
  let hasItems = false;
  const format = (r: string | null): string => JSON.stringify(r === null ? null : tone.format(r));
  for await (const piece of input.pieces(cutBetweenWords, PINYIN_PIECE_CHARS)) {
    const lines = piece.split('\n');
    lines.forEach((raw, k) => {
      const last = k === lines.length - 1;
      if (last && raw === '') return;
      const line = !last && raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      let out = '';
      if (!open) {
        out += '[';
        open = true;
        hasItems = false;
      }
      const items = readingsOf(line).map(format);
      if (items.length) {
        out += (hasItems ? ',' : '') + items.join(',');
        hasItems = true;
      }
      if (!last) {
        out += ']\n';
        open = false;
      }
      writeOutput(out);
    });
  }
  if (open) writeOutput(']\n');
}
