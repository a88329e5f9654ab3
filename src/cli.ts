/**
 * zhdoc from a terminal: the same core as the extension, for batch work and for measuring accuracy.
 * Exit codes: 0 success, 1 input error (unreadable or undecodable file), 2 usage error. Never a stack trace.
 */
import { boilerplateUsage, runBoilerplate } from './cli/boilerplate';
import { convertUsage, runConvert } from './cli/convert';
import { InputError, UsageError } from './cli/io';
import { pinyinUsage, runPinyin } from './cli/pinyin';
import { runScan, scanUsage } from './cli/scan';
import { runScript, scriptUsage } from './cli/script';
import { runSlogans, slogansUsage } from './cli/slogans';

interface CliCommand {
  readonly usage: string;
  readonly run: (argv: string[]) => void;
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

function main(argv: string[]): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    command.run(rest);
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
    process.stderr.write(`zhdoc: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});
process.exitCode = main(process.argv.slice(2));
