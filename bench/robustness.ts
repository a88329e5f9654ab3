/**
 * Adversarial inputs (issue #13), each with wall time and peak RSS of the process that ran it:
 *  - one unpunctuated Han run of 1 MB (UTF-8) through the `pinyin` CLI and through Annotate's core call;
 *  - hostile boilerplate cues (ReDoS) through the `boilerplate` CLI and the core;
 *  - `convert`, `pinyin`, `script` on a 200 MB file (ZHDOC_BENCH_MB to change), against `cat` as baseline;
 *  - 1 GB of NUL bytes (/dev/zero-like) on standard input.
 * The generated texts are the project's own test fixtures repeated, never corpus text.
 * Usage: npm run bench:robustness   (ZHDOC_BENCH_MB=50 for a quicker run)
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { detectBoilerplate } from '../src/core/boilerplate';
import { pinyin as rawPinyin } from 'pinyin-pro';
import { annotatePinyin, toPinyinText } from '../src/core/pinyin';

const root = resolve(__dirname, '../..');
const CLI = join(root, 'dist/cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'zhdoc-robustness-'));
const BIG_MB = Number(process.env.ZHDOC_BENCH_MB ?? 200);

interface Run {
  readonly ms: number;
  readonly rssMb: number;
  readonly status: number | null;
  readonly stderr: string;
  readonly outBytes: number;
}

/** Peak RSS of the child, read from its own getrusage at exit (main thread and worker together). */
const RSS_HOOK = join(tmp, 'rss-hook.js');
writeFileSync(RSS_HOOK, `process.on('exit', () => { if (require('node:worker_threads').isMainThread) require('node:fs').writeFileSync(process.env.ZHDOC_RSS_FILE, String(process.resourceUsage().maxRSS)); });`);

/** Runs a command with stdin from a file (or none), stdout counted and thrown away. */
function run(command: string, args: readonly string[], stdinFile?: string, stdinBytes?: { byte: number; size: number }): Promise<Run> {
  const rssFile = join(tmp, `rss-${Math.random()}`);
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(command, command === process.execPath ? ['-r', RSS_HOOK, ...args] : args, { env: { ...process.env, ZHDOC_RSS_FILE: rssFile }, stdio: ['pipe', 'pipe', 'pipe'] });
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (outBytes += b.length));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdin.on('error', () => undefined);
    if (stdinFile) createReadStream(stdinFile).pipe(child.stdin);
    else if (stdinBytes) {
      // A generator of bytes, like /dev/zero through `head -c`: written as long as the child reads.
      const block = Buffer.alloc(1024 * 1024, stdinBytes.byte);
      let left = stdinBytes.size;
      const pump = (): void => {
        while (left > 0) {
          left -= block.length;
          if (!child.stdin.write(block)) return void child.stdin.once('drain', pump);
        }
        child.stdin.end();
      };
      pump();
    } else child.stdin.end();
    child.on('close', (status) => {
      const ms = performance.now() - t0;
      let rssMb = NaN;
      if (existsSync(rssFile)) rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      done({ ms, rssMb, status, stderr: stderr.trim(), outBytes });
    });
  });
}

/** The project's own fixtures (not corpus text), repeated to `bytes` bytes of lines. */
function fixtureText(): string {
  const dirs = ['test/fixtures/pinyin', 'test/fixtures/boilerplate', 'test/fixtures/slogans'];
  return dirs.flatMap((d) => readdirSync(join(root, d)).map((f) => readFileSync(join(root, d, f), 'utf8'))).join('\n');
}

