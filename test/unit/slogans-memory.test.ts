import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getHeapSnapshot, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { findSlogans } from '../../src/core/slogans';

/** The strings of the heap as a snapshot lists them. */
async function heapStrings(): Promise<string[]> {
  let json = '';
  for await (const chunk of getHeapSnapshot()) json += chunk;
  return (JSON.parse(json) as { strings: string[] }).strings;
}

describe('slogan analysis memory', () => {
  it('keeps nothing of a document once the caller drops it (caches hold copies, not slices of it)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Random Han characters built at run time: the analysis keeps Han text in its own views of the document, and
    // outside those views this marker is in the heap only as this short string.
    const marker = String.fromCharCode(...Array.from({ length: 12 }, () => 0x4e00 + Math.floor(Math.random() * 0x5000)));
    // Short formulae inside running text: each needs the word-boundary test, whose verdicts are cached.
    const analyse = (): number => findSlogans(`${marker}\n` + '各地认真落实六稳工作要求，坚决整治四风问题，推进碳达峰工作，抓好三农工作。'.repeat(40)).length;
    assert.ok(analyse() > 0);
    gc();
    const all = await heapStrings();
    const kept = all.filter((s) => s.length > 200 && s.includes(marker));
    assert.deepEqual(kept.map((s) => s.slice(0, 40)), []);
  });
});
