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
import { applyChanges, changesMismatch, changesMismatchSteps, COMPARE_SLICE_CHARS, createAnalyzer } from '../../src/analysis/analyzer';
import { adjacentSlogan, locateSlogan, packEdits, packFacet, spansOf, unpackEdits, unpackFacet } from '../../src/analysis/packing';
import type { FromWorker, ToWorker } from '../../src/analysis/protocol';
import { analyzeBoilerplate } from '../../src/core/boilerplate';
import { countScripts, findMinorityCharacters } from '../../src/core/script';
import { SETTINGS_DEFAULTS, settingsWith, toCoreOptions } from '../../src/core/settings';
import { findSlogans, lineBlocksToRanges, nextOccurrence, sloganAt, type Slogan } from '../../src/core/slogans';
import { applyEdits, countHan } from '../../src/core/text';

const ROOT = resolve(__dirname, '../../..');
const TEXT = '深入實施“八八戰略”\n\n來源 : 東海日報    作者 :      時間 : 2024-03-12    點擊數:87  打印\n\n'
  + '會議強調，要牢牢把握以“兩個先行”打造“重要窗口”的目標要求，深入實施“八八戰略”，把高質量發展作為首要任務。〇𠮷\n'.repeat(6)
  + '聯繫我們\nCopyright © 臨江學院 版權所有\n';
const OPTIONS = toCoreOptions(SETTINGS_DEFAULTS);

