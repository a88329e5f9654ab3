/** The two-state segmentation of evidence into content and boilerplate runs. */
import type { BoilerplateReason } from '../boilerplateCues';
import type { LineFeatures } from './lineFeatures';
import type { Intrinsic } from './evidence';
import type { Params } from './types';

// ---------------------------------------------------------------------------------------------------------
// Context

export interface Decision {
  readonly boilerplate: boolean;
  readonly reason: BoilerplateReason | undefined;
}

/**
 * Splits the non-blank lines into content and boilerplate runs: the labelling that best agrees with each
 * line's evidence when every change between content and boilerplate costs `switchCost` (a two-state Viterbi
 * pass). A short line inside the article stays content because leaving the article and coming back costs
 * two switches; a menu at the top of the file costs only one, so boilerplate clusters at the edges.
 */
/** The decision of every content line: shared, never changed. */
export const CONTENT: Decision = Object.freeze({ boilerplate: false, reason: undefined });

const boilerplateDecisions = new Map<BoilerplateReason | undefined, Decision>();

/**
 * The decision of a boilerplate line with `reason`, one shared frozen object per reason: an object per
 * boilerplate line per segmentation survived until the next one and kept the young-generation collector busy.
 */
export function boilerplateDecision(reason: BoilerplateReason | undefined): Decision {
  let d = boilerplateDecisions.get(reason);
  if (!d) {
    d = Object.freeze({ boilerplate: true, reason });
    boilerplateDecisions.set(reason, d);
  }
  return d;
}

export function decide(features: readonly LineFeatures[], intrinsic: readonly Intrinsic[], params: Params): Decision[] {
  // Plain arrays of numbers and one shared object for content lines: a 10 MB page has 130,000 lines, and an
  // object per line per segmentation kept the garbage collector busy for most of the run.
  const lines = new Int32Array(features.length);
  let m = 0;
  for (let i = 0; i < features.length; i++) if (!features[i]!.blank) lines[m++] = i;
  const fromContent = new Uint8Array(m); // for state content at k: previous state was boilerplate (1) or content (0)
  const fromBoiler = new Uint8Array(m);
  const s = params.switchCost;
  let c = 0;
  let b = 0;
  for (let k = 0; k < m; k++) {
    const e = intrinsic[lines[k]!]!.evidence + params.bias;
    let nc: number;
    let nb: number;
    if (k === 0) {
      nc = e / 2;
      nb = -e / 2;
    } else {
      if (c >= b - s) {
        nc = c;
        fromContent[k] = 0;
      } else {
        nc = b - s;
        fromContent[k] = 1;
      }
      if (b >= c - s) {
        nb = b;
        fromBoiler[k] = 1;
      } else {
        nb = c - s;
        fromBoiler[k] = 0;
      }
      nc += e / 2;
      nb -= e / 2;
    }
    c = nc;
    b = nb;
  }
  const decisions: Decision[] = new Array<Decision>(features.length).fill(CONTENT);
  let state = b > c ? 1 : 0;
  for (let k = m - 1; k >= 0; k--) {
    const i = lines[k]!;
    if (state === 1) decisions[i] = boilerplateDecision(intrinsic[i]!.reason);
    state = state === 1 ? fromBoiler[k]! : fromContent[k]!;
  }
  return decisions;
}

