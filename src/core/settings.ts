/**
 * zhdoc's settings as one typed shape, their defaults in one place, and the single translation into core
 * options. The editor (src/vscode/settings.ts reads VS Code's configuration into this shape), Count Slogans in
 * Folder and the CLI (flags override the defaults) all go through toCoreOptions(), so for the same settings
 * they analyse a text the same way. No `vscode` import: the CLI and the analysis worker use it too.
 * test/unit/settings.test.ts keeps package.json's contributes.configuration defaults equal to SETTINGS_DEFAULTS.
 */
import type { BoilerplateOptions, BoilerplateSensitivity } from './boilerplate';
import { BOILERPLATE_SENSITIVITIES } from './boilerplate';
import { TONE_SANDHI_MODES, type ToneSandhi } from './pinyin/sandhi';
import type { SloganEntry, SloganOptions } from './slogans';

export type PinyinStyleSetting = 'marks' | 'numbers' | 'zhuyin';

/** Every zhdoc.* setting, keyed as in package.json without the `zhdoc.` prefix. */
export interface ZhdocSettings {
  readonly 'convert.toTraditional': string;
  readonly 'convert.toSimplified': string;
  readonly 'convert.preserve': readonly string[];
  readonly 'convert.customPhrases': Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly 'convert.extensionCharacters': boolean;
  readonly 'script.statusBar': boolean;
  readonly 'pinyin.style': PinyinStyleSetting;
  readonly 'pinyin.toneColors': boolean;
  readonly 'pinyin.gloss': boolean;
  readonly 'pinyin.hover': boolean;
  readonly 'pinyin.inlayHints': boolean;
  /** `off`: dictionary tones; `yiBu`: 一 and 不 sandhi (一个 yí ge, 不是 bú shì); `all`: also third-tone sandhi (你好 ní hǎo). */
  readonly 'pinyin.toneSandhi': ToneSandhi;
  readonly 'boilerplate.autoFold': boolean;
  readonly 'boilerplate.dim': boolean;
  readonly 'boilerplate.sensitivity': BoilerplateSensitivity;
  readonly 'boilerplate.extraCues': readonly string[];
  readonly 'slogans.enabled': boolean;
  readonly 'slogans.markKnown': boolean;
  readonly 'slogans.discover': boolean;
  readonly 'slogans.minRepeats': number;
  readonly 'slogans.minQuotedRepeats': number;
  /** Raw JSON as the user wrote it: strings or entry objects, validated by the core's readUserSloganEntries. */
  readonly 'slogans.userLexicon': readonly unknown[];
  readonly 'slogans.ignore': readonly string[];
  readonly 'slogans.excludeBoilerplate': boolean;
  readonly 'slogans.lexiconFiles': readonly string[];
}

export type SettingKey = keyof ZhdocSettings;

/** The defaults, the only copy: package.json must say the same (a unit test checks it). */
export const SETTINGS_DEFAULTS: ZhdocSettings = {
  'convert.toTraditional': 's2t',
  'convert.toSimplified': 't2s',
  'convert.preserve': [],
  'convert.customPhrases': {},
  'convert.extensionCharacters': true,
  'script.statusBar': true,
  'pinyin.style': 'marks',
  'pinyin.toneColors': true,
  'pinyin.gloss': true,
  'pinyin.hover': true,
  'pinyin.inlayHints': false,
  'pinyin.toneSandhi': 'off',
  'boilerplate.autoFold': true,
  'boilerplate.dim': true,
  'boilerplate.sensitivity': 'conservative',
  'boilerplate.extraCues': [],
  'slogans.enabled': true,
  'slogans.markKnown': true,
  'slogans.discover': true,
  'slogans.minRepeats': 3,
  'slogans.minQuotedRepeats': 2,
  'slogans.userLexicon': [],
  'slogans.ignore': [],
  'slogans.excludeBoilerplate': true,
  'slogans.lexiconFiles': [],
};

export const SETTING_KEYS = Object.keys(SETTINGS_DEFAULTS) as SettingKey[];

/** The bounds package.json declares for the repeat thresholds: below 2 every phrase would be a "repeat". */
const MIN_REPEATS = 2;
const MAX_REPEATS = 50;

const strings = (value: unknown, fallback: readonly string[]): readonly string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : fallback;
const bool = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => ((allowed as readonly unknown[]).includes(value) ? (value as T) : fallback);
const repeats = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(MAX_REPEATS, Math.max(MIN_REPEATS, Math.round(value))) : fallback;

/**
 * Settings from any source of raw values (VS Code's configuration, CLI flags, tests): a missing or ill-typed
 * value takes the default, so a hand-edited settings.json can never crash an analysis.
 */
