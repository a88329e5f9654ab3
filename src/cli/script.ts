import { parseArgs } from 'node:util';
import { countScripts, findMinorityCharacters } from '../core/script';
import { readInput, UsageError, writeOutput } from './io';

export const scriptUsage = 'script [--json] [FILE]         count Traditional-only and Simplified-only characters; list the minority ones';

export function runScript(argv: string[]): void {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length > 1) throw new UsageError('script: give at most one FILE');
  const text = readInput(positionals[0]);
  const counts = countScripts(text);
  const minority = findMinorityCharacters(text, counts);
  if (values.json) {
    const report = {
      traditional: counts.traditional,
      simplified: counts.simplified,
      dominant: counts.dominant,
      minority: minority.map((m) => ({ offset: m.offset, char: m.char, counterpart: m.counterpart })),
    };
    writeOutput(JSON.stringify(report) + '\n');
    return;
  }
  const total = counts.traditional + counts.simplified;
  const pct = (n: number): string => (total ? `${Math.round((100 * n) / total)}%` : '–');
  const lines = [
    `traditional-only characters: ${counts.traditional} (${pct(counts.traditional)})`,
    `simplified-only characters:  ${counts.simplified} (${pct(counts.simplified)})`,
    `dominant script: ${counts.dominant}`,
    ...minority.map((m) => `  offset ${m.offset}: ${m.char} → ${m.counterpart}`),
  ];
  writeOutput(lines.join('\n') + '\n');
}
