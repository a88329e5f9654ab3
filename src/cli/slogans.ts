import { parseArgs } from 'node:util';
import { detectBoilerplate } from '../core/boilerplate';
import { settingsWith, toCoreOptions } from '../core/settings';
import { findSlogans, formatSlogansCsv, lineBlocksToRanges, SLOGAN_DEFAULTS, toCliRecords } from '../core/slogans';
import { readInput, UsageError, writeOutput } from './io';

export const slogansUsage =
  'slogans [--json|--csv] [--min-count N] [--known-only] [--keep-boilerplate] [FILE]\n' +
  '                                 list repeated political slogans, known (lexicon) and discovered, with counts';

export function runSlogans(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      'min-count': { type: 'string' },
      'known-only': { type: 'boolean' },
      'keep-boilerplate': { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new UsageError('slogans: give at most one FILE');
  if (values.json && values.csv) throw new UsageError('slogans: give --json or --csv, not both');
  let minCount: number = SLOGAN_DEFAULTS.minCount;
  if (values['min-count'] !== undefined) {
    minCount = Number(values['min-count']);
    if (!Number.isInteger(minCount) || minCount < 1) throw new UsageError('slogans: --min-count must be a whole number of at least 1');
  }
  // The editor's settings with the flags' values: the same settings → options path as the editor's.
  const options = toCoreOptions(settingsWith({ 'slogans.discover': !values['known-only'], 'slogans.excludeBoilerplate': !values['keep-boilerplate'] }));
  const text = readInput(positionals[0]);
  // Boilerplate lines (menus, headers, footers) never count: the editor excludes them the same way.
  const excludedRanges = options.excludeBoilerplate ? lineBlocksToRanges(text, detectBoilerplate(text, options.boilerplate).blocks) : [];
  const slogans = findSlogans(text, {
    ...options.slogans,
    minCount,
    // --min-count also raises the discovery thresholds, so a discovered phrase is never listed below it.
    minDiscoveredCount: Math.max(options.slogans.minDiscoveredCount ?? SLOGAN_DEFAULTS.minDiscoveredCount, minCount),
    minRepeatCount: Math.max(options.slogans.minRepeatCount ?? SLOGAN_DEFAULTS.minRepeatCount, minCount),
    excludedRanges,
  });
  if (values.json) {
    writeOutput(JSON.stringify(toCliRecords(slogans)) + '\n');
    return;
  }
  if (values.csv) {
    writeOutput(formatSlogansCsv(slogans, text));
    return;
  }
  const lines = slogans.map((s) => {
    const about = s.kind === 'known' ? [s.category, s.year].filter((x) => x !== null).join(', ') : `discovered (${s.method})`;
    return `${String(s.count).padStart(5)}  ${s.phrase}  ${about}`;
  });
  writeOutput(lines.length > 0 ? lines.join('\n') + '\n' : '');
}
