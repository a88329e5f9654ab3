// Runs an extension test suite inside code-server's real extension host (Node), driven by headless chromium.
// The suite's exit code, reported by the workbench through codeAutomationExit, becomes this process's.
import { mkdirSync } from 'node:fs';
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
  const timer = setTimeout(() => finish({ code: 124, timeout: true }), timeoutMs);
  result = await done;
  clearTimeout(timer);
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