export function readSettings(raw: (key: SettingKey) => unknown): ZhdocSettings {
  const d = SETTINGS_DEFAULTS;
  const phrases = raw('convert.customPhrases');
  return {
    'convert.toTraditional': typeof raw('convert.toTraditional') === 'string' ? (raw('convert.toTraditional') as string) : d['convert.toTraditional'],
    'convert.toSimplified': typeof raw('convert.toSimplified') === 'string' ? (raw('convert.toSimplified') as string) : d['convert.toSimplified'],
    'convert.preserve': strings(raw('convert.preserve'), d['convert.preserve']).filter((w) => w.length > 0),
    'convert.customPhrases': phrases && typeof phrases === 'object' && !Array.isArray(phrases) ? (phrases as ZhdocSettings['convert.customPhrases']) : d['convert.customPhrases'],
    'convert.extensionCharacters': bool(raw('convert.extensionCharacters'), d['convert.extensionCharacters']),
    'script.statusBar': bool(raw('script.statusBar'), d['script.statusBar']),
    'pinyin.style': oneOf(raw('pinyin.style'), ['marks', 'numbers', 'zhuyin'] as const, d['pinyin.style']),
    'pinyin.toneColors': bool(raw('pinyin.toneColors'), d['pinyin.toneColors']),
    'pinyin.gloss': bool(raw('pinyin.gloss'), d['pinyin.gloss']),
    'pinyin.hover': bool(raw('pinyin.hover'), d['pinyin.hover']),
    'pinyin.inlayHints': bool(raw('pinyin.inlayHints'), d['pinyin.inlayHints']),
    'pinyin.toneSandhi': oneOf(raw('pinyin.toneSandhi'), TONE_SANDHI_MODES, d['pinyin.toneSandhi']),
    'boilerplate.autoFold': bool(raw('boilerplate.autoFold'), d['boilerplate.autoFold']),
    'boilerplate.dim': bool(raw('boilerplate.dim'), d['boilerplate.dim']),
    'boilerplate.sensitivity': oneOf(raw('boilerplate.sensitivity'), BOILERPLATE_SENSITIVITIES, d['boilerplate.sensitivity']),
    'boilerplate.extraCues': strings(raw('boilerplate.extraCues'), d['boilerplate.extraCues']),
    'slogans.enabled': bool(raw('slogans.enabled'), d['slogans.enabled']),
    'slogans.markKnown': bool(raw('slogans.markKnown'), d['slogans.markKnown']),
    'slogans.discover': bool(raw('slogans.discover'), d['slogans.discover']),
    'slogans.minRepeats': repeats(raw('slogans.minRepeats'), d['slogans.minRepeats']),
    'slogans.minQuotedRepeats': repeats(raw('slogans.minQuotedRepeats'), d['slogans.minQuotedRepeats']),
    'slogans.userLexicon': Array.isArray(raw('slogans.userLexicon')) ? (raw('slogans.userLexicon') as unknown[]) : d['slogans.userLexicon'],
    'slogans.ignore': strings(raw('slogans.ignore'), d['slogans.ignore']),
    'slogans.excludeBoilerplate': bool(raw('slogans.excludeBoilerplate'), d['slogans.excludeBoilerplate']),
    'slogans.lexiconFiles': strings(raw('slogans.lexiconFiles'), d['slogans.lexiconFiles']).filter((p) => p.trim() !== ''),
  };
}

/** Settings with some values replaced (CLI flags, tests); the rest keep their defaults. */
export function settingsWith(overrides: Partial<ZhdocSettings>): ZhdocSettings {
  return { ...SETTINGS_DEFAULTS, ...overrides };
}

/** What the document analysis needs to find boilerplate and slogans exactly as the settings ask. */
export interface AnalysisOptions {
  readonly boilerplate: BoilerplateOptions;
  /** Boilerplate lines never count as slogans (the caller turns the blocks into excludedRanges). */
  readonly excludeBoilerplate: boolean;
  /** Slogan options without excludedRanges, which depend on the text's boilerplate. */
  readonly slogans: Omit<SloganOptions, 'excludedRanges'>;
}

/**
 * The core options for these settings. `userLexicon` is the entries already read (the inline setting
 * validated, then the entries of the lexiconFiles, in that order): reading files is the caller's business.
 */
export function toCoreOptions(settings: ZhdocSettings, userLexicon: readonly SloganEntry[] = []): AnalysisOptions {
  return {
    boilerplate: { sensitivity: settings['boilerplate.sensitivity'], extraCues: settings['boilerplate.extraCues'] },
    excludeBoilerplate: settings['slogans.excludeBoilerplate'],
    slogans: {
      known: settings['slogans.markKnown'],
      discover: settings['slogans.discover'],
      minRepeatCount: settings['slogans.minRepeats'],
      // The setting speaks of quoted phrases, the option of every discovery rule that needs only two sightings
      // (quotes, enumerations, numeral formulae): the same threshold.
      minDiscoveredCount: settings['slogans.minQuotedRepeats'],
      userLexicon,
      ignore: settings['slogans.ignore'],
    },
  };
}
