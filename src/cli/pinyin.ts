import { parseArgs } from 'node:util';
import { annotatePinyin, baseOf, readingsOf, sandhiWords, TONE_SANDHI_MODES, toMarks, toZhuyin, wordsIn, type PinyinStyle, type ToneSandhi } from '../core/pinyin';
import { applyEdits, splitLines } from '../core/text';
import { readInput, UsageError, writeOutput } from './io';

export const pinyinUsage = 'pinyin [--tone marks|num|none] [--sandhi off|yiBu|full] [--jsonl] [FILE]   read Chinese in context: annotate 漢字(hànzì), or per-character readings as JSON lines';

const TONES: Record<string, { style: PinyinStyle; format: (reading: string) => string }> = {
  marks: { style: 'marks', format: toMarks },
  num: { style: 'numbers', format: (r) => r },
  none: { style: 'none', format: baseOf },
  zhuyin: { style: 'zhuyin', format: toZhuyin },
};

export function runPinyin(argv: string[]): void {
  const { values, positionals } = parseArgs({ args: argv, options: { tone: { type: 'string', short: 't' }, jsonl: { type: 'boolean' }, sandhi: { type: 'string' } }, allowPositionals: true });
  const tone = TONES[values.tone ?? 'marks'];
  if (!tone) throw new UsageError(`pinyin: unknown --tone "${values.tone}"; use marks, num or none`);
  const sandhi = (values.sandhi ?? 'off') as ToneSandhi;
  if (!TONE_SANDHI_MODES.includes(sandhi)) throw new UsageError(`pinyin: unknown --sandhi "${values.sandhi}"; use off, yiBu or full`);
  if (positionals.length > 1) throw new UsageError('pinyin: give at most one FILE');
  const text = readInput(positionals[0]);
  if (!values.jsonl) {
    writeOutput(applyEdits(text, annotatePinyin(text, tone.style, 0, text.length, sandhi)));
    return;
  }
  // One output line per input line; a final line break ends the last line rather than starting an empty one.
  const lines = splitLines(text);
  if (lines.length > 0 && lines[lines.length - 1] === '' && text.endsWith('\n')) lines.pop();
  if (text === '') lines.length = 0;
  const out: string[] = [];
  for (const line of lines) out.push(JSON.stringify(lineReadings(line, sandhi).map((r) => (r === null ? null : tone.format(r)))));
  writeOutput(out.length ? out.join('\n') + '\n' : '');
}

/** One reading per code point of the line, with sandhi when asked. */
function lineReadings(line: string, sandhi: ToneSandhi): Array<string | null> {
  const readings = readingsOf(line);
  if (sandhi === 'off') return readings;
  const byOffset = new Map<number, string | null>();
  for (const w of sandhiWords(wordsIn(line), sandhi)) {
    let k = w.start;
    for (const r of w.readings) {
      byOffset.set(k, r);
      k += line.codePointAt(k)! > 0xffff ? 2 : 1;
    }
  }
  let offset = 0;
  return readings.map((r) => {
    const at = offset;
    offset += line.codePointAt(offset)! > 0xffff ? 2 : 1;
    return byOffset.has(at) ? byOffset.get(at)! : r;
  });
}
