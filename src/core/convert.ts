/**
 * Script conversion (OpenCC configs over dictionaries compiled at build time, see opencc.ts) that reports minimal edits instead of a new string,
 * so the editor changes only the characters that differ and keeps folds, markers and the cursor in place.
 */
import { openccConverter } from './opencc';
import { isConversionBreak } from './conversionBreak';
import { applyEdits, isLowSurrogate, type TextEdit } from './text';

export { isConversionBreak };

export const CONVERSION_CONFIG_NAMES = [
  's2t', 't2s', 's2tw', 'tw2s', 's2twp', 'tw2sp', 's2hk', 'hk2s', 's2hkp', 'hk2sp',
  't2tw', 'tw2t', 't2hk', 'hk2t', 't2jp', 'jp2t',
] as const;
export type ConversionConfigName = (typeof CONVERSION_CONFIG_NAMES)[number];

export type TargetScript = 'traditional' | 'simplified' | 'japanese';

export interface ConversionConfig {
  readonly name: ConversionConfigName;
  readonly target: TargetScript;
  /** Short English label, e.g. "Simplified → Traditional (Taiwan, with phrases)". */
  readonly label: string;
  /** One line on when to use it. */
  readonly description: string;
}

export const CONVERSION_CONFIGS: readonly ConversionConfig[] = [
  { name: 's2t', target: 'traditional', label: 'Simplified → Traditional (OpenCC standard)', description: 'Character and phrase conversion to OpenCC standard Traditional forms' },
  { name: 't2s', target: 'simplified', label: 'Traditional → Simplified', description: 'Any Traditional text to Mainland Simplified' },
  { name: 's2tw', target: 'traditional', label: 'Simplified → Traditional (Taiwan)', description: 'Taiwan character forms (台, 裡, 著), vocabulary unchanged' },
  { name: 'tw2s', target: 'simplified', label: 'Traditional (Taiwan) → Simplified', description: 'Taiwan character forms to Simplified, vocabulary unchanged' },
  { name: 's2twp', target: 'traditional', label: 'Simplified → Traditional (Taiwan, with phrases)', description: 'Taiwan forms and mostly IT vocabulary (软件 → 軟體, 鼠标 → 滑鼠); zhdoc skips entries that change meaning (进程, 文件) and never rewrites known formulae' },
  { name: 'tw2sp', target: 'simplified', label: 'Traditional (Taiwan, with phrases) → Simplified', description: 'Taiwan IT vocabulary back to Mainland (軟體 → 软件); zhdoc skips entries that change meaning (核心, 資料, 建立) and never rewrites known formulae' },
  { name: 's2hk', target: 'traditional', label: 'Simplified → Traditional (Hong Kong)', description: 'Hong Kong character forms (着, 綫, 衞), vocabulary unchanged' },
  { name: 'hk2s', target: 'simplified', label: 'Traditional (Hong Kong) → Simplified', description: 'Hong Kong character forms to Simplified' },
  { name: 's2hkp', target: 'traditional', label: 'Simplified → Traditional (Hong Kong, with phrases)', description: 'Hong Kong forms and vocabulary (small phrase list)' },
  { name: 'hk2sp', target: 'simplified', label: 'Traditional (Hong Kong, with phrases) → Simplified', description: 'Hong Kong vocabulary back to Mainland (small phrase list)' },
  { name: 't2tw', target: 'traditional', label: 'Traditional → Taiwan standard', description: 'OpenCC standard Traditional to Taiwan character forms' },
  { name: 'tw2t', target: 'traditional', label: 'Taiwan standard → Traditional', description: 'Taiwan character forms to OpenCC standard Traditional' },
  { name: 't2hk', target: 'traditional', label: 'Traditional → Hong Kong standard', description: 'OpenCC standard Traditional to Hong Kong character forms' },
  { name: 'hk2t', target: 'traditional', label: 'Hong Kong standard → Traditional', description: 'Hong Kong character forms to OpenCC standard Traditional' },
  { name: 't2jp', target: 'japanese', label: 'Traditional → Japanese Shinjitai', description: 'Traditional (Kyūjitai) forms to Japanese Shinjitai: 舊字體 → 旧字体' },
  { name: 'jp2t', target: 'traditional', label: 'Japanese Shinjitai → Traditional', description: 'Japanese Shinjitai to Traditional forms (experimental in OpenCC)' },
];

export function isConversionConfigName(name: string): name is ConversionConfigName {
  return (CONVERSION_CONFIG_NAMES as readonly string[]).includes(name);
}

