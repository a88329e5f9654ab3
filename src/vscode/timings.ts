/**
 * How long zhdoc's own work took on the extension host's thread, kept in memory for the responsiveness bench and
 * the tests (VS Code cannot say which extension blocked its host): the last durations of each hover provider,
 * the longest host-side handling of each analysis facet, and activate() itself. Recording costs a clock read.
 */

/** Enough samples for a p99 over a bench's hovers; bounded so that memory never grows. */
const KEPT_SAMPLES = 500;

const samples = new Map<string, number[]>();
const longest = new Map<string, number>();

/** Notes one duration of `what` (a hover provider's call). */
export function recordDuration(what: string, ms: number): void {
  let list = samples.get(what);
  if (!list) samples.set(what, (list = []));
  list.push(ms);
  if (list.length > KEPT_SAMPLES) list.splice(0, list.length - KEPT_SAMPLES);
}

/** Notes a synchronous stretch of `what` on the host; only the longest since the last reset is kept. */
export function recordBlock(what: string, ms: number): void {
  if (ms > (longest.get(what) ?? -1)) longest.set(what, ms);
}

/** Runs `work`, noting how long it held the thread as a block of `what`. */
export function timed<T>(what: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    recordBlock(what, performance.now() - started);
  }
}

export interface TimingsSnapshot {
  readonly durations: Readonly<Record<string, readonly number[]>>;
  readonly longestBlocks: Readonly<Record<string, number>>;
}

/** What was recorded since the last reset (and forgets it when `reset`). */
export function timingsSnapshot(reset = false): TimingsSnapshot {
  const snapshot = { durations: Object.fromEntries([...samples].map(([k, v]) => [k, [...v]])), longestBlocks: Object.fromEntries(longest) };
  if (reset) {
    samples.clear();
    longest.clear();
  }
  return snapshot;
}
