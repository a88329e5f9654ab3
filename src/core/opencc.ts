/**
 * Lazy access to zhdoc's compiled OpenCC dictionaries: the layout and configs (dist/vendor/opencc.js, about
 * 15 KB) on first use, and each trie's arrays (dist/vendor/opencc.bin, 3.9 MB in all) read on first use by a
 * config and viewed in place, so s2t reads its own 1.7 MB and nothing is built or decoded. The bytes come
 * through the vendor module's readBytes: from the file in Node, from a copy fetched ahead on the web.
 */
import { convertWithPlan, trieByteLength, trieFromBytes, type DecodedTrie, type EnginePlan, type TrieLayout } from './conversionTrie';
import type { CompiledConfig } from './generated/openccTries';

/**
 * What the vendor module src/vendor/opencc.ts gives the core: the layout, and the bytes through a loader, so
 * the core reads no files itself (Node reads them, the web fetches them ahead).
 */
export interface OpenCCModule {
  readonly TRIES: Readonly<Record<string, TrieLayout>>;
  readonly CONFIGS: Readonly<Record<string, CompiledConfig>>;
  readonly PINS: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Bytes [offset, offset + length) of the compiled file, at a multiple of 8 in their buffer. */
  readBytes(offset: number, length: number): Uint8Array;
}

/** The alphabet at the start of the file: a dense code for each of the 65536 UTF-16 code units. */
const ALPHABET_BYTES = 65536 * 2;

let openccModule: OpenCCModule | undefined;

/**
 * Loads the dictionaries' layout on first use. `zhdoc-vendor:opencc` is resolved by scripts/build.mjs: to the
 * separate file dist/vendor/opencc.js in the extension and CLI bundles, to src/vendor/opencc.ts inline elsewhere.
 */
export function loadOpenCC(): OpenCCModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  openccModule ??= require('zhdoc-vendor:opencc') as OpenCCModule;
  return openccModule;
}

/** True once the dictionaries have been loaded in this process (used to prove activation loads nothing heavy). */
export function isOpenCCLoaded(): boolean {
  return openccModule !== undefined;
}

let alphabet: Uint16Array | undefined;
const decoded = new Map<string, DecodedTrie>();
const plans = new Map<string, EnginePlan>();

function trie(id: string): DecodedTrie {
  let t = decoded.get(id);
  if (!t) {
    const layout = loadOpenCC().TRIES[id];
    if (!layout) throw new Error(`zhdoc: compiled OpenCC data has no trie ${id}`);
    t = trieFromBytes(loadOpenCC().readBytes(layout.at, trieByteLength(layout)), layout);
    decoded.set(id, t);
  }
  return t;
}

export interface EngineOptions {
  /** Use OpenCC's TSCharactersExt in conversions to Simplified (殢 → 𣨼), as upstream OpenCC does. */
  readonly extensionCharacters: boolean;
  /** zhdoc's supplementary phrases, exceptions and formula-term pins (false: exactly opencc-js). */
  readonly layers: boolean;
}

/** The converter for an OpenCC config name (s2t, tw2sp, …). */
export function openccConverter(config: string, options: EngineOptions): (text: string) => string {
  const key = `${config}:${options.extensionCharacters ? 'ext' : 'std'}:${options.layers ? 'zhdoc' : 'opencc'}`;
  let plan = plans.get(key);
  if (!plan) {
    const data = loadOpenCC();
    const c = data.CONFIGS[key];
    if (!c) throw new Error(`Unknown OpenCC config: ${config}`);
    if (!alphabet) {
      const bytes = data.readBytes(0, ALPHABET_BYTES);
      alphabet = new Uint16Array(bytes.buffer, bytes.byteOffset, ALPHABET_BYTES / 2);
    }
    plan = {
      alphabet,
      normalization: c.normalization.map(trie),
      segmentation: c.segmentation ? trie(c.segmentation) : undefined,
      fused: c.fused,
      chain: c.chain.map(trie),
      pins: c.pins ? trie(c.pins) : undefined,
    };
    plans.set(key, plan);
  }
  const p = plan;
  return (text) => convertWithPlan(p, text);
}

/** zhdoc's pinned phrases per config (source → result), for tests and for telling users what the phrase configs do. */
export function phrasePins(config: string): Readonly<Record<string, string>> {
  return loadOpenCC().PINS[config] ?? {};
}
