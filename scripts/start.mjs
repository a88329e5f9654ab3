// `npm start`: zhdoc's main job — a real VS Code with zhdoc loaded and a sample Chinese web page open.
// Desktop `code` when it is on PATH; otherwise code-server on 127.0.0.1 (installed as the tests install it),
// with the URL printed. Ctrl-C stops it.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const run = (cmd, args) => {
  const { status } = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

run('node', ['scripts/build.mjs']);
const workspace = mkdtempSync(join(tmpdir(), 'zhdoc-sample-'));
cpSync(join(root, 'samples'), workspace, { recursive: true });
const sample = join(workspace, 'sample-article.txt');

const hasDesktopCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 && !process.env.ZHDOC_USE_CODE_SERVER;
if (hasDesktopCode) {
  console.log(`Opening desktop VS Code with zhdoc on ${sample}`);
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, workspace, sample], { stdio: 'inherit', detached: true }).unref();
} else {
  run('bash', ['scripts/install-code-server.sh']);
  const { startCodeServer, remoteUri } = await import('./code-server.mjs');
  const port = Number(process.env.PORT || 8080);
  const server = await startCodeServer({ workspace, port, settings: { 'editor.wordWrap': 'on' } });
  const url = server.url(workspace, [['extensionDevelopmentPath', remoteUri(root)], ['openFile', remoteUri(sample)]]);
  console.log(`\nzhdoc is running in VS Code (code-server ${'4.100.3'}) with a sample page open:\n\n  ${url}\n\nOpen that address in a browser on this machine (or forward port ${server.port}). Ctrl-C stops it.`);
  const stop = () => { server.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => {});
}
