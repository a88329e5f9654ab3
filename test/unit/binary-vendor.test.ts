/**
 * The reading data and the glosses as binary files (src/vendor/binaryVendor.ts): what the extension loads from
 * dist/data is exactly the generated modules' data, and the core reads the same through it as through the modules.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { indexLines, type LineTable } from '../../src/core/pinyin/packedLines';
import { BINARY_VENDORS, packVendor, unpackVendor } from '../../src/vendor/binaryVendor';
import * as cedict from '../../src/vendor/cedict';
import * as pinyin from '../../src/vendor/pinyin';

const MODULES: Record<keyof typeof BINARY_VENDORS, Record<string, unknown>> = { pinyin, cedict };
const root = resolve(__dirname, '../../..');

/** The exports as build.mjs packs them: base64 exports as their bytes. */
function packed(name: keyof typeof BINARY_VENDORS): Record<string, unknown> {
  const exports: Record<string, unknown> = { ...MODULES[name] };
  for (const key of BINARY_VENDORS[name].base64) exports[key] = new Uint8Array(Buffer.from(exports[key] as string, 'base64'));
  return exports;
}

/** A line table as the string it holds. */
const text = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || !('units' in value)) return value;
  const { units } = value as LineTable;
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
};

describe('binary vendor files', () => {
  for (const name of Object.keys(BINARY_VENDORS) as Array<keyof typeof BINARY_VENDORS>) {
    const spec = BINARY_VENDORS[name];
    it(`${name}: unpacking the packed exports gives every export back (line tables as code units and their index)`, () => {
      const exports = packed(name);
      const file = packVendor(exports, spec.units);
      for (const offset of [0, 1, 3]) {
        // A file read into an unaligned buffer still gives aligned views.
        const shifted = new Uint8Array(file.length + offset).subarray(offset);
        shifted.set(file);
        // As Node reads it (a Buffer, whose slice() is a view) and as a plain Uint8Array.
        const back = unpackVendor(offset === 1 ? Buffer.from(shifted.buffer, shifted.byteOffset, shifted.byteLength) : shifted);
        assert.deepEqual(Object.keys(back).sort(), Object.keys(exports).sort());
        for (const [key, value] of Object.entries(exports)) {
          const got = back[key];
          if ((spec.units as readonly string[]).includes(key)) assert.ok((got as LineTable).units instanceof Uint16Array, key);
          if (value instanceof Uint8Array) {
            assert.deepEqual(Buffer.from(got as Uint8Array), Buffer.from(value), key);
            assert.ok(!Buffer.isBuffer(got), `${key}: a plain Uint8Array, so that slice() copies`);
          }
          else assert.equal(text(got), value, key);
        }
      }
    });

    it(`${name}: a line table read as code units finds what the string finds`, () => {
      const back = unpackVendor(packVendor(packed(name), spec.units));
      for (const key of spec.units) {
        const source = MODULES[name][key] as string;
        const fromString = indexLines(source);
        const fromUnits = indexLines(back[key] as LineTable);
        const firsts = new Set(source.split('\n').map((line) => String.fromCodePoint(line.codePointAt(0) ?? 0x20)));
        assert.ok(firsts.size > 100, key);
        for (const first of [...firsts, 'a', '𠮷', '丁丁', '']) assert.equal(fromUnits.get(first), fromString.get(first), `${key} ${first}`);
      }
    });

    it(`${name}: dist/data/${name}.bin is the packed generated data (after node scripts/build.mjs)`, { skip: existsSync(resolve(root, 'dist/data', `${name}.bin`)) ? false : 'not built' }, () => {
      const built = readFileSync(resolve(root, 'dist/data', `${name}.bin`));
      assert.ok(Buffer.from(packVendor(packed(name), spec.units)).equals(built), 'dist is stale or the build packs differently: run node scripts/build.mjs');
    });
  }

  it('rejects a file that is not one', () => {
    assert.throws(() => unpackVendor(new Uint8Array(16)), /magic/);
    const file = packVendor({ A: 'x'.repeat(100) });
    assert.throws(() => unpackVendor(file.subarray(0, file.length - 8)), /past the end/);
  });
});
