/**
 * Lazy access to zhdoc's compiled OpenCC dictionaries (dist/vendor/opencc.js, about 5 MB of base64 arrays):
 * nothing here runs until a conversion is asked for, and each trie is decoded once per process, on first use
 * by a config, without building anything.
 */
import type * as OpenCCData from '../vendor/opencc';
import { convertWithPlan, decodeBase64, decodeTrie, type DecodedTrie, type EnginePlan } from './conversionTrie';

type OpenCCModule = typeof OpenCCData;

let openccModule: OpenCCModule | undefined;

/**
 * Loads the compiled dictionaries on first use. `zhdoc-vendor:opencc` is resolved by scripts/build.mjs: to the
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
    const encoded = loadOpenCC().TRIES[id];
    if (!encoded) throw new Error(`zhdoc: compiled OpenCC data has no trie ${id}`);
    t = decodeTrie(encoded);
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
    alphabet ??= new Uint16Array(decodeBase64(data.ALPHABET));
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
