// Probe for the cold-start figure of bench/convert.ts: required in a fresh process, it loads the core and the
// compiled dictionaries and converts one phrase; the caller times require + first().
import { convertText } from '../src/core/convert';

export function first(): string {
  return convertText('预热', 's2t');
}
