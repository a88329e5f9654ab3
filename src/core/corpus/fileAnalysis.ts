/**
 * What the editor's corpus commands need from one file of a folder, computed in one place for the worker and
 * for the in-process fallback (web, non-file schemes): its 字数, its slogans with the user's settings, and
 * optionally its date and the concordance of one phrase in it.
 */
import { analyzeBoilerplate, type BoilerplateSensitivity } from '../boilerplate';
import { findSlogans, lineBlocksToRanges, type SloganEntry, type SloganOptions } from '../slogans';
import { countHan, lineStarts } from '../text';
import { concordance, type ConcordanceLine } from './concordance';
import { documentDate, type FoundDate } from './dates';
import type { PhraseCount } from './keyness';
import { concordanceOptions, phraseOccurrences } from './phrase';

/** The zhdoc.slogans.* and zhdoc.boilerplate.* settings as plain data (they cross a worker boundary). */
export interface CorpusSloganSettings {
  readonly known: boolean;
  readonly discover: boolean;
  readonly minRepeatCount: number;
  readonly minDiscoveredCount: number;
  readonly ignore: readonly string[];
  readonly userLexicon: readonly SloganEntry[];
  readonly excludeBoilerplate: boolean;
  readonly boilerplateSensitivity: BoilerplateSensitivity;
  readonly boilerplateExtraCues: readonly string[];
}

export interface CorpusRequest {
  readonly settings: CorpusSloganSettings;
  /** Find the date of each file (name, first date line, sidecar). */
  readonly dates?: boolean;
  /** Concordance of this phrase, with `width` characters of context. */
  readonly phrase?: string;
  readonly width?: number;
}

export interface LocatedConcordanceLine extends ConcordanceLine {
  /** 0-based line and UTF-16 column, as vscode.Position counts. */
  readonly line: number;
  readonly column: number;
}

export interface CorpusFileResult {
  readonly han: number;
  readonly slogans: readonly PhraseCount[];
  readonly date?: FoundDate;
  readonly concordance?: readonly LocatedConcordanceLine[];
}

export function corpusSloganOptions(text: string, settings: CorpusSloganSettings): SloganOptions {
  const boilerplate = settings.excludeBoilerplate ? analyzeBoilerplate(text, { sensitivity: settings.boilerplateSensitivity, extraCues: settings.boilerplateExtraCues }) : undefined;
  return {
    known: settings.known,
    discover: settings.discover,
    minRepeatCount: settings.minRepeatCount,
    minDiscoveredCount: settings.minDiscoveredCount,
    ignore: settings.ignore,
    userLexicon: settings.userLexicon,
    excludedRanges: boilerplate ? lineBlocksToRanges(text, boilerplate.blocks) : [],
  };
}

export function analyseCorpusFile(name: string, text: string, request: CorpusRequest, sidecarJson?: string): CorpusFileResult {
  const options = corpusSloganOptions(text, request.settings);
  const slogans = findSlogans(text, options);
  const result: { han: number; slogans: PhraseCount[]; date?: FoundDate; concordance?: LocatedConcordanceLine[] } = {
    han: countHan(text),
    slogans: slogans.map((s) => ({ key: s.key, phrase: s.phrase, kind: s.kind, count: s.count })),
  };
  if (request.dates) {
    const date = documentDate(name, text, sidecarJson);
    if (date) result.date = date;
  }
  if (request.phrase !== undefined) {
    const phraseSlogans = findSlogans(text, concordanceOptions(request.phrase, options));
    result.concordance = locate(text, concordance(text, phraseOccurrences(phraseSlogans, request.phrase), request.width, options.excludedRanges));
  }
  return result;
}

export function locate(text: string, lines: readonly ConcordanceLine[]): LocatedConcordanceLine[] {
  const starts = lineStarts(text);
  let l = 0;
  return lines.map((c) => {
    while (l + 1 < starts.length && starts[l + 1]! <= c.offset) l++;
    return { ...c, line: l, column: c.offset - starts[l]! };
  });
}
