/**
 * A trie of folded phrases, walked over the match view of a text. Every separator of an enumeration (、，,；
 * and spaces) walks the 、 edge, so 创新深化、改革攻坚 matches 创新深化，改革攻坚 too. Transitions below the root
 * live in an open-addressing table of typed arrays (a walk is a few probes, no objects); the root has a dense
 * table. Nearly every walk fails on its first or second unit, so a walk starts only where a bit table of the
 * patterns' first two units says one can.
 */
import { SEPARATOR, SEPARATOR_CLASS, unitClasses } from './streams';

/** Size of the table of first-two-unit pairs (a Bloom-style filter: a set bit may be shared by other pairs). */
const PAIR_BITS = 1 << 20;

function pairIndex(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ b) & (PAIR_BITS - 1);
}

function slotOf(state: number, unit: number, mask: number): number {
  return (Math.imul(state, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;
}

export class PhraseTrie {
  private readonly rootNext = new Int32Array(0x10000);
  private readonly pairs = new Uint8Array(PAIR_BITS / 8);
  /** Transition table: parent state (+1, so 0 is empty), unit, child state. */
  private parent = new Int32Array(64);
  private unit = new Uint16Array(64);
  private child = new Int32Array(64);
  private mask = 63;
  private transitions = 0;
  /** Pattern id ending at each state, -1 where none does. */
  private terminal: number[] = [-1];
  private states = 1;
  private readonly ids = new Map<string, number>();
  private readonly classes = unitClasses();

  /** Adds `pattern` (already folded, at least two units) for `id`; a pattern added twice keeps its first id. */
  add(pattern: string, id: number): void {
    if (pattern.length < 2 || this.ids.has(pattern)) return;
    this.ids.set(pattern, id);
    const p = pairIndex(pattern.charCodeAt(0), pattern.charCodeAt(1));
    this.pairs[p >> 3]! |= 1 << (p & 7);
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let to = state === 0 ? this.rootNext[c]! - 1 : this.step(state, c);
      if (to < 0) {
        to = this.states++;
        this.terminal.push(-1);
        if (state === 0) this.rootNext[c] = to + 1;
        else this.insert(state, c, to);
      }
      state = to;
    }
    this.terminal[state] = id;
  }

  get size(): number {
    return this.ids.size;
  }

  private step(state: number, c: number): number {
    const mask = this.mask;
    for (let s = slotOf(state, c, mask); ; s = (s + 1) & mask) {
      const p = this.parent[s]!;
      if (p === 0) return -1;
      if (p === state + 1 && this.unit[s] === c) return this.child[s]!;
    }
  }

  private insert(state: number, c: number, to: number): void {
    if ((this.transitions + 1) * 2 > this.mask + 1) this.grow();
    const mask = this.mask;
    let s = slotOf(state, c, mask);
    while (this.parent[s] !== 0) s = (s + 1) & mask;
    this.parent[s] = state + 1;
    this.unit[s] = c;
    this.child[s] = to;
    this.transitions++;
  }

  private grow(): void {
    const { parent, unit, child } = this;
    const size = (this.mask + 1) * 2;
    this.parent = new Int32Array(size);
    this.unit = new Uint16Array(size);
    this.child = new Int32Array(size);
    this.mask = size - 1;
    this.transitions = 0;
    for (let s = 0; s < parent.length; s++) if (parent[s] !== 0) this.insert(parent[s]! - 1, unit[s]!, child[s]!);
  }

  /** False when no pattern starts at `start` (cheap; true may still find nothing). */
  mayMatchAt(text: string, start: number): boolean {
    if (this.rootNext[text.charCodeAt(start)] === 0 || start + 1 >= text.length) return false;
    let b = text.charCodeAt(start + 1);
    if (this.classes[b]! & SEPARATOR_CLASS) b = SEPARATOR;
    const p = pairIndex(text.charCodeAt(start), b);
    return (this.pairs[p >> 3]! & (1 << (p & 7))) !== 0;
  }

  /**
   * Walks `text` from `start` and reports every pattern that matches there, shortest first, into `out` as
   * pairs (end, id). Returns the number of pairs written.
   */
  matchesAt(text: string, start: number, out: Int32Array): number {
    const classes = this.classes;
    let c = text.charCodeAt(start);
    if (classes[c]! & SEPARATOR_CLASS) return 0;
    let state = this.rootNext[c]! - 1;
    let found = 0;
    let i = start;
    while (state >= 0) {
      i++;
      const id = this.terminal[state]!;
      if (id >= 0 && found * 2 + 1 < out.length) {
        out[found * 2] = i;
        out[found * 2 + 1] = id;
        found++;
      }
      if (i >= text.length) break;
      c = text.charCodeAt(i);
      if (classes[c]! & SEPARATOR_CLASS) {
        c = SEPARATOR;
        // A run such as "、 " is one separator; patterns never end with one, so no match ends inside it.
        while (i + 1 < text.length && classes[text.charCodeAt(i + 1)]! & SEPARATOR_CLASS) i++;
      }
      state = this.step(state, c);
    }
    return found;
  }
}
