/** Corpus work over many documents: keyness, concordance, dates and per-period frequencies. Pure, no vscode. */
export { compareCounts, logLikelihood, sumPhraseCounts, LL_SIGNIFICANT_01, LL_SIGNIFICANT_05, RATE_BASE, type KeynessComparison, type KeynessGroup, type KeynessRow, type PhraseCount } from './keyness';
export { clampContextWidth, concordance, concordanceRows, DEFAULT_CONTEXT_WIDTH, MAX_CONTEXT_WIDTH, MIN_CONTEXT_WIDTH, type ConcordanceLine } from './concordance';
export { dateFromName, dateFromSidecar, dateFromText, dateInLine, documentDate, type DateSource, type DocumentDate, type FoundDate } from './dates';
export { aggregateByPeriod, periodOf, periodRange, type DatedCounts, type PeriodAggregation, type PeriodUnit, type PhraseSeries } from './periods';
export { csvCell, toCsv } from './csv';
export { concordanceOptions, phraseOccurrences, phraseSlogan } from './phrase';
export { cliSloganOptions, cliSlogans, type CliSloganFlags } from './sloganRun';
export { scanDocument, type ScanOptions, type ScanResult, type ScanHit } from './scanDocument';
export { analyseCorpusFile, corpusSloganOptions, locate, type CorpusFileResult, type CorpusRequest, type CorpusSloganSettings, type LocatedConcordanceLine } from './fileAnalysis';
