/**
 * What `zhdoc scan` reports for one document: its script mix (as `zhdoc script --json`), 字数, boilerplate
 * blocks (as `zhdoc boilerplate --json`) and slogans (as `zhdoc slogans --json`, through the same option path),
 * and optionally every occurrence with its context. Pure: the CLI's main thread and its workers both call it.
 */
import type { BoilerplateBlock } from '../boilerplate';
import { countScripts, findMinorityCharacters, type DominantScript } from '../script';
import { lineBlocksToRanges, type SloganKind } from '../slogans';
import { countHan } from '../text';
import { concordance, DEFAULT_CONTEXT_WIDTH } from './concordance';
import { cliSlogans, type CliSloganFlags } from './sloganRun';

export interface ScanOptions extends CliSloganFlags {
  /** Include the minority characters in `script` (as `zhdoc script --json` does). */
  readonly minority?: boolean;
  /** Also return every occurrence (for --hits rows). */
  readonly hits?: boolean;
  /** Characters of context on each side of a hit. */
  readonly contextWidth?: number;
}

export interface ScanHit {
  readonly phrase: string;
  readonly kind: SloganKind;
  readonly offset: number;
  readonly length: number;
  readonly left: string;
  readonly right: string;
  /** left + the occurrence + right, line breaks shown as ⏎. */
  readonly context: string;
}

export interface ScanResult {
  readonly script: {
    readonly traditional: number;
    readonly simplified: number;
    readonly dominant: DominantScript;
    readonly minority?: ReadonlyArray<{ readonly offset: number; readonly char: string; readonly counterpart: string }>;
  };
  readonly han_chars: number;
  readonly boilerplate: readonly BoilerplateBlock[];
  readonly slogans: ReadonlyArray<{ readonly phrase: string; readonly kind: SloganKind; readonly count: number }>;
  readonly hits?: readonly ScanHit[];
}

export function scanDocument(text: string, options: ScanOptions = {}): ScanResult {
  const counts = countScripts(text);
  const script: ScanResult['script'] = options.minority
    ? { traditional: counts.traditional, simplified: counts.simplified, dominant: counts.dominant, minority: findMinorityCharacters(text, counts).map((m) => ({ offset: m.offset, char: m.char, counterpart: m.counterpart })) }
    : { traditional: counts.traditional, simplified: counts.simplified, dominant: counts.dominant };
  const { slogans, boilerplate } = cliSlogans(text, options);
  const result: ScanResult = {
    script,
    han_chars: countHan(text),
    boilerplate: boilerplate.blocks.map((b) => ({ start: b.start, end: b.end, reason: b.reason })),
    slogans: slogans.map((s) => ({ phrase: s.phrase, kind: s.kind, count: s.count })),
  };
  if (!options.hits) return result;
  const excluded = options.keepBoilerplate ? [] : lineBlocksToRanges(text, boilerplate.blocks);
  const hits: ScanHit[] = [];
  for (const s of slogans) {
    for (const line of concordance(text, s.occurrences, options.contextWidth ?? DEFAULT_CONTEXT_WIDTH, excluded)) {
      hits.push({ phrase: s.phrase, kind: s.kind, offset: line.offset, length: line.length, left: line.left, right: line.right, context: line.left + line.keyword + line.right });
    }
  }
  hits.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ...result, hits };
}
