/**
 * Runs in a Web Worker in chromium (no Node, no DOM): the core's checks on the browser bundle, the way
 * vscode.dev's extension host would run it. Posts { passed: string[], failed: string[] } to the page.
 */
import { CONVERSION_CONFIG_NAMES, convertText } from '../../src/core/convert';
import { countScripts, findMinorityCharacters } from '../../src/core/script';
import { documentStatistics } from '../../src/core/statistics';
import { WEB_CHECKS } from './checks';

declare const self: { postMessage(message: unknown): void };

const passed: string[] = [];
const failed: string[] = [];
function check(name: string, run: () => void): void {
  try {
    run();
    passed.push(name);
  } catch (e) {
    failed.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
function equal(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

check('no Node globals in the worker', () => {
  const g = globalThis as Record<string, unknown>;
  equal([typeof g.process, typeof g.require, typeof g.Buffer], ['undefined', 'undefined', 'undefined']);
});
check('convert: every OpenCC config runs', () => {
  for (const config of CONVERSION_CONFIG_NAMES) convertText('汉字發展', config);
  equal(convertText('软件和鼠标', 's2twp'), '軟體和滑鼠');
  equal(convertText('殢雨\r\n𠮷', 't2s'), '𣨼雨\r\n𠮷');
});
check('script: counts and minority characters', () => {
  equal(countScripts('發展經濟一号工程'), { traditional: 3, simplified: 1, dominant: 'traditional' });
  equal(findMinorityCharacters('發展經濟一号工程').map((m) => [m.offset, m.counterpart]), [[5, '號']]);
});
check('statistics: 字数', () => equal(documentStatistics('漢字 abc').han, 2));
for (const [name, run] of WEB_CHECKS) check(name, run);

self.postMessage({ passed, failed });