async function writeRepeated(file: string, unit: string, bytes: number): Promise<void> {
  const out = createWriteStream(file);
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((4 * 1024 * 1024) / Buffer.byteLength(unit)))));
  for (let written = 0; written < bytes; written += block.length) {
    if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

const rows: string[][] = [];
function report(name: string, r: Run, limit: string, ok: boolean, note = ''): void {
  const row = [name, `${(r.ms / 1000).toFixed(2)} s`, Number.isNaN(r.rssMb) ? '–' : `${r.rssMb.toFixed(0)} MB`, String(r.status), limit, ok ? 'ok' : 'FAIL', note || r.stderr.split('\n')[0]!.slice(0, 90)];
  rows.push(row);
  console.log(row.join(' | '));
}

function inProcess(fn: () => void): Run {
  const t0 = performance.now();
  fn();
  return { ms: performance.now() - t0, rssMb: process.resourceUsage().maxRSS / 1024, status: 0, stderr: '', outBytes: 0 };
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('build first: node scripts/build.mjs');
  console.log('input | time | peak RSS | exit | bound | verdict | note');
  // Node's own start-up, the floor under every CLI figure.
  const floor = await run(process.execPath, ['-e', '0']);
  report('node -e 0 (start-up floor)', floor, '', true);

  // 1. One unpunctuated Han run of 1 MB.
  const run1mb = '的'.repeat(Math.floor((1024 * 1024) / 3));
  const runFile = join(tmp, 'run-1mb.txt');
  writeFileSync(runFile, run1mb);
  const mixedRun = [...fixtureText()].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  const mixedFile = join(tmp, 'run-1mb-words.txt');
  writeFileSync(mixedFile, mixedRun.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(mixedRun))).slice(0, Math.floor((1024 * 1024) / 3)));
  for (const [name, file] of [['的 × 349k', runFile], ['fixture words, one run', mixedFile]] as const) {
    const r = await run(process.execPath, [CLI, 'pinyin', file]);
    report(`pinyin CLI, 1 MB Han run (${name})`, r, '≤ 2 s', r.status === 0 && r.ms <= 2000);
  }
  // Annotate's core call (what the command runs on the extension host), data already loaded as in the editor.
  annotatePinyin('預熱', 'marks');
  for (const [name, text] of [['的 × 349k', run1mb], ['fixture words, one run', readFileSync(mixedFile, 'utf8')]] as const) {
    const a = inProcess(() => annotatePinyin(text, 'marks'));
    report(`Annotate core, 1 MB Han run (${name})`, a, '≤ 2 s', a.ms <= 2000);
    const c = inProcess(() => toPinyinText(text, 'marks'));
    report(`Copy as Pinyin core, 1 MB Han run (${name})`, c, '≤ 2 s', c.ms <= 2000);
    // Peer in the same run: raw pinyin-pro (its own segmentation) on the same text; the machine is shared, so
    // the ratio says more than the seconds.
    const peer = inProcess(() => rawPinyin(text, { type: 'array' }));
    report(`  peer: raw pinyin-pro on the same run`, peer, '', true, `Annotate is ${(a.ms / peer.ms).toFixed(2)}× pinyin-pro`);
  }

  // 2. Hostile cues.
  const redosFile = join(tmp, 'redos.txt');
  writeFileSync(redosFile, 'a'.repeat(28) + '!\n');
  // The same CLI run without a cue: the cue's cost is the difference (the CLI's own start-up, loading the
  // boilerplate module and re2js, is not the cue's). Median of three runs each: one run on a shared machine is noise.
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cliRuns = async (args: string[]): Promise<Run & { median: number }> => {
    const runs: Run[] = [];
    for (let k = 0; k < 3; k++) runs.push(await run(process.execPath, [CLI, ...args]));
    return { ...runs[runs.length - 1]!, median: median(runs.map((r) => r.ms)) };
  };
  const noCue = await cliRuns(['boilerplate', '--json', redosFile]);
  report('boilerplate CLI, no cue on 28 a + ! (baseline)', { ...noCue, ms: noCue.median }, '', noCue.status === 0, `${(noCue.median - floor.ms).toFixed(0)} ms over node start-up`);
  const hostile = ('a'.repeat(28) + '!\n').repeat(1000) + 'x'.repeat(5000);
  for (const cue of ['/(a|a)+$/', '/(x+x+)+y/', '/(a)\\1/']) {
    const r = await cliRuns(['boilerplate', '--json', '--cue', cue, redosFile]);
    const refused = /ignored cue/.test(r.stderr);
    const cueMs = Math.max(0, r.median - noCue.median);
    report(`boilerplate CLI, cue ${cue} on 28 a + !`, { ...r, ms: r.median }, '≤ 100 ms for the cue, or refused', r.status === 0 && (refused || cueMs <= 100), refused ? 'refused: ' + r.stderr.slice(0, 60) : `cue ${cueMs.toFixed(0)} ms over the same run without it`);
    // The cue's own cost in the core: detection with the cue minus detection without it, on the same text.
    const without = median([0, 1, 2, 3, 4].map(() => inProcess(() => detectBoilerplate(hostile, {})).ms));
    const withCue = median([0, 1, 2, 3, 4].map(() => inProcess(() => detectBoilerplate(hostile, { extraCues: [cue] })).ms));
    const core = { ...inProcess(() => undefined), ms: Math.max(0, withCue - without) };
    report(`boilerplate core, cue ${cue}, 1000 such lines + 5000 x (cost of the cue)`, core, '≤ 100 ms', core.ms <= 100, `${withCue.toFixed(0)} ms with the cue, ${without.toFixed(0)} ms without (median of 5)`);
  }

  // 3. 200 MB through convert, pinyin, script.
  const big = join(tmp, `big-${BIG_MB}mb.txt`);
  await writeRepeated(big, fixtureText() + '\n', BIG_MB * 1024 * 1024);
  const bigMb = statSync(big).size / 1024 / 1024;
  const cat = await run('cat', [big]);
  report(`cat ${bigMb.toFixed(0)} MB (baseline)`, cat, '', cat.status === 0);
  for (const args of [['convert', '--config', 's2t'], ['script'], ['pinyin']]) {
    const r = await run(process.execPath, [CLI, ...args, big]);
    report(`${args[0]} CLI, ${bigMb.toFixed(0)} MB`, r, '≤ 300 MB RSS, no crash', r.status === 0 && r.rssMb <= 300, `${(r.ms / cat.ms).toFixed(0)}× cat; ${(bigMb / (r.ms / 1000)).toFixed(1)} MB/s; out ${(r.outBytes / 1024 / 1024).toFixed(0)} MB`);
  }

  // 4. 1 GB of NUL bytes on standard input.
  for (const args of [['script'], ['convert', '--config', 's2t'], ['pinyin']]) {
    const r = await run(process.execPath, [CLI, ...args], undefined, { byte: 0, size: 1024 * 1024 * 1024 });
    report(`${args[0]} CLI, 1 GB of NUL on stdin`, r, 'refused or bounded', r.status === 1 && r.rssMb <= 300 && !/\n\s+at /.test(r.stderr));
  }
  rmSync(tmp, { recursive: true, force: true });
  const failed = rows.filter((r) => r[5] === 'FAIL').length;
  console.log(failed ? `${failed} bound(s) not met` : 'all bounds met');
}

void main().catch((e) => {
  console.error(e);
  rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
});
