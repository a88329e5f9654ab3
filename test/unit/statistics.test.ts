import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentStatistics } from '../../src/core/statistics';

describe('documentStatistics', () => {
  it('counts Han characters, punctuation, Latin words, lines and paragraphs', () => {
    assert.deepEqual(documentStatistics('深入實施“八八戰略”。\r\n\r\nVS Code 與 𠮷野家\n'), {
      han: 12, distinctHan: 11, punctuation: 3, latinWords: 2, lines: 3, paragraphs: 2,
    });
  });

  it('is all zeros for an empty text', () => {
    assert.deepEqual(documentStatistics(''), { han: 0, distinctHan: 0, punctuation: 0, latinWords: 0, lines: 0, paragraphs: 0 });
  });
});
