/// <reference lib="dom" />
/**
 * The web extension test: serves the repository on 127.0.0.1, loads the browser builds in Web Workers in
 * headless chromium (Playwright) and checks what they report: the core's checks pass with vendor files
 * fetched over HTTP, and dist/web/extension.js evaluates without Node and exports activate().
 */
import * as assert from 'node:assert/strict';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');

async function main(): Promise<void> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>zhdoc web</title>');
      return;
    }
    const file = join(ROOT, path);
    if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript; charset=utf-8' : 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const launcher = (await import(join(ROOT, 'scripts/code-server.mjs'))) as { launchChromium(): Promise<Browser> };
  const browser = await launcher.launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(origin);
    const inWorker = (script: string): Promise<Record<string, unknown>> =>
      page.evaluate((src) => new Promise((resolveResult) => {
        const worker = new Worker(src);
        worker.onmessage = (e: MessageEvent) => resolveResult(e.data as Record<string, unknown>);
        worker.onerror = (e: ErrorEvent) => resolveResult({ error: e.message });
      }), script);

    const started = Date.now();
    const checks = await inWorker('/out/test/web/worker.js');
    if (checks.error) throw new Error(`worker failed to run: ${String(checks.error)}`);
    for (const name of checks.passed as string[]) console.log(`  ✔ ${name}`);
    for (const failure of checks.failed as string[]) console.log(`  ✖ ${failure}`);
    assert.deepEqual(checks.failed, [], 'every core check passes in a Web Worker');

    const bundle = await inWorker('/out/test/web/extensionBundle.js');
    if (bundle.error) throw new Error(`dist/web/extension.js: ${String(bundle.error)}`);
    assert.deepEqual(bundle.exports, ['activate', 'deactivate']);
    console.log(`  ✔ dist/web/extension.js (${Math.round(Number(bundle.size) / 1024)} KB) evaluates in a Web Worker and exports activate, deactivate`);
    // The analysis worker as vscode.dev runs it: the vendors posted as webHost.ts posts them (the reading data as its
    // binary file, OpenCC as source with its dictionaries), then Annotate and Remove jobs on a document's text.
    const jobs = await page.evaluate(async () => {
      const bytes = async (url: string): Promise<Uint8Array> => new Uint8Array(await (await fetch(url)).arrayBuffer());
      const worker = new Worker('/dist/web/analysisWorker.js');
      const answers = new Map<number, (value: unknown) => void>();
      worker.onmessage = (e: MessageEvent) => {
        const m = e.data as { type: string; id: number; value?: unknown; error?: string };
        if (m.type === 'progress') return;
        answers.get(m.id)?.(m.type === 'result' ? m.value : { failed: m.type, error: m.error });
      };
      const job = (id: number, version: number, text: string, kind: 'annotate' | 'remove'): Promise<unknown> => new Promise((resolveJob) => {
        answers.set(id, resolveJob);
        worker.postMessage({ type: 'text', doc: 'doc', version, text });
        worker.postMessage({ type: 'edits', id, doc: 'doc', version, job: kind === 'annotate' ? { kind, style: 'marks', sandhi: 'off' } : { kind }, ranges: [[0, text.length]], maxEdits: 4000, keptLines: [], keptOffsets: [] });
      });
      worker.postMessage({ type: 'vendor', name: 'pinyin', files: { kind: 'binary', data: await bytes('/dist/data/pinyin.bin') } });
      worker.postMessage({ type: 'vendor', name: 'opencc', files: { kind: 'module', source: await (await fetch('/dist/vendor/opencc.js')).text(), data: await bytes('/dist/vendor/opencc.bin') } });
      const annotated = (await job(1, 1, '漢字(Beta2)', 'annotate')) as { text?: string };
      const removed = (await job(2, 2, '漢字(hànzì)(Beta2)', 'remove')) as { count?: number };
      worker.terminate();
      return { annotated, removed };
    });
    assert.match(String(jobs.annotated.text), /hàn/, `Annotate in the web analysis worker: ${JSON.stringify(jobs.annotated)}`);
    assert.equal(jobs.removed.count, 1, `Remove in the web analysis worker: ${JSON.stringify(jobs.removed)}`);
    console.log('  ✔ the web analysis worker runs Annotate and Remove with the reading data posted as its binary file');
    console.log(`web checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e: unknown) => {
  console.error(`web test FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
