import { parseArgs } from 'node:util';
import { analyzeBoilerplate, BOILERPLATE_SENSITIVITIES, detectBoilerplate, mainText, type BoilerplateSensitivity } from '../core/boilerplate';
import { splitLines } from '../core/text';
import { compileUserCues } from '../core/boilerplateCues';
import { settingsWith, toCoreOptions } from '../core/settings';
import { readInput, UsageError, writeOutput } from './io';

export const boilerplateUsage =
  'boilerplate [--json|--explain] [--sensitivity conservative|balanced|aggressive] [--cue TEXT]... [FILE]\n' +
  '                                 print the main text without web boilerplate (--json: the boilerplate blocks)';

export function runBoilerplate(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      explain: { type: 'boolean' },
      sensitivity: { type: 'string' },
      cue: { type: 'string', multiple: true },
    },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new UsageError('boilerplate: give at most one FILE');
  if (values.json && values.explain) throw new UsageError('boilerplate: give --json or --explain, not both');
  const sensitivity = values.sensitivity ?? 'conservative';
  if (!(BOILERPLATE_SENSITIVITIES as readonly string[]).includes(sensitivity)) {
    throw new UsageError(`boilerplate: --sensitivity must be one of ${BOILERPLATE_SENSITIVITIES.join(', ')}`);
  }
  // The editor's settings with the flags' values, turned into options the way the editor does.
  const options = toCoreOptions(settingsWith({ 'boilerplate.sensitivity': sensitivity as BoilerplateSensitivity, 'boilerplate.extraCues': values.cue ?? [] })).boilerplate;
  const text = readInput(positionals[0]);
  const compiled = compileUserCues(options.extraCues ?? []);
  compiled.ignored.forEach((cue, k) => {
    process.stderr.write(`zhdoc: boilerplate: ignored cue ${JSON.stringify(cue)} (${compiled.reasons?.[k] ?? 'empty, invalid, or matching every line'})\n`);
  });
  if (values.explain) {
    const analysis = analyzeBoilerplate(text, options);
    const lines = splitLines(text);
    const out = analysis.lineClasses.map((c, i) => {
      const mark = c.kind === 'boilerplate' ? 'B' : c.kind === 'content' ? 'C' : ' ';
      const why = `${c.intrinsic} ${c.evidence}${c.reason ? ' ' + c.reason : ''}`;
      return `${String(i).padStart(5)} ${mark} ${why.padEnd(22)} ${lines[i]}`;
    });
    writeOutput(out.join('\n') + '\n');
    return;
  }
  const result = detectBoilerplate(text, options);
  if (values.json) {
    writeOutput(JSON.stringify({ lines: result.lines, blocks: result.blocks.map((b) => ({ start: b.start, end: b.end, reason: b.reason })) }) + '\n');
    return;
  }
  const main = mainText(text, result);
  writeOutput(main.length > 0 && !main.endsWith('\n') ? main + '\n' : main);
}
