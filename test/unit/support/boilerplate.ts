/** What the boilerplate tests read off a page: its fixture, the folded lines, and where a phrase stands. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoilerplateResult } from '../../../src/core/boilerplate';
import { splitLines } from '../../../src/core/text';
import { ROOT } from './cli';

export const fixture = (name: string): string => readFileSync(join(ROOT, 'test/fixtures/boilerplate', name), 'utf8');

/** Line indices inside any block. */
export function folded(result: BoilerplateResult): Set<number> {
  const lines = new Set<number>();
  for (const b of result.blocks) for (let i = b.start; i <= b.end; i++) lines.add(i);
  return lines;
}

/** Indices of the lines that contain `needle`. */
export function linesWith(text: string, needle: string): number[] {
  const found = splitLines(text).flatMap((l, i) => (l.includes(needle) ? [i] : []));
  assert.ok(found.length > 0, `fixture has no line with ${needle}`);
  return found;
}
