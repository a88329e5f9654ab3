import { parseArgs } from 'node:util';
import { CONVERSION_CONFIG_NAMES, convertText, isConversionConfigName } from '../core/convert';
import { ENCODING_OPTION, openInput, UsageError, writeBom, writeOutput } from './io';

export const convertUsage = `convert --config NAME [--encoding ENC] [FILE]   convert Chinese script with an OpenCC config (${CONVERSION_CONFIG_NAMES.join(' ')})`;

export async function runConvert(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { config: { type: 'string', short: 'c' }, ...ENCODING_OPTION }, allowPositionals: true });
  if (!values.config) throw new UsageError('convert: --config NAME is required (one of ' + CONVERSION_CONFIG_NAMES.join(' ') + ')');
  if (!isConversionConfigName(values.config)) throw new UsageError(`convert: unknown config "${values.config}"; use one of ${CONVERSION_CONFIG_NAMES.join(' ')}`);
  if (positionals.length > 1) throw new UsageError('convert: give at most one FILE');
  const config = values.config;
  const input = await openInput(positionals[0], values.encoding);
  if (input.bom) writeBom();
  // Pieces end at line breaks (OpenCC's phrases never span one), so each converts as in the whole text.
  for await (const piece of input.pieces()) writeOutput(convertText(piece, config));
}
