// Starts a real VS Code (code-server's bundled VS Code server and web workbench) and Debian chromium.
// Used by the integration-test shim, the UI tests and `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Settings that keep a test or demo workbench quiet and deterministic. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'window.commandCenter': false,
};

/** Path of code-server's entry point, as scripts/install-code-server.sh installs it. */
export function codeServerEntry() {
  if (process.env.CODE_SERVER) return process.env.CODE_SERVER;
  const base = join(ROOT, '.vscode-test');
  const dir = existsSync(base) ? readdirSync(base).filter((n) => n.startsWith('code-server-')).sort().pop() : undefined;
  const entry = dir && join(base, dir, 'node_modules/code-server/out/node/entry.js');
  if (!entry || !existsSync(entry)) throw new Error('code-server is not installed: run scripts/install-code-server.sh (npm test does)');
  return entry;
}

const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

/**
 * Starts code-server on 127.0.0.1 with throw-away user data and extensions folders.
 * @param {{ workspace: string, settings?: object, env?: object, port?: number, extensionsDir?: string, verbose?: boolean, locale?: string, workspaceTrust?: boolean, install?: string[] }} options
 *   install: .vsix files installed into this server's folders before it starts (a language pack must be).
 *   workspaceTrust: run with workspace trust on, so the workspace opens untrusted (to test restricted mode).
 */
export async function startCodeServer(options) {
  const tmp = mkdtempSync(join(tmpdir(), 'zhdoc-cs-'));
  const userData = join(tmp, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  const trust = options.workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {};
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...trust, ...(options.settings ?? {}) }, null, 2));
  if (options.locale) writeFileSync(join(userData, 'User/argv.json'), JSON.stringify({ locale: options.locale }));
  writeFileSync(join(tmp, 'config.yaml'), 'auth: none\n');
  const port = options.port ?? (await freePort());
  const extensionsDir = options.extensionsDir ?? join(tmp, 'extensions');
  for (const vsix of options.install ?? []) installVsix(codeServerEntry(), extensionsDir, vsix, userData);
  if (options.locale) registerLanguagePacks(extensionsDir, userData);
  const args = [codeServerEntry(), '--config', join(tmp, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']), ...(options.locale ? ['--locale', options.locale] : []), options.workspace];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...(options.env ?? {}) } });
  let log = '';
  const onData = (d) => { log += d; if (options.verbose) process.stderr.write(`[code-server] ${d}`); };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const stop = () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
  };
  process.on('exit', stop);
  for (let i = 0; !/HTTP server listening/.test(log); i++) {
    if (i > 600 || child.exitCode !== null) { stop(); throw new Error(`code-server did not start:\n${log}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, tmp, userData, extensionsDir, stop, log: () => log,
    /** Workbench URL; `payload` is VS Code's list of [name, value] launch options. */
    url(folder, payload) {
      const q = new URLSearchParams({ folder });
      if (payload) q.set('payload', JSON.stringify(payload));
      return `http://127.0.0.1:${port}/?${q}`;
    } };
}

/**
 * Installs a .vsix into an extensions folder with code-server's own CLI, as a user installs an extension
 * (a throw-away config and user-data folder, so nothing is written to the user's home).
 */
export function installVsix(entry, extensionsDir, vsix, userDataDir) {
  const tmp = mkdtempSync(join(tmpdir(), 'zhdoc-install-'));
  writeFileSync(join(tmp, 'config.yaml'), 'auth: none\n');
  const r = spawnSync(process.execPath, [entry, '--config', join(tmp, 'config.yaml'), '--user-data-dir', userDataDir ?? join(tmp, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], { encoding: 'utf8' });
  rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
}

/**
 * Writes the language-pack index (languagepacks.json) that VS Code's server reads to pick the display
 * language. The server builds it only when a pack is installed through a running workbench; a pack installed
 * beforehand from the command line is otherwise never seen.
 */
function registerLanguagePacks(extensionsDir, userData) {
  if (!existsSync(extensionsDir)) return;
  const index = {};
  for (const dir of readdirSync(extensionsDir)) {
    const manifestPath = join(extensionsDir, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const l of manifest.contributes?.localizations ?? []) {
      const translations = Object.fromEntries((l.translations ?? []).map((t) => [t.id, join(extensionsDir, dir, t.path)]));
      index[l.languageId.toLowerCase()] = {
        hash: createHash('md5').update(`${manifest.publisher}.${manifest.name}@${manifest.version}`).digest('hex'),
        extensions: [{ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version }],
        translations,
        label: l.localizedLanguageName ?? l.languageName,
      };
    }
  }
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify(index));
}

/** code-server's remote authority is fixed: a local path P is vscode-remote://remote/P in the workbench. */
export const remoteUri = (path) => `vscode-remote://remote${path}`;

/** Launches headless Debian chromium through playwright-core, with the flags this closed network needs. */
export async function launchChromium({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROME_PATH)) throw new Error(`chromium not found at ${CHROME_PATH}: run scripts/install-code-server.sh or set CHROME_PATH`);
  return chromium.launch({ executablePath: CHROME_PATH, headless,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
}
