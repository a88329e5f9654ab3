/**
 * The one path from the CLI's slogan flags to findSlogans, shared by `zhdoc slogans` and `zhdoc scan` (and its
 * workers), so a scan row lists exactly what `zhdoc slogans --json` prints for the same text and flags.
 */
import { detectBoilerplate, type BoilerplateResult } from '../boilerplate';
import { settingsWith, toCoreOptions } from '../settings';
import { findSlogans, lineBlocksToRanges, SLOGAN_DEFAULTS, type Slogan, type SloganOptions } from '../slogans';

export interface CliSloganFlags {
  /** --min-count (default SLOGAN_DEFAULTS.minCount). */
  readonly minCount?: number;
  /** --known-only: no discovery. */
  readonly knownOnly?: boolean;
  /** --keep-boilerplate: boilerplate lines count too. */
  readonly keepBoilerplate?: boolean;
}

export function cliSloganOptions(text: string, flags: CliSloganFlags, boilerplate: BoilerplateResult = detectBoilerplate(text)): SloganOptions {
  // The editor's settings with the flags' values: the same settings → options path as the editor's.
  const options = toCoreOptions(settingsWith({ 'slogans.discover': !flags.knownOnly, 'slogans.excludeBoilerplate': !flags.keepBoilerplate }));
  const minCount = flags.minCount ?? SLOGAN_DEFAULTS.minCount;
  return {
    ...options.slogans,
    minCount,
    // --min-count also raises the discovery thresholds, so a discovered phrase is never listed below it.
    minDiscoveredCount: Math.max(options.slogans.minDiscoveredCount ?? SLOGAN_DEFAULTS.minDiscoveredCount, minCount),
    minRepeatCount: Math.max(options.slogans.minRepeatCount ?? SLOGAN_DEFAULTS.minRepeatCount, minCount),
    // Boilerplate lines (menus, headers, footers) never count: the editor excludes them the same way.
    excludedRanges: options.excludeBoilerplate ? lineBlocksToRanges(text, boilerplate.blocks) : [],
  };
}

/** The slogans `zhdoc slogans` finds in `text` with these flags, and the boilerplate it excluded. */
export function cliSlogans(text: string, flags: CliSloganFlags): { slogans: Slogan[]; boilerplate: BoilerplateResult } {
  const boilerplate = detectBoilerplate(text);
  return { slogans: findSlogans(text, cliSloganOptions(text, flags, boilerplate)), boilerplate };
}
