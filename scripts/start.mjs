// `npm start`: zhdoc's main job — a real VS Code with zhdoc loaded and a sample Chinese web page open.
// Desktop `code` when it is on PATH (zhdoc loaded from this folder, your own extensions untouched); otherwise
// code-server on 127.0.0.1 (installed as the tests install it), into which the packaged zhdoc-<version>.vsix is
// installed as a user would install it, with the address printed. Ctrl-C stops it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { installVsix } from './code-server.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const run = (cmd, args, options = {}) => {
  const { status } = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (status !== 0) process.exit(status ?? 1);
};

const workspace = mkdtempSync(join(tmpdir(), 'zhdoc-sample-'));
cpSync(join(root, 'samples'), workspace, { recursive: true });
const sample = join(workspace, 'sample-article.txt');

const hasDesktopCode = !process.env.ZHDOC_USE_CODE_SERVER && spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (hasDesktopCode) {
  run('node', ['scripts/build.mjs']);
  console.log(`Opening desktop VS Code with zhdoc on ${sample}`);
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, workspace, sample], { stdio: 'inherit', detached: true }).unref();
} else {
  run('bash', ['scripts/install-code-server.sh']);
  run('npm', ['run', '--silent', 'package']);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `zhdoc-${version}.vsix`);
  const { codeServerEntry, remoteUri, startCodeServer } = await import('./code-server.mjs');
  const extensionsDir = join(root, '.vscode-test/start-extensions');
  mkdirSync(extensionsDir, { recursive: true });
  console.log(`Installing ${vsix} into code-server`);
  installVsix(codeServerEntry(), extensionsDir, vsix);
  const port = Number(process.env.PORT || 8080);
  const server = await startCodeServer({ workspace, port, extensionsDir, settings: { 'editor.wordWrap': 'on' } });
  const url = server.url(workspace, [['openFile', remoteUri(sample)]]);
  console.log(`\nzhdoc ${version} is installed in VS Code (code-server 4.100.3) with a sample page open:\n\n  ${url}\n\nOpen that address in a browser on this machine (or forward port ${server.port}). Ctrl-C stops it.`);
  const stop = () => { server.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => {});
}
