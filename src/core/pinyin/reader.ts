/**
 * Readings of Chinese text in context. A character with one reading has it (pinyin-pro's reading, baked into the
 * data at generation time); zhdoc decides the polyphonic ones itself, because that is where pinyin-pro errs
 * about one time in ten:
 *
 *  1. each run of Han characters is segmented by the cheapest path through a lexicon of words that contain a
 *     polyphonic character (segment.ts);
 *  2. a polyphonic character inside a word takes the word's reading; one standing alone takes a reading from a
 *     few context rules for frequent function characters (context.ts), else its own default: the prior;
 *  3. the trained polyphone model (model.ts) reads each polyphone it knows from its context and that prior;
 *  4. Traditional text is read through a code-point-aligned conversion to Simplified, except for characters
 *     whose Traditional form itself decides the reading (traditional.ts).
 *
 * The data (about 2 MB) loads on the first call, never at import.
 */
import { isHanCodePoint } from '../text';
import { contextReading } from './context';
import { loadData, loadVendor } from './data';
import { predictReading, unpackModel, type PolyphoneContext, type PolyphoneModel, type PriorSource } from './model';
import { segmentRun } from './segment';
import { FORM_DECIDES, simplifiedRun, TRADITIONAL_READINGS, unifyCompatibilityIdeographs } from './traditional';

export { isPinyinLoaded } from './data';
export { hasFormDecidingCharacter } from './traditional';
export { simplifiedToTraditional } from './s2t';

let committedModel: PolyphoneModel | undefined;
/** undefined: the committed model; null: none (the prior alone); else a model being trained or evaluated. */
let modelOverride: PolyphoneModel | null | undefined;

/** Reads with another polyphone model, or with none (null), or again with the committed one (undefined). */
export function setPolyphoneModel(model: PolyphoneModel | null | undefined): void {
  modelOverride = model;
}

function activeModel(): PolyphoneModel | null {
  if (modelOverride !== undefined) return modelOverride;
  if (!committedModel) {
    const v = loadVendor();
    committedModel = unpackModel({ candidateLines: v.MODEL_CANDIDATES, weights: v.MODEL_WEIGHTS });
  }
  return committedModel;
}

export interface RunAnalysis {
  /** Reading of each code point of the run (null where none is known). */
  readonly readings: Array<string | null>;
  /** The multi-character lexicon words the segmentation chose, as [start, end) code point indices. */
  readonly words: Array<readonly [number, number]>;
}

/**
 * Each polyphone of a run with its prior reading and context, in the Simplified view: what the model reads
 * (and, in train.ts, learns from).
 */
export function polyphoneContexts(runChars: readonly string[], before = ''): { simple: readonly string[]; converted: boolean; spans: Array<readonly [number, number]>; contexts: Map<number, PolyphoneContext> } {
  const chars = unifyCompatibilityIdeographs(runChars);
  const d = loadData();
  const converted = simplifiedRun(chars);
  const simple = converted ?? chars;
  const spans: Array<readonly [number, number]> = [];
  const contexts = new Map<number, PolyphoneContext>();
  for (const { start, end, word } of segmentRun(d, simple)) {
    if (word) {
      spans.push([start, end]);
      let k = 0;
      const text = simple.slice(start, end).join('');
      for (let i = start; i < end; i++) {
        const poly = d.polyphones.get(simple[i]!);
        if (!poly) continue;
        const prior = poly.readings[parseInt(word.indices[k++] ?? '0', 36)] ?? poly.readings[0]!;
        contexts.set(i, { chars: simple, index: i, before, prior, source: 'word', word: text });
      }
    } else {
      const poly = d.polyphones.get(simple[start]!);
      if (!poly) continue;
      const rule = contextReading(simple, start, before);
      const source: PriorSource = rule ? 'rule' : 'default';
      contexts.set(start, { chars: simple, index: start, before, prior: rule ?? poly.readings[0]!, source, word: undefined });
    }
  }
  return { simple, converted: converted !== undefined, spans, contexts };
}

/**
 * Readings of one run of Han characters (code points), Simplified or Traditional, and the words that decided
 * them. `before` is the character just before the run, if any (a digit before 只 makes it the classifier).
 */