export function conversionConfig(name: ConversionConfigName): ConversionConfig {
  return CONVERSION_CONFIGS.find((c) => c.name === name)!;
}

export interface ConversionOptions {
  /** Words left exactly as written (a user who writes 台 or 裡 on purpose). */
  readonly preserve?: readonly string[];
  /** The user's own phrases, source → replacement, which win over the dictionaries. */
  readonly customPhrases?: Readonly<Record<string, string>>;
  /** Use OpenCC's rare extension characters in conversions to Simplified (default true, as upstream OpenCC). */
  readonly extensionCharacters?: boolean;
  /**
   * zhdoc's layers over OpenCC's dictionaries (default true): supplementary phrases for official vocabulary
   * OpenCC gets wrong (好干部 → 好幹部), Taiwan phrase-table entries left out where their IT sense rewrites
   * meaning (核心 ↛ 内核), formula terms of the slogan lexicon never rewritten by phrase configs. false gives
   * exactly OpenCC's (opencc-js's) result.
   */
  readonly layers?: boolean;
}

export interface ScriptConverter {
  readonly config: ConversionConfigName;
  /** The converted text. Only Han characters and dictionary phrases change; line breaks never do. */
  convert(text: string): string;
  /**
   * Minimal edits, in `text`'s offsets and sorted, that turn `text.slice(start, end)` into its conversion.
   * `start` and `end` should lie on chunk boundaries (see `conversionChunks`) for the result to equal
   * converting the whole text.
   */
  edits(text: string, start?: number, end?: number): TextEdit[];
}

/**
 * Splits [start, end) into pieces of roughly `size` code units that end just after a conversion break
 * (a line break where one is near), for progress reporting and cancellation on large documents.
 */
export function conversionChunks(text: string, size = 256 * 1024, start = 0, end = text.length): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let from = start;
  while (end - from > size) {
    let cut = text.lastIndexOf('\n', from + size);
    if (cut < from + size / 2) cut = findBreakAfter(text, from + size, end);
    else cut += 1;
    if (cut >= end) break;
    chunks.push([from, cut]);
    from = cut;
  }
  chunks.push([from, end]);
  return chunks;
}

/** The position just after the first conversion break at or after `pos`, or `end` if none comes before it. */
function findBreakAfter(text: string, pos: number, end: number): number {
  for (let i = pos; i < end; i++) if (isConversionBreak(text.charCodeAt(i))) return i + 1;
  return end;
}

const converters = new Map<string, ScriptConverter>();

/** A converter for `config`; converters without user options are cached for the life of the process. */
export function getConverter(config: ConversionConfigName, options: ConversionOptions = {}): ScriptConverter {
  const hasPins = (options.preserve?.length ?? 0) > 0 || Object.keys(options.customPhrases ?? {}).length > 0;
  const extension = options.extensionCharacters ?? true;
  const layers = options.layers ?? true;
  if (hasPins) return new OpenCCScriptConverter(config, extension, layers, pinsFrom(options));
  const key = `${config}:${extension}:${layers}`;
  let converter = converters.get(key);
  if (!converter) {
    converter = new OpenCCScriptConverter(config, extension, layers, undefined);
    converters.set(key, converter);
  }
  return converter;
}

/** Converts `text` with `config` (a convenience for one-off calls). */
export function convertText(text: string, config: ConversionConfigName, options?: ConversionOptions): string {
  return getConverter(config, options).convert(text);
}

/** Pinned phrases: source → what it must become (itself, for a preserved word). Longest source first. */
type Pins = ReadonlyArray<readonly [string, string]>;

function pinsFrom(options: ConversionOptions): Pins {
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(options.customPhrases ?? {})) if (from) map.set(from, to);
  for (const word of options.preserve ?? []) if (word) map.set(word, word);
  return [...map].sort((a, b) => b[0].length - a[0].length);
}

class OpenCCScriptConverter implements ScriptConverter {
  private raw: ((s: string) => string) | undefined;

  constructor(
    readonly config: ConversionConfigName,
    private readonly extensionCharacters: boolean,
    private readonly layers: boolean,
    private readonly pins: Pins | undefined,
  ) {}

  convert(text: string): string {
    if (!this.pins) {
      // Chunk at line breaks: same result as one call, with less garbage held at once on huge inputs.
      const raw = this.rawConverter();
      return conversionChunks(text, 1024 * 1024).map(([a, b]) => raw(text.slice(a, b))).join('');
    }
    return applyEdits(text, this.edits(text));
  }

