// OpenCC's 16 configs as opencc-js defines them, by dictionary name, shared by the build-time dictionary
// compiler (gen-opencc-tries.mjs) and its checks. opencc-js's presets are the reference: zhdoc compiles the
// very dictionary strings opencc-js ships, so both agree by construction.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const openccRoot = join(root, 'node_modules/opencc-js');
const esmLib = join(openccRoot, 'dist/esm-lib');

export const CONFIG_NAMES = ['s2t', 't2s', 's2tw', 'tw2s', 's2twp', 'tw2sp', 's2hk', 'hk2s', 's2hkp', 'hk2sp', 't2tw', 'tw2t', 't2hk', 'hk2t', 't2jp', 'jp2t'];

/** name → dictionary string ("a b|c d"), exactly as opencc-js loads it. */
export async function loadDictionaries() {
  const dicts = new Map();
  for (const file of readdirSync(join(esmLib, 'dict'))) {
    const mod = await import(pathToFileURL(join(esmLib, 'dict', file)).href);
    dicts.set(file.replace(/\.js$/, ''), mod.default);
  }
  return dicts;
}

/** config → { normalization: name[][], segmentation: name[] | null, chain: name[][] } */
export async function loadConfigs(dicts) {
  const preset = await import(pathToFileURL(join(esmLib, 'preset/full.js')).href);
  const byValue = new Map([...dicts].map(([name, d]) => [d, name]));
  const names = (group) => group.map((d) => {
    const name = byValue.get(d);
    if (!name) throw new Error('unknown dictionary in an opencc-js preset');
    return name;
  });
  const configs = new Map();
  for (const config of CONFIG_NAMES) {
    const c = preset.configs[config];
    if (!c) throw new Error(`opencc-js has no config ${config}`);
    configs.set(config, {
      normalization: (c.normalizationChain ?? []).map(names),
      segmentation: c.segmentation ? names(Array.isArray(c.segmentation) ? c.segmentation : [c.segmentation]) : null,
      chain: c.conversionChain.map(names),
    });
  }
  return configs;
}

/** Parses "a b|c d" into [key, value] pairs, as opencc-js's Trie.loadDict does (first target only). */
export function parseDict(s) {
  if (!s) return [];
  return s.split('|').map((line) => {
    const [k, v] = line.split(' ');
    return [k, v];
  });
}