export function analyseRun(runChars: readonly string[], before = ''): RunAnalysis {
  const chars = unifyCompatibilityIdeographs(runChars);
  const d = loadData();
  const { simple, converted, spans, contexts } = polyphoneContexts(chars, before);
  const model = activeModel();
  const out: Array<string | null> = new Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const original = chars[i]!;
    // Only a run that needed converting can hold a character whose form decides.
    const special = converted && FORM_DECIDES.has(original) ? TRADITIONAL_READINGS[original] : undefined;
    const fromForm = typeof special === 'function' ? special(simple[i]!, chars[i + 1] ?? '') : special;
    const ctx = contexts.get(i);
    const decided = ctx ? (model ? predictReading(model, ctx) : ctx.prior) : undefined;
    out[i] = fromForm ?? decided ?? d.singles.get(simple[i]!) ?? d.singles.get(original) ?? d.polyphones.get(original)?.readings[0] ?? null;
  }
  return { readings: out, words: spans };
}

/** Runs of Han code points in text[start, end): [UTF-16 start, UTF-16 end, code points]. */
export function hanRuns(text: string, start = 0, end = text.length): Array<{ start: number; end: number; chars: string[] }> {
  const runs: Array<{ start: number; end: number; chars: string[] }> = [];
  let run: { start: number; end: number; chars: string[] } | undefined;
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (isHanCodePoint(cp)) {
      if (!run) {
        run = { start: i, end: i, chars: [] };
        runs.push(run);
      }
      run.chars.push(text.slice(i, i + size));
      run.end = i + size;
    } else run = undefined;
    i += size;
  }
  return runs;
}

/**
 * The reading of every code point of `text` in context: canonical tone-number pinyin (`zhong4`, neutral 5,
 * ü as v) for a Han character, null for anything else (and for the rare Han character with no known reading).
 * Works on Simplified, Traditional and mixed text; deterministic. The result has one entry per code point.
 */
export function readingsOf(text: string): Array<string | null> {
  const perUnit = readingsByOffset(text);
  const out: Array<string | null> = [];
  for (let i = 0; i < text.length; i++) {
    out.push(perUnit[i] ?? null);
    if (text.codePointAt(i)! > 0xffff) i++;
  }
  return out;
}

/**
 * Readings indexed by UTF-16 offset (entries at the low surrogate of an astral character stay undefined) for
 * text[start, end). Each Han run is read on its own: a reading depends only on its run (its clause between
 * punctuation), so a window that covers the run gives the same answer as the whole document.
 */
export function readingsByOffset(text: string, start = 0, end = text.length): Array<string | null | undefined> {
  const out: Array<string | null | undefined> = new Array(end - start);
  for (const run of hanRuns(text, start, end)) {
    const { readings } = analyseRun(run.chars, charBefore(text, run.start));
    let offset = run.start;
    run.chars.forEach((c, k) => {
      out[offset - start] = readings[k]!;
      offset += c.length;
    });
  }
  for (let i = 0; i < out.length; i++) if (out[i] === undefined && !isLowSurrogateAt(text, start + i)) out[i] = null;
  return out;
}

/** The code point just before offset i, or '' at the start. */
export function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]!;
}

function isLowSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

/** Readings of the Han characters of a short text (a word), in order, skipping anything else. */
export function readingsOfHan(text: string): string[] {
  return readingsOf(text).filter((r): r is string => r !== null);
}

/**
 * Every reading a single character can have, the one it has standing alone first; for a Traditional
 * character, those of its Simplified counterpart. Empty for a character with no known reading.
 */
export function readingsOfCharacter(char: string): string[] {
  const d = loadData();
  const simple = simplifiedRun([char])?.[0] ?? char;
  const poly = d.polyphones.get(simple) ?? d.polyphones.get(char);
  if (poly) return [...poly.readings];
  const one = readingsOf(char)[0];
  return one ? [one] : [];
}

let rareReadings: Map<string, ReadonlySet<string>> | undefined;

/**
 * The readings of a character that running text uses, most frequent first: readingsOfCharacter without the
 * dictionary-only ones (净 chēng, 假 gēi), for the hover's list of other readings.
 */
export function commonReadingsOfCharacter(char: string): string[] {
  if (!rareReadings) {
    rareReadings = new Map();
    for (const line of loadVendor().RARE_READING_LINES.split('\n')) {
      if (!line) continue;
      const ch = String.fromCodePoint(line.codePointAt(0)!);
      rareReadings.set(ch, new Set(line.slice(ch.length).split(' ')));
    }
  }
  const simple = simplifiedRun([char])?.[0] ?? char;
  const rare = rareReadings.get(simple) ?? rareReadings.get(char);
  const all = readingsOfCharacter(char);
  return rare ? all.filter((r) => !rare.has(r)) : all;
}

/** True for a character with more than one reading. */
export function isPolyphonic(char: string): boolean {
  const d = loadData();
  return d.polyphones.has(char) || d.polyphones.has(simplifiedRun([char])?.[0] ?? char);
}