function harness() {
  const received: FromWorker[] = [];
  const tasks: Array<() => void> = [];
  // As the host reads them: packed values unpacked (what the service does with every result).
  const analyzer = createAnalyzer((m) => received.push(m.type === 'result' ? { ...m, value: unpackFacet(m.value) } : m), (run) => tasks.push(run));
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
      assert.deepEqual(unpackFacet((message as { value: unknown }).value), findSlogans(TEXT, { ...OPTIONS.slogans, excludedRanges: lineBlocksToRanges(TEXT, boilerplate.blocks) }));
    } finally {
      await worker.terminate();
    }
  });

  it('keeps its copy of the text up to date from edits, and asks for the whole text when it missed one', () => {
    const h = harness();
    h.send({ type: 'text', doc: 'd', version: 1, text: TEXT });
    // One event's changes come bottom-up, at offsets of the text before the edit.
    const changes = [{ offset: TEXT.length - 5, length: 2, text: '八八戰略' }, { offset: 4, length: 0, text: '字字' }, { offset: 0, length: 1, text: '' }];
    const edited = TEXT.slice(1, 4) + '字字' + TEXT.slice(4, TEXT.length - 5) + '八八戰略' + TEXT.slice(TEXT.length - 3);
    h.send({ type: 'edit', doc: 'd', from: 1, version: 2, changes });
    h.send({ type: 'analyze', id: 1, doc: 'd', version: 2, facet: 'slogans', optionsKey: 'k', options: OPTIONS });
    h.send({ type: 'analyze', id: 2, doc: 'd', version: 2, facet: 'han', optionsKey: 'k', options: OPTIONS });
    h.drain();
    // An edit from a version the worker does not have: it forgets the text rather than edit the wrong one.
    h.send({ type: 'edit', doc: 'd', from: 7, version: 8, changes: [{ offset: 0, length: 0, text: 'x' }] });
    h.send({ type: 'analyze', id: 3, doc: 'd', version: 8, facet: 'han', optionsKey: 'k', options: OPTIONS });
    h.drain();
    const boilerplate = analyzeBoilerplate(edited, OPTIONS.boilerplate);
    assert.deepEqual((h.received[0] as { value: unknown }).value, findSlogans(edited, { ...OPTIONS.slogans, excludedRanges: lineBlocksToRanges(edited, boilerplate.blocks) }));
    assert.equal((h.received[1] as { value: unknown }).value, countHan(edited));
    assert.deepEqual(h.received[2], { type: 'cancelled', id: 3, missing: true });
  });

  it('adopts its own job\'s edits as the next version when the host says it applied exactly them, and only then', () => {
    const h = harness();
    h.send({ type: 'text', doc: 'd', version: 1, text: TEXT });
    h.send({ type: 'edits', id: 5, doc: 'd', version: 1, job: { kind: 'convert', config: 't2s', options: {} }, ranges: [[0, TEXT.length]], maxEdits: 4, keptLines: [], keptOffsets: [] });
    h.drain();
    const result = h.received.find((m) => m.id === 5 && m.type === 'result') as { value: Parameters<typeof unpackEdits>[0] };
    const converted = applyEdits(TEXT, unpackEdits(result.value));
    assert.notEqual(converted, TEXT);
    h.send({ type: 'adopt', doc: 'd', job: 5, from: 1, version: 2 });
    h.send({ type: 'analyze', id: 6, doc: 'd', version: 2, facet: 'slogans', optionsKey: 'k', options: OPTIONS });
    h.send({ type: 'analyze', id: 7, doc: 'd', version: 2, facet: 'scripts', optionsKey: 'k', options: OPTIONS });
    h.drain();
    const boilerplate = analyzeBoilerplate(converted, OPTIONS.boilerplate);
    assert.deepEqual((h.received.find((m) => m.id === 6) as { value: unknown }).value, findSlogans(converted, { ...OPTIONS.slogans, excludedRanges: lineBlocksToRanges(converted, boilerplate.blocks) }));
    assert.deepEqual((h.received.find((m) => m.id === 7) as { value: unknown }).value, { counts: countScripts(converted), hasHan: true });
    // Adopted once: a second adopt (or one for another job, or after another edit) forgets the text instead.
    h.send({ type: 'adopt', doc: 'd', job: 5, from: 2, version: 3 });
    h.send({ type: 'analyze', id: 8, doc: 'd', version: 3, facet: 'han', optionsKey: 'k', options: OPTIONS });
    h.drain();
    assert.deepEqual(h.received.find((m) => m.id === 8), { type: 'cancelled', id: 8, missing: true });
    h.send({ type: 'text', doc: 'd', version: 10, text: TEXT });
    h.send({ type: 'edits', id: 9, doc: 'd', version: 10, job: { kind: 'convert', config: 't2s', options: {} }, ranges: [[0, TEXT.length]], maxEdits: 4, keptLines: [], keptOffsets: [] });
    h.drain();
    h.send({ type: 'edit', doc: 'd', from: 10, version: 11, changes: [{ offset: 0, length: 0, text: '字' }] });
    h.send({ type: 'adopt', doc: 'd', job: 9, from: 11, version: 12 });
    h.send({ type: 'analyze', id: 10, doc: 'd', version: 12, facet: 'han', optionsKey: 'k', options: OPTIONS });
    h.drain();
    assert.deepEqual(h.received.find((m) => m.id === 10), { type: 'cancelled', id: 10, missing: true });
  });

  it('drops a job\'s edits when the host says the command did not apply them (release), another job\'s only for that one', () => {
    const h = harness();
    const job = (id: number): ToWorker => ({ type: 'edits', id, doc: 'd', version: 1, job: { kind: 'convert', config: 't2s', options: {} }, ranges: [[0, TEXT.length]], maxEdits: 4, keptLines: [], keptOffsets: [] });
    h.send({ type: 'text', doc: 'd', version: 1, text: TEXT });
    h.send(job(5));
    h.drain();
    // A release of another job keeps job 5's edits: adopting them still works.
    h.send({ type: 'release', doc: 'd', job: 4 });
    h.send({ type: 'adopt', doc: 'd', job: 5, from: 1, version: 2 });
    h.send({ type: 'analyze', id: 6, doc: 'd', version: 2, facet: 'han', optionsKey: 'k', options: OPTIONS });
    h.drain();
    assert.equal((h.received.find((m) => m.id === 6) as { value: unknown }).value, countHan(TEXT));
    // Released: the worker keeps its text, but an adopt of the released job forgets it instead of applying edits.
    h.send({ type: 'text', doc: 'd', version: 1, text: TEXT });
    h.send(job(7));
    h.drain();
    h.send({ type: 'release', doc: 'd', job: 7 });
    h.send({ type: 'analyze', id: 8, doc: 'd', version: 1, facet: 'han', optionsKey: 'k', options: OPTIONS });
    h.drain();
    h.send({ type: 'adopt', doc: 'd', job: 7, from: 1, version: 2 });
    h.send({ type: 'analyze', id: 9, doc: 'd', version: 2, facet: 'han', optionsKey: 'k', options: OPTIONS });
    h.drain();
    assert.equal((h.received.find((m) => m.id === 8) as { value: unknown }).value, countHan(TEXT));
    assert.deepEqual(h.received.find((m) => m.id === 9), { type: 'cancelled', id: 9, missing: true });
  });

  it('compares a whole-document change with the job\'s edits in slices, exactly (changesMismatchSteps)', () => {
    // 3,000 edits of 1,000 characters, as VS Code reports an edit of 1,000 or more replacements: one change.
    const edits = Array.from({ length: 3000 }, (_, i) => ({ offset: i * 10, length: 5, text: '會'.repeat(999) + String(i % 10) }));
    const gap = '汉字一二三';
    const text = edits.map((e, i) => (i ? gap : '') + e.text).join('');
    const change = { offset: 0, length: edits[edits.length - 1]!.offset + 5, text };
    const run = (c: typeof change): { yields: number; result: string | undefined } => {
      const steps = changesMismatchSteps([c], edits);
      let yields = 0;
      for (;;) {
        const step = steps.next();
        if (step.done) return { yields, result: step.value };
        yields++;
      }
    };
    const same = run(change);
    assert.equal(same.result, undefined);
    assert.ok(same.yields >= Math.floor(text.length / COMPARE_SLICE_CHARS) - 1 && same.yields > 1, `${same.yields} yields`);
    // One character differs near the end: found all the same, as by the one-piece comparison.
    const late = { ...change, text: text.slice(0, -3) + 'x' + text.slice(-2) };
    assert.ok(run(late).result);
    assert.equal(run(late).result, changesMismatch([late], edits));
    // One long edit is compared in slices too.
    const long = [{ offset: 0, length: 1, text: '會'.repeat(3 * COMPARE_SLICE_CHARS) }];
    const steps = changesMismatchSteps([{ offset: 0, length: 1, text: long[0]!.text }], long);
    let yields = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) yields++;
    assert.ok(yields >= 2, `${yields} yields`);
    assert.ok(changesMismatch([{ offset: 0, length: 1, text: long[0]!.text.slice(1) + '字' }], long));
  });

  it('tells an edit event that is exactly a job\'s edits from one VS Code changed on the way', () => {
    const edits = [{ offset: 2, length: 1, text: '这' }, { offset: 5, length: 2, text: '发展' }, { offset: 9, length: 0, text: '' }];
    // VS Code reports one edit's changes bottom-up.
    const reported = [...edits].reverse().map((e) => ({ ...e }));
    assert.equal(changesMismatch(reported, edits), undefined);
    assert.ok(changesMismatch(edits.map((e) => ({ ...e })), edits), 'top-down is another edit');
    assert.ok(changesMismatch(reported.slice(1), edits), 'one change fewer (merged)');
    assert.ok(changesMismatch(reported.map((c, i) => (i === 1 ? { ...c, text: '發展' } : c)), edits), 'another text');
    assert.ok(changesMismatch(reported.map((c, i) => (i === 0 ? { ...c, length: 1 } : c)), edits), 'another length');
    assert.ok(changesMismatch(reported.map((c, i) => (i === 2 ? { ...c, offset: 1 } : c)), edits), 'another place');
    assert.equal(changesMismatch([], []), undefined);
    // 1,000 replacements or more: VS Code applies them as one change over the text from the first to the last.
    const text = 'ab發c展de體制f';
    const many = [{ offset: 2, length: 1, text: '发' }, { offset: 4, length: 1, text: '展开' }, { offset: 7, length: 2, text: '体制' }];
    const whole = applyEdits(text, many);
    const collapsed = { offset: 2, length: 7, text: whole.slice(2, whole.length - 1) };
    assert.equal(collapsed.text, '发c展开de体制');
    assert.equal(changesMismatch([collapsed], many), undefined);
    // Runs of consecutive edits merged, the rest as they are (bottom-up).
    assert.equal(changesMismatch([many[2]!, { offset: 2, length: 3, text: '发c展开' }], many), undefined);
    assert.ok(changesMismatch([{ ...collapsed, text: collapsed.text.replace('体', '體') }], many), 'an edit\'s text differs');
    assert.ok(changesMismatch([{ ...collapsed, text: collapsed.text + 'x' }], many), 'more text than the edits make');
    assert.ok(changesMismatch([{ ...collapsed, length: 6, text: collapsed.text.slice(0, -1) }], many), 'ends inside an edit');
    assert.ok(changesMismatch([{ offset: 2, length: 3, text: '发c展开' }], many), 'an edit left out');
    assert.ok(changesMismatch([{ ...collapsed, text: collapsed.text.replace('\n', '\r\n') }, many[0]!], many), 'a change beyond the edits');
    // The packed form the worker sends unpacks to the same edits.
    assert.deepEqual(unpackEdits(structuredClone(packEdits({ edits, count: 3 }))), edits);
  });

  it('applies changes in one pass when bottom-up and one by one otherwise, as VS Code applies them', () => {
    const text = 'abcdefghij';
    assert.equal(applyChanges(text, [{ offset: 8, length: 1, text: 'XY' }, { offset: 2, length: 3, text: '' }, { offset: 0, length: 0, text: '>' }]), '>abfghXYj');
    // Not bottom-up: each change's offsets are into the text after the ones before it.
    assert.equal(applyChanges(text, [{ offset: 0, length: 0, text: '>' }, { offset: 3, length: 1, text: 'C' }]), '>abCdefghij');
    assert.equal(applyChanges(text, []), text);
  });

  it('packs slogans into transferred typed arrays that unpack to the same slogans, occurrences built on first read', () => {
    const slogans = findSlogans(TEXT, OPTIONS.slogans);
    const packed = packFacet('slogans', slogans);
    assert.ok(packed.transfer.length > 0 && packed.transfer.every((b) => b instanceof ArrayBuffer));
    const cloned = structuredClone(packed.value, { transfer: packed.transfer });
    const unpacked = unpackFacet(cloned) as Slogan[];
    assert.deepEqual(unpacked, slogans);
    assert.deepEqual(JSON.parse(JSON.stringify(unpacked)), JSON.parse(JSON.stringify(slogans)));
    assert.deepEqual([...spansOf(unpacked[0]!).offsets], slogans[0]!.occurrences.map((o) => o.offset));
    // Packing what was unpacked (the in-process fallback hands values on as they are) gives the same again.
    assert.deepEqual(unpackFacet(packFacet('slogans', unpacked).value), slogans);
  });

  it('finds the slogan under an offset and the next and previous one exactly as the core does', () => {
    const text = TEXT + '八八战略八八战略“八八战略”，兩個先行兩個先行\n' + TEXT;
    const slogans = unpackFacet(structuredClone(packFacet('slogans', findSlogans(text, OPTIONS.slogans)).value)) as Slogan[];
    const plain = findSlogans(text, OPTIONS.slogans);
    assert.ok(plain.length > 2);
    const pick = (hit: { slogan: Slogan; occurrence: { offset: number; length: number }; index: number } | undefined) =>
      hit && { phrase: hit.slogan.phrase, offset: hit.occurrence.offset, length: hit.occurrence.length, index: hit.index };
    for (let offset = -1; offset <= text.length + 1; offset++) {
      assert.deepEqual(pick(locateSlogan(slogans, offset)), pick(sloganAt(plain, offset)), `slogan at ${offset}`);
      for (const direction of ['next', 'previous'] as const) {
        assert.deepEqual(pick(adjacentSlogan(slogans, offset, direction)), pick(nextOccurrence(plain, offset, direction)), `${direction} from ${offset}`);
      }
    }
    assert.equal(adjacentSlogan([], 0, 'next'), undefined);
  });

  it('packs minority-script characters (astral ones too) and unpacks them unchanged', () => {
    const text = '這是繁體文字，其中有个别简体字𠮷，還有发展。';
    const counts = countScripts(text);
    const characters = findMinorityCharacters(text, counts).map((m) => ({ offset: m.offset, char: m.char, counterpart: m.counterpart, script: m.script }));
    assert.ok(characters.length >= 3);
    const packed = packFacet('minority', { counts, characters });
    const unpacked = unpackFacet(structuredClone(packed.value, { transfer: packed.transfer })) as { counts: unknown; characters: unknown };
    assert.deepEqual(unpacked.counts, counts);
    assert.deepEqual(unpacked.characters, characters);
  });
});
