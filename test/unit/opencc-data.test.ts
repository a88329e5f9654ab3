import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { trieByteLength, trieFromBytes } from '../../src/core/conversionTrie';
import { convertText } from '../../src/core/convert';
import { isOpenCCLoaded } from '../../src/core/opencc';
import * as vendor from '../../src/vendor/opencc';

// The compiled dictionaries' file, as esbuild copied it beside this bundle (out/test/unit/opencc.bin).
const file = readFileSync(join(__dirname, vendor.DATA_FILE));

describe('compiled OpenCC data (opencc.bin)', () => {
  it('has the size its layout says, every trie at a multiple of 8, none overlapping', () => {
    assert.equal(file.byteLength, vendor.BIN_BYTES);
    const spans = Object.values(vendor.TRIES).map((t) => [t.at, t.at + trieByteLength(t)] as const).sort((a, b) => a[0] - b[0]);
    assert.ok(spans[0]![0] >= 65536 * 2, 'tries start after the alphabet');
    for (const [i, [from, to]] of spans.entries()) {
      assert.equal(from % 8, 0);
      assert.ok(to <= file.byteLength);
      if (i > 0) assert.ok(from >= spans[i - 1]![1]);
    }
  });

  it('loads nothing before the first conversion; reads are exact copies of the file, aligned', () => {
    assert.equal(isOpenCCLoaded(), false);
    assert.equal(convertText('汉字', 's2t'), '漢字');
    const t = vendor.TRIES.t0!;
    const bytes = vendor.readBytes(t.at, trieByteLength(t));
    assert.equal(bytes.byteOffset % 8, 0);
    assert.deepEqual(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file.subarray(t.at, t.at + trieByteLength(t)));
  });

  it('refuses bytes of the wrong length or alignment instead of reading garbage', () => {
    const t = vendor.TRIES.t1!;
    const n = trieByteLength(t);
    assert.throws(() => trieFromBytes(new Uint8Array(n - 4), t), /wrong size or alignment/);
    assert.throws(() => trieFromBytes(new Uint8Array(n + 4).subarray(2, n + 2), t), /wrong size or alignment/);
  });

  it('on the web, views the whole file handed over (provideData) and gives the same bytes', () => {
    assert.throws(() => vendor.provideData(new Uint8Array(10)), /expected/);
    // An unaligned view, as a platform may hand over: copied once, then viewed.
    const unaligned = new Uint8Array(file.byteLength + 4);
    unaligned.set(file, 4);
    vendor.provideData(unaligned.subarray(4));
    for (const t of Object.values(vendor.TRIES)) {
      const bytes = vendor.readBytes(t.at, trieByteLength(t));
      assert.equal(bytes.byteOffset % 8, 0);
      assert.ok(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(file.subarray(t.at, t.at + trieByteLength(t))));
    }
    assert.equal(convertText('软件和鼠标', 's2twp'), '軟體和滑鼠');
  });
});
