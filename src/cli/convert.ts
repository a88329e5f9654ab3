import { parseArgs } from 'node:util';
import { CONVERSION_CONFIG_NAMES, convertText, isConversionConfigName } from '../core/convert';
import { readInput, UsageError, writeOutput } from './io';

export const convertUsage = `convert --config NAME [FILE]   convert Chinese script with an OpenCC config (${CONVERSION_CONFIG_NAMES.join(' ')})`;

export function runConvert(argv: string[]): void {
  const { values, positionals } = parseArgs({ args: argv, options: { config: { type: 'string', short: 'c' } }, allowPositionals: true });
  if (!values.config) throw new UsageError('convert: --config NAME is required (one of ' + CONVERSION_CONFIG_NAMES.join(' ') + ')');
  if (!isConversionConfigName(values.config)) throw new UsageError(`convert: unknown config "${values.config}"; use one of ${CONVERSION_CONFIG_NAMES.join(' ')}`);
  if (positionals.length > 1) throw new UsageError('convert: give at most one FILE');
  const config = values.config;
  writeOutput(convertText(readInput(positionals[0]), config));
}
