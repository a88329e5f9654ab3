import { parseArgs } from 'node:util';
import { annotatePinyin, baseOf, toMarks, toZhuyin, wordsIn, type PinyinStyle, type ToneSandhi } from '../core/pinyin';
import { applyEdits, isHanCodePoint } from '../core/text';
import { codePointCut, cutAfterSpaceOrPunctuation, ENCODING_OPTION, openInput, UsageError, writeBom, writeOutput, type CutRule } from './io';

export const pinyinUsage = 'pinyin [--tone marks|num|none|zhuyin] [--sandhi[=yibu|all|off]] [--jsonl] [--encoding ENC] [FILE]   read Chinese in context: annotate 漢字(hànzì), or per-character readings as JSON lines; --sandhi writes 一/不 sandhi (一个 yí ge), --sandhi=all also third-tone sandhi (你好 ní hǎo)';

/** --sandhi values (any case; yi-bu too) → the setting's modes; a bare --sandhi is 一/不 sandhi, what learners ask for. */
const SANDHI: Record<string, ToneSandhi> = { off: 'off', yibu: 'yiBu', 'yi-bu': 'yiBu', all: 'all' };

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
  // A bare --sandhi takes no value: parseArgs has no optional values, so it is spelled out first.
  const args = argv.map((a) => (a === '--sandhi' ? '--sandhi=yibu' : a));
  const { values, positionals } = parseArgs({ args, options: { tone: { type: 'string', short: 't' }, sandhi: { type: 'string' }, jsonl: { type: 'boolean' }, ...ENCODING_OPTION }, allowPositionals: true });
  const tone = TONES[values.tone ?? 'marks'];
  if (!tone) throw new UsageError(`pinyin: unknown --tone "${values.tone}"; use marks, num, none or zhuyin`);
  const sandhi = SANDHI[(values.sandhi ?? 'off').toLowerCase()];
  if (!sandhi) throw new UsageError(`pinyin: unknown --sandhi "${values.sandhi}"; use yibu, all or off`);
  if (positionals.length > 1) throw new UsageError('pinyin: give at most one FILE');
  const input = await openInput(positionals[0], values.encoding);
  if (!values.jsonl) {
    if (input.bom) writeBom();
    // Pieces end at line breaks (a word never spans one) or between words: each reads as in the whole text.
    for await (const piece of input.pieces(cutBetweenWords, PINYIN_PIECE_CHARS)) writeOutput(applyEdits(piece, annotatePinyin(piece, tone.style, 0, piece.length, { sandhi })));
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
      const items = spokenReadings(line, sandhi).map(format);
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

/**
 * The reading of every code point of a line as the annotation writes it (sandhi.ts: the lexicon's neutral tones,
 * erhua as `r5`, the sandhi asked for), null for anything but a Han character.
 */
function spokenReadings(line: string, sandhi: ToneSandhi): Array<string | null> {
  const byOffset = new Map<number, string | null>();
  for (const w of wordsIn(line, 0, line.length, { sandhi })) {
    let at = w.start;
    for (const r of w.spoken) {
      byOffset.set(at, r);
      at += line.codePointAt(at)! > 0xffff ? 2 : 1;
    }
  }
  const out: Array<string | null> = [];
  for (let i = 0; i < line.length; i += line.codePointAt(i)! > 0xffff ? 2 : 1) out.push(byOffset.get(i) ?? null);
  return out;
}
