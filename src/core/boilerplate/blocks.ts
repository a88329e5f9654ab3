/** Decisions into blocks, each with its dominant reason. */
import { REASON_PRIORITY, type BoilerplateReason } from '../boilerplateCues';
import type { LineFeatures } from './lineFeatures';
import { boilerplateDecision, type Decision } from './segmentation';
import type { BoilerplateBlock } from './types';

// ---------------------------------------------------------------------------------------------------------
// Blocks

export function toBlocks(features: readonly LineFeatures[], decided: Decision[]): BoilerplateBlock[] {
  const n = features.length;
  let firstContent = -1;
  let lastContent = -1;
  let firstLine = -1;
  let lastLine = -1;
  for (let i = 0; i < n; i++) {
    if (features[i]!.blank) continue;
    if (firstLine === -1) firstLine = i;
    lastLine = i;
    if (!decided[i]!.boilerplate) {
      if (firstContent === -1) firstContent = i;
      lastContent = i;
    }
  }
  const blocks: BoilerplateBlock[] = [];
  let i = 0;
  while (i < n) {
    if (!decided[i]!.boilerplate) {
      i++;
      continue;
    }
    let end = i;
    // Extend over blank lines only when boilerplate follows them.
    for (let j = i + 1; j < n; j++) {
      if (decided[j]!.boilerplate) end = j;
      else if (!features[j]!.blank) break;
    }
    const position = firstContent === -1 || end < firstContent ? 'top' : i > lastContent ? 'bottom' : 'middle';
    const counts = new Map<BoilerplateReason, number>();
    for (let j = i; j <= end; j++) {
      let d = decided[j]!;
      if (!d.boilerplate) continue;
      if (features[j]!.blank) {
        if (d.reason !== undefined) decided[j] = boilerplateDecision(undefined);
        continue;
      }
      // Decisions are shared per reason (segmentation.ts): a line given a reason here gets the one for it.
      if (d.reason === undefined) d = decided[j] = boilerplateDecision(position === 'top' ? 'navigation' : position === 'bottom' ? 'footer' : 'related');
      counts.set(d.reason!, (counts.get(d.reason!) ?? 0) + 1);
    }
    // Blank lines before the first block of the file and after its last belong to them: nothing is left
    // above or below for them to separate.
    const start = i === firstLine ? 0 : i;
    if (end === lastLine) end = n - 1;
    for (let j = start; j <= end; j++) if (features[j]!.blank && !decided[j]!.boilerplate) decided[j] = boilerplateDecision(undefined);
    blocks.push({ start, end, reason: dominantReason(counts) });
    i = end + 1;
  }
  return blocks;
}

export function dominantReason(counts: Map<BoilerplateReason, number>): BoilerplateReason {
  let best: BoilerplateReason = 'navigation';
  let bestCount = 0;
  for (const reason of REASON_PRIORITY) {
    const c = counts.get(reason) ?? 0;
    if (c > bestCount) {
      best = reason;
      bestCount = c;
    }
  }
  return best;
}

