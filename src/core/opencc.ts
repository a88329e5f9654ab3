/**
 * Lazy access to opencc-js. Its dictionaries are about 1.2 MB of JavaScript and a Simplified→Traditional
 * converter takes tens of milliseconds to build, so nothing here runs until a conversion is asked for, and
 * each config's converter is built once per process.
 */
import type * as OpenCCModule from '../vendor/opencc';
import { TS_CHARACTERS_EXT } from './generated/openccTables';

type OpenCC = typeof OpenCCModule;
type RawConverter = (text: string) => string;

let openccModule: OpenCC | undefined;

/**
 * Loads opencc-js on first use. `zhdoc-vendor:opencc` is resolved by scripts/build.mjs: to the separate file
 * dist/vendor/opencc.js in the extension and CLI bundles, to src/vendor/opencc.ts inline elsewhere.
 */
export function loadOpenCC(): OpenCC {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  openccModule ??= require('zhdoc-vendor:opencc') as OpenCC;
  return openccModule;
}

/** True once opencc-js has been loaded in this process (used to prove activation loads nothing heavy). */
export function isOpenCCLoaded(): boolean {
  return openccModule !== undefined;
}

const rawConverters = new Map<string, RawConverter>();

/**
 * The opencc-js converter for an OpenCC config name (s2t, tw2sp, …). With `extensionCharacters`, conversions
 * to Simplified also use OpenCC's TSCharactersExt (殢 → 𣨼), as upstream OpenCC does; opencc-js leaves it out
 * because those characters are missing from many fonts.
 */
export function rawConverter(config: string, extensionCharacters: boolean): RawConverter {
  const key = `${config}:${extensionCharacters ? 'ext' : 'std'}`;
  let converter = rawConverters.get(key);
  if (!converter) {
    const OpenCC = loadOpenCC();
    const preset = OpenCC.Locale;
    const base = preset.configs?.[config];
    if (!base) throw new Error(`Unknown OpenCC config: ${config}`);
    let configs = preset.configs;
    if (extensionCharacters) {
      const tsCharacters = (preset.to.cn?.[0] as readonly unknown[] | undefined)?.[1];
      const chain = base.conversionChain.map((group) => {
        const at = group.indexOf(tsCharacters as never);
        return at < 0 ? group : [...group.slice(0, at), TS_CHARACTERS_EXT, ...group.slice(at)];
      });
      configs = { ...preset.configs, [config]: { ...base, conversionChain: chain } };
    }
    converter = OpenCC.ConverterBuilder({ ...preset, configs })(configFromTo(config));
    rawConverters.set(key, converter);
  }
  return converter;
}

/** opencc-js names configs by locale pairs; `ConverterBuilder` maps them back to the config names. */
function configFromTo(config: string): { from: string; to: string } {
  const [from, to] = config.split('2') as [string, string];
  const locale = (code: string): string => (code === 's' ? 'cn' : code);
  if (to === 'sp') return { from: `${from}p`, to: 'cn' };
  return { from: locale(from), to: locale(to) };
}
