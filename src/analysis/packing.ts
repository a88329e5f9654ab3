/**
 * Facet values packed for the trip from the worker to the extension host. A 10 MB page has about 220,000
 * slogan occurrences; posted as objects, structured clone rebuilds each one on the host's thread (about 0.3 s
 * there, and as much again in garbage collection). Packed, the offsets and lengths travel as typed arrays whose
 * buffers are transferred, not copied, and the host builds an occurrence object only when something reads that
 * slogan's `occurrences` (the decorations, the hover and navigation read the typed arrays instead: see spansOf).
 * Minority-script characters are packed the same way.
 */
import type { Slogan, SloganOccurrence } from '../core/slogans';
import type { Script } from '../core/script';
import type { EditJobResult } from '../core/editJobs';
import { partitionPoint, type TextEdit } from '../core/text';
import type { MinorityFacetItem, PackedEdits } from './protocol';

/** The occurrences of one slogan as parallel typed arrays (sorted by offset). */
export interface Spans {
  readonly offsets: Int32Array;
  readonly lengths: Int32Array;
}

interface PackedSlogans {
  readonly packed: 'slogans';
  /** Each slogan without its occurrences. */
  readonly slogans: ReadonlyArray<Omit<Slogan, 'occurrences'>>;
  /** Slogan i's occurrences are offsets/lengths[starts[i] .. starts[i + 1]). */
  readonly starts: Int32Array;
  readonly offsets: Int32Array;
  readonly lengths: Int32Array;
}

interface PackedMinority {
  readonly packed: 'minority';
  readonly counts: unknown;
  readonly offsets: Int32Array;
  /** The characters, concatenated; item i is chars.slice(charEnds[i - 1], charEnds[i]). */
  readonly chars: string;
  readonly charEnds: Int32Array;
  readonly counterparts: string;
  readonly counterpartEnds: Int32Array;
  /** 1: the character is Simplified, 0: Traditional. */
  readonly simplified: Uint8Array;
}

const spansOfSlogan = new WeakMap<object, Spans>();

/** The packed form of a facet value and the buffers to transfer with it; other facets pass unchanged. */
export function packFacet(facet: string, value: unknown): { value: unknown; transfer: ArrayBuffer[] } {
  if (facet === 'slogans') return packSlogans(value as readonly Slogan[]);
  if (facet === 'minority') return packMinority(value as { counts: unknown; characters: readonly MinorityFacetItem[] });
  return { value, transfer: [] };
}

/** The facet value as the features read it, from what packFacet made of it (after the trip or not). */
export function unpackFacet(value: unknown): unknown {
  const tag = (value as { packed?: unknown } | null)?.packed;
  if (tag === 'slogans') return unpackSlogans(value as PackedSlogans);
  if (tag === 'minority') return unpackMinority(value as PackedMinority);
  return value;
}

function packSlogans(slogans: readonly Slogan[]): { value: PackedSlogans; transfer: ArrayBuffer[] } {
  let total = 0;
  for (const s of slogans) total += s.occurrences.length;
  const starts = new Int32Array(slogans.length + 1);
  const offsets = new Int32Array(total);
  const lengths = new Int32Array(total);
  let k = 0;
  const meta = slogans.map((s, i) => {
    starts[i] = k;
    const known = spansOfSlogan.get(s);
    if (known) {
      offsets.set(known.offsets, k);
      lengths.set(known.lengths, k);
      k += known.offsets.length;
    } else {
      for (const o of s.occurrences) {
        offsets[k] = o.offset;
        lengths[k] = o.length;
        k++;
      }
    }
    const { occurrences: _occurrences, ...rest } = s;
    return rest;
  });
  starts[slogans.length] = k;
  return { value: { packed: 'slogans', slogans: meta, starts, offsets, lengths }, transfer: [starts.buffer, offsets.buffer, lengths.buffer] as ArrayBuffer[] };
}

