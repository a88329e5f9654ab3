/**
 * zhdoc from a terminal: the same core as the extension, for batch work and for measuring accuracy.
 * Exit codes: 0 success, 1 input error (unreadable or undecodable file), 2 usage error. Never a stack trace.
 */
import { totalmem } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { boilerplateUsage, runBoilerplate } from './cli/boilerplate';
import { convertUsage, runConvert } from './cli/convert';
import { InputError, UsageError } from './cli/io';
import { pinyinUsage, runPinyin } from './cli/pinyin';
import { runScan, scanUsage } from './cli/scan';
import { runScript, scriptUsage } from './cli/script';
import { runSlogans, slogansUsage } from './cli/slogans';

interface CliCommand {
  readonly usage: string;
  readonly run: (argv: string[]) => void | Promise<void>;
}

const COMMANDS: Record<string, CliCommand> = {
  convert: { usage: convertUsage, run: runConvert },
  script: { usage: scriptUsage, run: runScript },
  pinyin: { usage: pinyinUsage, run: runPinyin },
  boilerplate: { usage: boilerplateUsage, run: runBoilerplate },
  slogans: { usage: slogansUsage, run: runSlogans },
  scan: { usage: scanUsage, run: runScan },
};

function usage(): string {
  return ['usage: zhdoc <command> [options] [FILE]   (FILE or standard input, UTF-8)', '', ...Object.values(COMMANDS).map((c) => '  ' + c.usage)].join('\n') + '\n';
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    await command.run(rest);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`zhdoc: ${e.message}\n`);
      return 1;
    }
    const code = (e as { code?: string }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`zhdoc: ${(e as Error).message.split('\n')[0]} (see zhdoc --help)\n`);
      return 2;
    }
    process.stderr.write(`zhdoc: internal error: ${oneLine(e)}\n`);
    return 1;
  }
}

function oneLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!;
}

/**
 * Heap the command may use. Streaming keeps convert, pinyin and script far below it; a command that reads its
 * input whole (boilerplate, slogans) on a huge file reaches it and is stopped with one line instead of V8's
 * fatal error and native stack trace, which no JavaScript handler can catch in the thread that runs out.
 */
const HEAP_LIMIT_MB = Math.max(512, Math.min(4096, Math.floor(totalmem() / 2 / 1024 / 1024)));

/**
 * Heap of the commands that stream (convert, pinyin, script): a piece of input and its words need some tens of
 * megabytes; a small old generation makes V8 collect instead of growing, so the process stays under 300 MB.
 */
const STREAMING_HEAP_MB = 160;
const STREAMING = new Set(['convert', 'pinyin', 'script']);

if (isMainThread) {
  // The command runs in a worker thread with a heap limit: running out of memory there ends the worker, and this
  // thread says so in one line.
  const limit = STREAMING.has(process.argv[2] ?? '') ? STREAMING_HEAP_MB : HEAP_LIMIT_MB;
  const worker = new Worker(__filename, { argv: process.argv.slice(2), stdin: false, stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: limit } });
  worker.on('message', (code: number) => (process.exitCode = code));
  worker.on('error', (e: NodeJS.ErrnoException) => {
    process.stderr.write(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `zhdoc: out of memory (over ${limit} MB); split the input into smaller files\n` : `zhdoc: internal error: ${oneLine(e)}\n`);
    process.exitCode = 1;
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !process.exitCode) process.exitCode = code;
  });
} else {
  void main(process.argv.slice(2)).then((code) => parentPort!.postMessage(code));
}
