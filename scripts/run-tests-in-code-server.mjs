// Runs an extension test suite inside code-server's real extension host (Node), driven by headless chromium.
// The suite's exit code, reported by the workbench through codeAutomationExit, becomes this process's.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, remoteUri, startCodeServer } from './code-server.mjs';

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const extensionDevelopmentPath = opt('extensionDevelopmentPath');
const extensionTestsPath = opt('extensionTestsPath');
const workspace = args.find((a) => !a.startsWith('-'));
if (!extensionDevelopmentPath || !extensionTestsPath || !workspace) {
  console.error('usage: code-server-shim.sh --extensionDevelopmentPath=DIR --extensionTestsPath=FILE WORKSPACE');
  process.exit(2);
}
const timeoutMs = Number(process.env.ZHDOC_TEST_TIMEOUT_MS || 600000);
const settings = process.env.ZHDOC_TEST_SETTINGS ? JSON.parse(process.env.ZHDOC_TEST_SETTINGS) : {};

const t0 = Date.now();
const server = await startCodeServer({ workspace, settings, verbose: !!process.env.CS_VERBOSE, workspaceTrust: process.env.ZHDOC_WORKSPACE_TRUST === '1' });
const browser = await launchChromium();
let result;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let finish;
  const done = new Promise((r) => (finish = r));
  await page.exposeFunction('codeAutomationExit', (code) => finish({ code }));
  await page.exposeFunction('codeAutomationLog', (_type, logArgs) => console.log(...(logArgs ?? [])));
  page.on('pageerror', (e) => console.error('[workbench error]', e.message));
  if (process.env.PAGE_CONSOLE) page.on('console', (m) => console.log('[page]', m.text()));
  const payload = [['extensionDevelopmentPath', remoteUri(extensionDevelopmentPath)], ['extensionTestsPath', remoteUri(extensionTestsPath)]];
  await page.goto(server.url(workspace, payload));
  const stopProfiling = process.env.ZHDOC_BENCH_PROFILE ? await windowProfiler(page, process.env.ZHDOC_BENCH_PROFILE) : undefined;
  const timer = setTimeout(() => finish({ code: 124, timeout: true }), timeoutMs);
  result = await done;
  clearTimeout(timer);
  stopProfiling?.();
  if (result.timeout) {
    console.error(`extension tests timed out after ${timeoutMs} ms; code-server log tail:\n${server.log().slice(-4000)}`);
    const dir = join(extensionDevelopmentPath, 'test-results');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'integration-timeout.png') }).catch(() => {});
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`extension tests in code-server: exit code ${result.code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(result.code);

/**
 * For bench:responsiveness with ZHDOC_BENCH_PROFILE=dir: CPU-profiles the window's main thread (where VS Code
 * applies edits to its text model and renders) over the same phases as the extension host, on the bench's
 * requests (dir/window-profile.request, answered in dir/window-profile.ack; see bench/vscode/responsiveness.ts).
 */
async function windowProfiler(page, dir) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  let last = '';
  let busy = false;
  const poll = setInterval(async () => {
    if (busy) return;
    let request;
    try {
      request = JSON.parse(readFileSync(join(dir, 'window-profile.request'), 'utf8'));
    } catch {
      return;
    }
    if (request.id === last) return;
    busy = true;
    last = request.id;
    try {
      if (request.action === 'start') await cdp.send('Profiler.start');
      else writeFileSync(join(dir, request.file), JSON.stringify((await cdp.send('Profiler.stop')).profile));
    } catch (e) {
      console.error(`window profile ${request.action}: ${e.message}`);
    }
    writeFileSync(join(dir, 'window-profile.ack'), request.id);
    busy = false;
  }, 20);
  return () => clearInterval(poll);
}
