/**
 * The `zhdoc` output channel. It is a LogOutputChannel, so its level is VS Code's own per-channel log level
 * (Output view → gear, or "Developer: Set Log Level…" → zhdoc; `--log zhdoc.zhdoc:debug` on the command line).
 * Every failure that used to be dropped (`void promise`) goes here instead. The last entries are also kept in
 * memory: VS Code has no API to read an output channel back, and the integration tests must see the errors.
 */
import * as vscode from 'vscode';

export interface LogEntry {
  readonly level: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
}

/** Enough to see a burst of failures in a test, small enough to never matter for memory. */
const KEPT_ENTRIES = 200;

export interface Log extends vscode.Disposable {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /** Runs a promise for its effect and logs its failure (instead of `void promise`). */
  background(what: string, work: Thenable<unknown> | Promise<unknown>): void;
  /** The last entries written (at any level the channel accepted), oldest first. */
  entries(): readonly LogEntry[];
  /** Shows the channel in the Output view. */
  show(): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export function createLog(): Log {
  const channel = vscode.window.createOutputChannel('zhdoc', { log: true });
  const kept: LogEntry[] = [];
  const keep = (level: LogEntry['level'], message: string): void => {
    kept.push({ level, message });
    if (kept.length > KEPT_ENTRIES) kept.splice(0, kept.length - KEPT_ENTRIES);
  };
  const log: Log = {
    trace: (m) => { channel.trace(m); keep('trace', m); },
    debug: (m) => { channel.debug(m); keep('debug', m); },
    info: (m) => { channel.info(m); keep('info', m); },
    warn: (m) => { channel.warn(m); keep('warn', m); },
    error: (m, e) => {
      const message = e === undefined ? m : `${m}: ${describe(e)}`;
      channel.error(message);
      keep('error', message);
    },
    background: (what, work) => {
      Promise.resolve(work).catch((e: unknown) => log.error(what, e));
    },
    entries: () => kept,
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
  return log;
}
