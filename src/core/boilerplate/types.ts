/** The public types of boilerplate detection and the sensitivity presets. */
export type { BoilerplateReason } from '../boilerplateCues';
import type { BoilerplateReason } from '../boilerplateCues';

export type BoilerplateSensitivity = 'conservative' | 'balanced' | 'aggressive';

export const BOILERPLATE_SENSITIVITIES: readonly BoilerplateSensitivity[] = ['conservative', 'balanced', 'aggressive'];

export interface BoilerplateOptions {
  /** How readily an undecided line is called boilerplate. Default `conservative`: never risk the article. */
  readonly sensitivity?: BoilerplateSensitivity;
  /**
   * The user's own cues: a line containing one is boilerplate unless it reads as a prose paragraph. A cue is
   * a literal substring (case-insensitive, either script: 廣告 also matches 广告), or a regular expression
   * written `/…/flags` (flags i, u, s). Invalid entries are ignored and listed in `ignoredCues`.
   */
  readonly extraCues?: readonly string[];
}

/**
 * Consecutive boilerplate lines, 0-based and inclusive. Blank lines inside a run belong to it; a block starts
 * and ends on a non-blank line, except that the first block of a file takes the blank lines above it and
 * the last block those below it.
 */
export interface BoilerplateBlock {
  readonly start: number;
  readonly end: number;
  readonly reason: BoilerplateReason;
}

/** What the CLI prints with `--json`. Lines are split on `\n`; a `\r` before it belongs to the break. */
export interface BoilerplateResult {
  /** Number of lines in the text (a final line break starts one more, empty, line). */
  readonly lines: number;
  readonly blocks: readonly BoilerplateBlock[];
}

/** The class a line gets from its own shape, before context (jusText's terms). */
export type IntrinsicClass = 'blank' | 'good' | 'neargood' | 'short' | 'bad';

export interface BoilerplateLine {
  /** Final decision. Blank lines are `blank` unless they lie inside a block. */
  readonly kind: 'content' | 'boilerplate' | 'blank';
  readonly intrinsic: IntrinsicClass;
  /**
   * The line's own evidence, context of its neighbours included, before the final segmentation: positive
   * for content, negative for boilerplate (about -6 for a cued line, up to +8 for a long paragraph).
   */
  readonly evidence: number;
  /** For boilerplate lines: why. For other lines: the cue found on the line, if any (a cue alone does not decide). */
  readonly reason?: BoilerplateReason;
}

export interface BoilerplateAnalysis extends BoilerplateResult {
  /** One entry per line. */
  readonly lineClasses: readonly BoilerplateLine[];
  /** User cues that were ignored because they were empty or not valid regular expressions. */
  readonly ignoredCues: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------
// Parameters

export interface Params {
  /** Added to every line's evidence: positive leans towards content. */
  readonly bias: number;
  /** Cost of each change between content and boilerplate along the file. */
  readonly switchCost: number;
  /** Size (Han characters, Latin words count 1.5) from which a punctuated line is prose. */
  readonly goodSize: number;
  /** Size from which an unpunctuated line is near-good rather than short. */
  readonly nearGoodSize: number;
  /** Largest size at which a phrase cue (分享到, 上一篇) decides a line. */
  readonly phraseCueSize: number;
}

export const PARAMS: Record<BoilerplateSensitivity, Params> = {
  conservative: { bias: 0.2, switchCost: 2, goodSize: 20, nearGoodSize: 10, phraseCueSize: 30 },
  balanced: { bias: 0, switchCost: 2, goodSize: 25, nearGoodSize: 12, phraseCueSize: 40 },
  aggressive: { bias: -0.3, switchCost: 1.5, goodSize: 30, nearGoodSize: 15, phraseCueSize: 50 },
};

