/** The CLI as a user runs it: dist/cli.js in a child process (npm test builds dist before the unit tests). */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const CLI = join(ROOT, 'dist/cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `zhdoc ...args` with `input` on standard input. */
export function zhdoc(args: readonly string[], input?: string | Buffer): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
