/**
 * The README's corpus recipes, run as written (docs/recipes/corpus-scan.md): DuckDB's queries over `zhdoc scan`
 * output return the expected counts and keyness on the fixture corpus, and the Dask distributed program on a
 * 2-worker LocalCluster gives exactly the rows of a single-process scan. Dask comes from Debian
 * (python3-distributed), installed by scripts/install-dask.sh when missing; the test is skipped, saying why, only
 * where apt cannot install it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { compareCounts, logLikelihood, sumPhraseCounts } from '../../src/core/corpus';
import { CLI, ROOT, zhdoc } from './support/cli';

const recipes = readFileSync(join(ROOT, 'docs/recipes/corpus-scan.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'zhdoc-recipes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function recipe(name: string, scanFile: string): string {
  const block = [...recipes.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!).find((sql) => sql.startsWith(`-- recipe: ${name}\n`));
  assert.ok(block, `docs/recipes/corpus-scan.md has the ${name} recipe`);
  return block.replace(/'scan\.jsonl'/g, `'${scanFile.replace(/'/g, "''")}'`);
}

async function query(sql: string): Promise<Array<Record<string, unknown>>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>;
  } finally {
    connection.closeSync();
  }
}

describe('DuckDB recipes over zhdoc scan output', () => {
  const scanFile = join(dir, 'scan.jsonl');
  const scan = zhdoc(['scan', '-q', join(ROOT, 'test/fixtures/corpus/corpus.jsonl')]);
  writeFileSync(scanFile, scan.stdout);

  it('counts known formulae per year and source', async () => {
    assert.equal(scan.status, 0, scan.stderr);
    const rows = await query(recipe('frequency', scanFile));
    const got = rows.map((r) => `${r.year} ${r.source} ${r.phrase} ${r.count}`);
    assert.deepEqual(got, [
      '2022 gov 供给侧结构性改革 2', '2022 gov 高质量发展 2', '2022 gov 共同富裕 1', '2022 gov 坚持在发展中保障和改善民生 1',
      '2022 news 中国式现代化 1', '2022 news 供给侧结构性改革 1', '2022 news 强国建设、民族复兴伟业 1', '2022 news 高质量发展 1',
      '2023 gov 新质生产力 2', '2023 gov 供给侧结构性改革 1', '2023 gov 高质量发展 1',
      '2023 news 中国式现代化 2', '2023 news 强国建设、民族复兴伟业 2', '2023 news 共同富裕 1', '2023 news 坚持在发展中保障和改善民生 1', '2023 news 新质生产力 1',
    ]);
  });

  it('computes keyness between 2022 and 2023 as the extension does', async () => {
    const rows = await query(recipe('keyness', scanFile));
    const docs = scan.stdout.trim().split('\n').map((l) => JSON.parse(l) as { year: number; han_chars: number; slogans: Array<{ phrase: string; kind: string; count: number }> });
    const side = (year: number) => docs.filter((d) => d.year === year);
    const counts = (year: number) => sumPhraseCounts(side(year).map((d) => d.slogans.map((s) => ({ key: s.phrase, ...s }))));
    const size = (year: number) => side(year).reduce((n, d) => n + d.han_chars, 0);
    const byPhrase = new Map(rows.map((r) => [String(r.phrase), r]));
    const xinzhi = byPhrase.get('新质生产力')!;
    assert.equal(xinzhi.count_a, 0);
    assert.equal(xinzhi.count_b, 3);
    assert.equal(xinzhi.found_in, 'only 2023');
    // The periods' sizes are the documents' 字数, as the scan rows give them.
    assert.ok(size(2022) > 300 && size(2023) > 400);
    assert.ok(Math.abs(Number(xinzhi.log_likelihood) - logLikelihood(0, 3, size(2022), size(2023))) < 1e-9);
    assert.equal(byPhrase.get('共同富裕')!.found_in, 'both');
    // The same table the Compare Slogans view computes from the same rows.
    const core = compareCounts(counts(2022), size(2022), counts(2023), size(2023));
    assert.equal(rows.length, core.rows.length);
    for (const r of core.rows) assert.ok(Math.abs(Number(byPhrase.get(r.phrase)!.log_likelihood) - r.logLikelihood) < 1e-9, r.phrase);
  });
});

describe('Dask distributed recipe', () => {
  it('maps zhdoc scan over partitions on a 2-worker LocalCluster, equal to a single-process scan', (t) => {
    const setup = spawnSync('bash', [join(ROOT, 'scripts/install-dask.sh')], { encoding: 'utf8' });
    if (setup.status === 3) {
      t.skip(`python3-distributed cannot be installed here: ${setup.stderr.trim()}`);
      return;
    }
    assert.equal(setup.status, 0, `scripts/install-dask.sh failed: ${setup.stderr}`);
    const base = readFileSync(join(ROOT, 'test/fixtures/corpus/corpus.jsonl'), 'utf8').trim().split('\n');
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) {
      const record = JSON.parse(base[i % base.length]!) as { id: string; text: string };
      lines.push(JSON.stringify({ ...record, id: `${record.id}#${i}` }));
    }
    const input = join(dir, 'corpus.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const single = zhdoc(['scan', '-q', input]);
    assert.equal(single.status, 0, single.stderr);
    const output = join(dir, 'dask.jsonl');
    // About 10 kB per partition: several partitions, so both workers get some.
    const dask = spawnSync('/usr/bin/python3', [join(ROOT, 'docs/recipes/dask_scan.py'), input, output, '--workers', '2', '--blocksize', '10kB', '--zhdoc', CLI], { encoding: 'utf8', timeout: 240_000 });
    assert.equal(dask.status, 0, dask.stderr);
    assert.match(dask.stderr, /dask_scan: ([3-9]|\d{2,}) partitions, 0 bad lines/);
    assert.equal(readFileSync(output, 'utf8'), single.stdout);
  });
});