function unpackSlogans(p: PackedSlogans): Slogan[] {
  return p.slogans.map((meta, i) => {
    const spans: Spans = { offsets: p.offsets.subarray(p.starts[i], p.starts[i + 1]), lengths: p.lengths.subarray(p.starts[i], p.starts[i + 1]) };
    const slogan = lazily({ ...meta }, 'occurrences', () => {
      const list: SloganOccurrence[] = new Array(spans.offsets.length);
      for (let j = 0; j < list.length; j++) list[j] = { offset: spans.offsets[j]!, length: spans.lengths[j]! };
      return list;
    }) as Slogan;
    spansOfSlogan.set(slogan, spans);
    return slogan;
  });
}

/**
 * A slogan's occurrences as typed arrays: the packed ones for a slogan that came from the worker (no object is
 * built), else made from its `occurrences` once (and remembered).
 */
export function spansOf(slogan: Slogan): Spans {
  let spans = spansOfSlogan.get(slogan);
  if (!spans) {
    const n = slogan.occurrences.length;
    spans = { offsets: new Int32Array(n), lengths: new Int32Array(n) };
    slogan.occurrences.forEach((o, j) => {
      spans!.offsets[j] = o.offset;
      spans!.lengths[j] = o.length;
    });
    spansOfSlogan.set(slogan, spans);
  }
  return spans;
}

/** The first index whose offset is >= `offset` (offsets sorted). */
export function lowerBound(offsets: Int32Array, offset: number): number {
  return partitionPoint(offsets.length, (i) => offsets[i]! < offset);
}

/**
 * The innermost occurrence containing `offset` among all slogans, found by binary search in each slogan's spans
 * (the same answer as the core's sloganAt, which visits every occurrence).
 */
export function locateSlogan(slogans: readonly Slogan[], offset: number): { slogan: Slogan; occurrence: SloganOccurrence; index: number } | undefined {
  let best: { slogan: Slogan; occurrence: SloganOccurrence; index: number } | undefined;
  for (const slogan of slogans) {
    const { offsets, lengths } = spansOf(slogan);
    // Occurrences of one phrase may overlap (a repeat inside a repeat): look back while one could still reach
    // (backwards, so that of equally short ones the first is kept, as the core keeps it).
    for (let j = lowerBound(offsets, offset + 1) - 1; j >= 0; j--) {
      const start = offsets[j]!;
      const length = lengths[j]!;
      if (start + length > offset && (!best || length < best.occurrence.length || (best.slogan === slogan && length === best.occurrence.length))) best = { slogan, occurrence: { offset: start, length }, index: j };
      if (start + maxLength(slogan) <= offset) break;
    }
  }
  return best;
}

/**
 * The next (or previous) occurrence of any slogan after (before) `offset`, wrapping around: the same answer as
 * the core's nextOccurrence (which sorts every occurrence of the document by offset, longer first, then by
 * slogan and index), from one binary search per slogan.
 */
export function adjacentSlogan(slogans: readonly Slogan[], offset: number, direction: 'next' | 'previous'): { slogan: Slogan; occurrence: SloganOccurrence; index: number } | undefined {
  type Hit = { order: number; index: number; at: number; length: number };
  /** Negative when `a` comes before `b` in the core's order. */
  const compare = (a: Hit, b: Hit): number => a.at - b.at || b.length - a.length || a.order - b.order || a.index - b.index;
  let found: Hit | undefined;
  let wrap: Hit | undefined;
  const next = direction === 'next';
  const keep = (hit: Hit, than: Hit | undefined): boolean => !than || (next ? compare(hit, than) < 0 : compare(hit, than) > 0);
  slogans.forEach((slogan, order) => {
    const { offsets, lengths } = spansOf(slogan);
    if (offsets.length === 0) return;
    const hit = (index: number): Hit => ({ order, index, at: offsets[index]!, length: lengths[index]! });
    const j = next ? lowerBound(offsets, offset + 1) : lowerBound(offsets, offset) - 1;
    if (j >= 0 && j < offsets.length && keep(hit(j), found)) found = hit(j);
    const end = hit(next ? 0 : offsets.length - 1);
    if (keep(end, wrap)) wrap = end;
  });
  const best = found ?? wrap;
  if (!best) return undefined;
  return { slogan: slogans[best.order]!, occurrence: { offset: best.at, length: best.length }, index: best.index };
}

