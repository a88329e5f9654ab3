// Grammar tests with vscode-tmgrammar-test: zhdoc's grammars from package.json, plus VS Code's own markdown
// grammar from the code-server installation (the real one the injection targets), never copied into the repo.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const base = join(root, '.vscode-test');
const dir = existsSync(base) ? readdirSync(base).filter((n) => n.startsWith('code-server-')).sort().pop() : undefined;
const markdown = dir && join(base, dir, 'node_modules/code-server/lib/vscode/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json');
if (!markdown || !existsSync(markdown)) {
  console.error('VS Code markdown grammar not found: run scripts/install-code-server.sh (npm test does)');
  process.exit(1);
}
const bin = join(root, 'node_modules/.bin/vscode-tmgrammar-test');
const r = spawnSync(bin, ['-g', markdown, 'test/grammar/*.test.*'], { cwd: root, encoding: 'utf8' });
// The markdown grammar names many embedded-code grammars that these tests do not need; say so once.
const output = (r.stdout + r.stderr).split('\n');
const unresolved = output.filter((l) => l.startsWith('grammar not found')).length;
process.stdout.write(output.filter((l) => !l.startsWith('grammar not found')).join('\n'));
if (unresolved) console.log(`(${unresolved} grammars for code embedded in markdown not loaded; not needed here)`);
process.exit(r.status ?? 1);
