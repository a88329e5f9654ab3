/**
 * The document analysis as the worker runs it: each facet equals the core function's own result, stale work
 * is dropped, a failure in one facet leaves the others working, and the real worker_threads bundle
 * (dist/analysisWorker.js, built before the unit tests) answers with plain data.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createAnalyzer } from '../../src/analysis/analyzer';
import type { FromWorker, ToWorker } from '../../src/analysis/protocol';
import { analyzeBoilerplate } from '../../src/core/boilerplate';
import { countScripts } from '../../src/core/script';
import { SETTINGS_DEFAULTS, settingsWith, toCoreOptions } from '../../src/core/settings';
import { findSlogans, lineBlocksToRanges } from '../../src/core/slogans';
import { countHan } from '../../src/core/text';

const ROOT = resolve(__dirname, '../../..');
const TEXT = '深入實施“八八戰略”\n\n來源 : 東海日報    作者 :      時間 : 2024-03-12    點擊數:87  打印\n\n'
  + '會議強調，要牢牢把握以“兩個先行”打造“重要窗口”的目標要求，深入實施“八八戰略”，把高質量發展作為首要任務。〇𠮷\n'.repeat(6)
  + '聯繫我們\nCopyright © 臨江學院 版權所有\n';
const OPTIONS = toCoreOptions(SETTINGS_DEFAULTS);

function harness() {
  const received: FromWorker[] = [];
  const tasks: Array<() => void> = [];
  const analyzer = createAnalyzer((m) => received.push(m), (run) => tasks.push(run));
  const drain = (): void => {
    while (tasks.length) tasks.shift()!();
  };
  return { received, drain, send: (m: ToWorker) => analyzer.receive(m) };
}

describe('document analysis (worker side)', () => {
  it('computes each facet exactly as the core does', () => {
    const h = harness();
    h.send({ type: 'text', doc: 'd', version: 1, text: TEXT });
    const facets = ['han', 'scripts', 'boilerplate', 'slogans'] as const;
    facets.forEach((facet, id) => h.send({ type: 'analyze', id, doc: 'd', version: 1, facet, optionsKey: 'k', options: OPTIONS }));
    h.drain();
    const value = (id: number): unknown => (h.received.find((m) => m.id === id) as { value: unknown }).value;
    assert.equal(value(0), countHan(TEXT));
    assert.deepEqual(value(1), { counts: countScripts(TEXT), hasHan: true });
    const boilerplate = analyzeBoilerplate(TEXT, OPTIONS.boilerplate);
    assert.deepEqual(value(2), { lines: boilerplate.lines, blocks: boilerplate.blocks, ignoredCues: boilerplate.ignoredCues });
    assert.deepEqual(value(3), findSlogans(TEXT, { ...OPTIONS.slogans, excludedRanges: lineBlocksToRanges(TEXT, boilerplate.blocks) }));
  });

  it('drops a request whose version a newer text replaced before it ran', () => {
    const h = harness();
    h.send({ type: 'text', doc: 'd', version: 1, text: TEXT });
    h.send({ type: 'analyze', id: 1, doc: 'd', version: 1, facet: 'slogans', optionsKey: 'k', options: OPTIONS });
    h.send({ type: 'text', doc: 'd', version: 2, text: TEXT + '八八战略' });
    h.send({ type: 'analyze', id: 2, doc: 'd', version: 2, facet: 'han', optionsKey: 'k', options: OPTIONS });
    h.drain();
    assert.deepEqual(h.received.map((m) => [m.id, m.type]), [[1, 'cancelled'], [2, 'result']]);
  });

  it('reports a failing facet as an error and keeps answering the others', () => {
    const h = harness();
    h.send({ type: 'text', doc: 'd', version: 1, text: TEXT });
    h.send({ type: 'fault', facet: 'boilerplate', times: 1 });
    h.send({ type: 'analyze', id: 1, doc: 'd', version: 1, facet: 'boilerplate', optionsKey: 'k', options: OPTIONS });
    h.send({ type: 'analyze', id: 2, doc: 'd', version: 1, facet: 'han', optionsKey: 'k', options: OPTIONS });
    h.send({ type: 'analyze', id: 3, doc: 'd', version: 1, facet: 'boilerplate', optionsKey: 'k', options: OPTIONS });
    h.drain();
    assert.equal(h.received[0]!.type, 'error');
    assert.match((h.received[0] as { message: string }).message, /fault injected into the boilerplate analysis/);
    assert.deepEqual(h.received.slice(1).map((m) => m.type), ['result', 'result']);
  });

  it('honours the options it is sent (known-only, user lexicon)', () => {
    const h = harness();
    const options = toCoreOptions(settingsWith({ 'slogans.discover': false }), [{ phrase: '首要任务', category: '用户', year: null, abbreviations: [], source: null }] as never);
    h.send({ type: 'text', doc: 'd', version: 1, text: TEXT });
    h.send({ type: 'analyze', id: 1, doc: 'd', version: 1, facet: 'slogans', optionsKey: 'u', options });
    h.drain();
    const slogans = (h.received[0] as { value: Array<{ phrase: string; kind: string }> }).value;
    assert.ok(slogans.some((s) => s.phrase === '首要任务' && s.kind === 'known'));
    assert.ok(slogans.every((s) => s.kind === 'known'));
  });

  it('runs in a real worker thread from dist/analysisWorker.js', { skip: !existsSync(join(ROOT, 'dist/analysisWorker.js')) && 'dist not built' }, async () => {
    const worker = new Worker(join(ROOT, 'dist/analysisWorker.js'));
    try {
      const answer = new Promise<FromWorker>((r) => worker.once('message', r));
      worker.postMessage({ type: 'text', doc: 'd', version: 1, text: TEXT } satisfies ToWorker);
      worker.postMessage({ type: 'analyze', id: 7, doc: 'd', version: 1, facet: 'slogans', optionsKey: 'k', options: OPTIONS } satisfies ToWorker);
      const message = await answer;
      assert.equal(message.type, 'result');
      const boilerplate = analyzeBoilerplate(TEXT, OPTIONS.boilerplate);
      assert.deepEqual((message as { value: unknown }).value, findSlogans(TEXT, { ...OPTIONS.slogans, excludedRanges: lineBlocksToRanges(TEXT, boilerplate.blocks) }));
    } finally {
      await worker.terminate();
    }
  });
});