const maxLengths = new WeakMap<Slogan, number>();
function maxLength(slogan: Slogan): number {
  let max = maxLengths.get(slogan);
  if (max === undefined) {
    max = 0;
    for (const l of spansOf(slogan).lengths) if (l > max) max = l;
    maxLengths.set(slogan, max);
  }
  return max;
}

function packMinority(value: { counts: unknown; characters: readonly MinorityFacetItem[] }): { value: PackedMinority; transfer: ArrayBuffer[] } {
  const n = value.characters.length;
  const offsets = new Int32Array(n);
  const charEnds = new Int32Array(n);
  const counterpartEnds = new Int32Array(n);
  const simplified = new Uint8Array(n);
  const chars: string[] = [];
  const counterparts: string[] = [];
  let c = 0;
  let p = 0;
  value.characters.forEach((m, i) => {
    offsets[i] = m.offset;
    chars.push(m.char);
    charEnds[i] = c += m.char.length;
    counterparts.push(m.counterpart);
    counterpartEnds[i] = p += m.counterpart.length;
    simplified[i] = m.script === 'simplified' ? 1 : 0;
  });
  return {
    value: { packed: 'minority', counts: value.counts, offsets, chars: chars.join(''), charEnds, counterparts: counterparts.join(''), counterpartEnds, simplified },
    transfer: [offsets.buffer, charEnds.buffer, counterpartEnds.buffer, simplified.buffer] as ArrayBuffer[],
  };
}

function unpackMinority(p: PackedMinority): { counts: unknown; characters: readonly MinorityFacetItem[]; offsets: Int32Array } {
  return lazily({ counts: p.counts, offsets: p.offsets }, 'characters', () => {
    const list: MinorityFacetItem[] = new Array(p.offsets.length);
    for (let i = 0; i < list.length; i++) {
      list[i] = {
        offset: p.offsets[i]!,
        char: p.chars.slice(i ? p.charEnds[i - 1] : 0, p.charEnds[i]),
        counterpart: p.counterparts.slice(i ? p.counterpartEnds[i - 1] : 0, p.counterpartEnds[i]),
        script: (p.simplified[i] ? 'simplified' : 'traditional') satisfies Script,
      };
    }
    return list;
  }) as { counts: unknown; characters: readonly MinorityFacetItem[]; offsets: Int32Array };
}

/**
 * `target` with an own, enumerable property `key` computed on first read and kept (so that spreading and
 * JSON.stringify still see it, as they would a plain value).
 */
function lazily<T extends object>(target: T, key: string, make: () => unknown): T {
  let value: unknown;
  let made = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      if (!made) {
        value = make();
        made = true;
      }
      return value;
    },
  });
  return target;
}

/** An edit job's result as typed arrays and one string: one copy on the trip, not an object per edit. */
export function packEdits(result: EditJobResult): PackedEdits {
  const n = result.edits.length;
  const offsets = new Int32Array(n);
  const lengths = new Int32Array(n);
  const ends = new Int32Array(n);
  let end = 0;
  result.edits.forEach((e, i) => {
    offsets[i] = e.offset;
    lengths[i] = e.length;
    end += e.text.length;
    ends[i] = end;
  });
  return { offsets, lengths, ends, text: result.edits.map((e) => e.text).join(''), count: result.count };
}

/** The edits of a PackedEdits. */
export function unpackEdits(packed: PackedEdits): TextEdit[] {
  const edits: TextEdit[] = new Array(packed.offsets.length);
  let start = 0;
  for (let i = 0; i < packed.offsets.length; i++) {
    const end = packed.ends[i]!;
    edits[i] = { offset: packed.offsets[i]!, length: packed.lengths[i]!, text: packed.text.slice(start, end) };
    start = end;
  }
  return edits;
}