  edits(text: string, start = 0, end = text.length): TextEdit[] {
    const edits: TextEdit[] = [];
    if (!this.pins) {
      for (const [a, b] of conversionChunks(text, 64 * 1024, start, end)) this.diffPiece(text, a, b, edits);
      return edits;
    }
    let from = start;
    for (const pin of findPins(text, this.pins, start, end)) {
      for (const [a, b] of conversionChunks(text, 16 * 1024, from, pin.offset)) this.diffPiece(text, a, b, edits);
      if (pin.replacement !== text.slice(pin.offset, pin.end)) {
        edits.push({ offset: pin.offset, length: pin.end - pin.offset, text: pin.replacement });
      }
      from = pin.end;
    }
    for (const [a, b] of conversionChunks(text, 16 * 1024, from, end)) this.diffPiece(text, a, b, edits);
    return edits;
  }

  private rawConverter(): (s: string) => string {
    this.raw ??= openccConverter(this.config, { extensionCharacters: this.extensionCharacters, layers: this.layers });
    return this.raw;
  }

  /** Converts text[a, b) and appends the edits that differ. */
  private diffPiece(text: string, a: number, b: number, edits: TextEdit[]): void {
    if (a >= b) return;
    const before = text.slice(a, b);
    const after = this.rawConverter()(before);
    if (after === before) return;
    if (after.length === before.length) {
      diffSameLength(before, after, a, edits);
      return;
    }
    // A phrase changed length (軟件 → 軟體 does not, U盤 → 隨身碟 does): diff clause by clause, so only
    // the clause holding it becomes one replacement.
    let clauseStart = 0;
    for (let i = 0; i <= before.length; i++) {
      if (i < before.length && !isConversionBreak(before.charCodeAt(i))) continue;
      const end = Math.min(i + 1, before.length);
      if (end > clauseStart) {
        const clause = before.slice(clauseStart, end);
        const converted = this.rawConverter()(clause);
        if (converted.length === clause.length) diffSameLength(clause, converted, a + clauseStart, edits);
        else diffTrimmed(clause, converted, a + clauseStart, edits);
      }
      clauseStart = end;
    }
  }
}

/** Edits for each run of differing code points between two strings of equal UTF-16 length. */
function diffSameLength(before: string, after: string, base: number, edits: TextEdit[]): void {
  const n = before.length;
  for (let i = 0; i < n; i++) {
    if (before.charCodeAt(i) === after.charCodeAt(i)) continue;
    let s = i;
    if (s > 0 && (isLowSurrogate(before.charCodeAt(s)) || isLowSurrogate(after.charCodeAt(s)))) s--;
    let e = i + 1;
    while (e < n && before.charCodeAt(e) !== after.charCodeAt(e)) e++;
    while (e < n && (isLowSurrogate(before.charCodeAt(e)) || isLowSurrogate(after.charCodeAt(e)))) e++;
    const last = edits[edits.length - 1];
    if (last && last.offset + last.length === base + s) {
      edits[edits.length - 1] = { offset: last.offset, length: last.length + e - s, text: last.text + after.slice(s, e) };
    } else {
      edits.push({ offset: base + s, length: e - s, text: after.slice(s, e) });
    }
    i = e - 1;
  }
}

/** One edit for the middle of two strings of different length, after their common prefix and suffix. */
function diffTrimmed(before: string, after: string, base: number, edits: TextEdit[]): void {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  if (p > 0 && (isLowSurrogate(before.charCodeAt(p)) || isLowSurrogate(after.charCodeAt(p)))) p--;
  let q = 0;
  while (q < max - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  while (q > 0 && (isLowSurrogate(before.charCodeAt(before.length - q)) || isLowSurrogate(after.charCodeAt(after.length - q)))) q--;
  edits.push({ offset: base + p, length: before.length - q - p, text: after.slice(p, after.length - q) });
}

interface PinMatch {
  readonly offset: number;
  readonly end: number;
  readonly replacement: string;
}

/** Leftmost-longest, non-overlapping occurrences of the pinned phrases in text[start, end). */
function findPins(text: string, pins: Pins, start: number, end: number): PinMatch[] {
  const found: PinMatch[] = [];
  for (const [source, replacement] of pins) {
    for (let i = text.indexOf(source, start); i !== -1 && i + source.length <= end; i = text.indexOf(source, i + 1)) {
      found.push({ offset: i, end: i + source.length, replacement });
    }
  }
  found.sort((x, y) => x.offset - y.offset || y.end - x.end);
  const chosen: PinMatch[] = [];
  let reached = start;
  for (const m of found) {
    if (m.offset < reached) continue;
    chosen.push(m);
    reached = m.end;
  }
  return chosen;
}
