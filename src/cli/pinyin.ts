import { parseArgs } from 'node:util';
import { annotatePinyin, baseOf, readingsOf, toMarks, toZhuyin, type PinyinStyle } from '../core/pinyin';
import { applyEdits, splitLines } from '../core/text';
import { readInput, UsageError, writeOutput } from './io';

export const pinyinUsage = 'pinyin [--tone marks|num|none] [--jsonl] [FILE]   read Chinese in context: annotate 漢字(hànzì), or per-character readings as JSON lines';

const TONES: Record<string, { style: PinyinStyle; format: (reading: string) => string }> = {
  marks: { style: 'marks', format: toMarks },
  num: { style: 'numbers', format: (r) => r },
  none: { style: 'none', format: baseOf },
  zhuyin: { style: 'zhuyin', format: toZhuyin },
};

export function runPinyin(argv: string[]): void {
  const { values, positionals } = parseArgs({ args: argv, options: { tone: { type: 'string', short: 't' }, jsonl: { type: 'boolean' } }, allowPositionals: true });
  const tone = TONES[values.tone ?? 'marks'];
  if (!tone) throw new UsageError(`pinyin: unknown --tone "${values.tone}"; use marks, num or none`);
  if (positionals.length > 1) throw new UsageError('pinyin: give at most one FILE');
  const text = readInput(positionals[0]);
  if (!values.jsonl) {
    writeOutput(applyEdits(text, annotatePinyin(text, tone.style)));
    return;
  }
  // One output line per input line; a final line break ends the last line rather than starting an empty one.
  const lines = splitLines(text);
  if (lines.length > 0 && lines[lines.length - 1] === '' && text.endsWith('\n')) lines.pop();
  if (text === '') lines.length = 0;
  const out: string[] = [];
  for (const line of lines) out.push(JSON.stringify(readingsOf(line).map((r) => (r === null ? null : tone.format(r)))));
  writeOutput(out.length ? out.join('\n') + '\n' : '');
}
