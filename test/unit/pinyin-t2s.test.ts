/**
 * The pinyin reader's Traditional → Simplified table (src/core/generated/pinyinT2s.ts) converts exactly as the
 * full converter, convertText(…, 't2s'), and so reads every Traditional text as it did through it.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { convertText } from '../../src/core/convert';
import { T2S_CHARACTERS, T2S_NORMALIZATION, T2S_PHRASES } from '../../src/core/generated/pinyinT2s';
import { readingsOf } from '../../src/core/pinyin';
import { traditionalToSimplified, useFullConverterForTests } from '../../src/core/pinyin/t2s';

const fixtures = resolve(__dirname, '../../../test/fixtures');
const seed = '/work/shared/corpus/seed/zjxu-baba-2023.txt';

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? textFiles(path) : /\.(txt|json|jsonl|md)$/.test(name) ? [path] : [];
  });
}

/** Lines with Han characters of every text and JSON fixture (and of the seed, when the corpus is there), and their sentences. */
function sourceLines(): string[] {
  const files = textFiles(fixtures);
  if (existsSync(seed)) files.push(seed);
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split(/\r?\n/));
  const sentences = lines.flatMap((l) => [...l.split(/(?<=[。！？；])/u), ...l.split(/[，、：；。！？]/u)]);
  return [...new Set([...lines, ...sentences].filter((l) => /\p{Script=Han}/u.test(l)))];
}

describe('pinyin: Traditional read through the reading data’s t2s table', () => {
  // Built at test time: the fixtures' (and the seed's) lines in OpenCC standard, Taiwan (with and without Taiwan phrases) and Hong Kong forms.
  const lines = sourceLines();
  const traditional = [...new Set(lines.flatMap((l) => [convertText(l, 's2t'), convertText(l, 's2tw'), convertText(l, 's2hk'), convertText(l, 's2twp'), l]))];

  it('converts the fixtures in s2t, s2tw, s2twp and s2hk forms exactly as convertText(…, t2s)', () => {
    assert.ok(traditional.length >= 2000, `only ${traditional.length} strings`);
    let differing = 0;
    for (const t of traditional) {
      const want = convertText(t, 't2s');
      if (traditionalToSimplified(t) !== want) {
        differing++;
        assert.equal(traditionalToSimplified(t), want, t);
      }
    }
    assert.equal(differing, 0);
  });

  it('reads them exactly as through the full converter', () => {
    const fast = traditional.map((t) => readingsOf(t).join(' '));
    useFullConverterForTests(true);
    try {
      traditional.forEach((t, i) => assert.equal(fast[i], readingsOf(t).join(' '), t));
    } finally {
      useFullConverterForTests(false);
    }
  });

  it('converts every key of the table, alone and between other characters, as the full converter', () => {
    const keys = [T2S_CHARACTERS, T2S_NORMALIZATION].flatMap((packed) => packed.split('\u001e').map((e) => e.split('\u001f')[0]!));
    for (const line of T2S_PHRASES.split('\n')) {
      const first = String.fromCodePoint(line.codePointAt(0)!);
      for (const e of line.slice(first.length).split('\u001e')) keys.push(first + e.split('\u001f')[0]!);
    }
    assert.ok(keys.length > 5000);
    for (const k of keys) {
      for (const t of [k, `於${k}發`, `${k}${k}`, `乾${k}著`]) assert.equal(traditionalToSimplified(t), convertText(t, 't2s'), t);
    }
  });

  it('converts every BMP and extension-B Han character alone as the full converter', () => {
    const ranges: Array<[number, number]> = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2a6df], [0x2f800, 0x2fa1f]];
    for (const [from, to] of ranges) {
      let block = '';
      for (let cp = from; cp <= to; cp++) {
        const c = String.fromCodePoint(cp);
        block += c;
        if (traditionalToSimplified(c) !== convertText(c, 't2s')) assert.fail(`U+${cp.toString(16)} ${c}`);
      }
      assert.equal(traditionalToSimplified(block), convertText(block, 't2s'));
    }
  });

  it('leaves what the table cannot mirror to the full converter: ideographic description sequences, lone surrogates', () => {
    for (const t of ['⿰車車輛', '⿱⿰木木車', '車\ud800輛', '\udc00發']) assert.equal(traditionalToSimplified(t), convertText(t, 't2s'));
  });
});
