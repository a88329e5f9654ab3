import { parseArgs } from 'node:util';
import { countScripts, findMinorityCharacters, type DominantScript } from '../core/script';
import { ENCODING_OPTION, openInput, UsageError, withRereadableInput, writeOutput } from './io';

export const scriptUsage = 'script [--json] [--encoding ENC] [FILE]         count Traditional-only and Simplified-only characters; list the minority ones';

export async function runScript(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, ...ENCODING_OPTION }, allowPositionals: true });
  if (positionals.length > 1) throw new UsageError('script: give at most one FILE');
  // Two passes over the input in pieces: the counts of the whole text decide which script is the minority,
  // then each piece lists its minority characters at offsets counted from the start of the text (UTF-16 code
  // units without the byte order mark, as VS Code reports them).
  await withRereadableInput(positionals[0], async (file, name) => {
    const input = await openInput(file, values.encoding, name);
    let traditional = 0;
    let simplified = 0;
    for await (const piece of input.pieces()) {
      const c = countScripts(piece);
      traditional += c.traditional;
      simplified += c.simplified;
    }
    const dominant: DominantScript = traditional > simplified ? 'traditional' : simplified > traditional ? 'simplified' : 'neutral';
    const counts = { traditional, simplified, dominant };
    const total = traditional + simplified;
    const pct = (n: number): string => (total ? `${Math.round((100 * n) / total)}%` : '–');
    if (values.json) writeOutput(`{"traditional":${traditional},"simplified":${simplified},"dominant":${JSON.stringify(dominant)},"minority":[`);
    else writeOutput([`traditional-only characters: ${traditional} (${pct(traditional)})`, `simplified-only characters:  ${simplified} (${pct(simplified)})`, `dominant script: ${dominant}`, ''].join('\n'));
    let base = 0;
    let first = true;
    if (dominant !== 'neutral') {
      for await (const piece of input.pieces()) {
        const minority = findMinorityCharacters(piece, counts);
        const out = values.json
          ? minority.map((m) => (first ? ((first = false), '') : ',') + JSON.stringify({ offset: base + m.offset, char: m.char, counterpart: m.counterpart })).join('')
          : minority.map((m) => `  offset ${base + m.offset}: ${m.char} → ${m.counterpart}\n`).join('');
        if (out) writeOutput(out);
        base += piece.length;
      }
    }
    if (values.json) writeOutput(']}\n');
  });
}
