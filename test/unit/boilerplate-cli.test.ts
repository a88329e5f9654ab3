/** `zhdoc boilerplate` as a user runs it: dist/cli.js in a child process (npm test builds dist before the unit tests). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectBoilerplate, mainText } from '../../src/core/boilerplate';

import { ROOT, zhdoc as run } from './support/cli';

const FIXTURE = join(ROOT, 'test/fixtures/boilerplate/news-traditional.txt');

const zhdoc = (args: string[], input?: string) => run(['boilerplate', ...args], input);

describe('zhdoc boilerplate', () => {
  it('--json FILE prints {"lines", "blocks": [{"start", "end", "reason"}]} on one line', () => {
    const r = zhdoc(['--json', FIXTURE]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.endsWith('}\n') && r.stdout.split('\n').length === 2);
    const json = JSON.parse(r.stdout) as { lines: number; blocks: Array<{ start: number; end: number; reason: string }> };
    assert.deepEqual(json, detectBoilerplate(readFileSync(FIXTURE, 'utf8')));
    assert.deepEqual(Object.keys(json), ['lines', 'blocks']);
    for (const b of json.blocks) assert.deepEqual(Object.keys(b), ['start', 'end', 'reason']);
  });

  it('prints the main text without --json, from a file or standard input', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const expected = mainText(text, detectBoilerplate(text)) + '\n';
    assert.equal(zhdoc([FIXTURE]).stdout, expected);
    const r = zhdoc([], text);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, expected);
    assert.ok(!r.stdout.includes('Copyright') && r.stdout.includes('加快建設創新型城市'));
  });

  it('takes --sensitivity and --cue', () => {
    const text = '推广：门票八折\n今天上午，市里召开了防汛工作会议，部署今年的防汛抗旱工作，要求各地做好应急准备。\n';
    assert.deepEqual(JSON.parse(zhdoc(['--json', '--sensitivity', 'aggressive'], text).stdout).blocks, []);
    assert.deepEqual(JSON.parse(zhdoc(['--json', '--cue', '推广：'], text).stdout).blocks, [{ start: 0, end: 0, reason: 'user' }]);
  });

  it('--explain prints one row per line with its decision', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const rows = zhdoc(['--explain', FIXTURE]).stdout.split('\n');
    assert.equal(rows.pop(), '');
    assert.equal(rows.length, text.split('\n').length);
    assert.match(rows[4]!, /^\s+4 B .*header/);
  });

  it('refuses a bad sensitivity or two files (exit 2), a missing file (exit 1), and warns about an invalid cue', () => {
    assert.equal(zhdoc(['--sensitivity', 'extreme'], 'x').status, 2);
    assert.equal(zhdoc([FIXTURE, FIXTURE]).status, 2);
    assert.equal(zhdoc(['--json', '--explain', FIXTURE]).status, 2);
    assert.equal(zhdoc([join(ROOT, 'no-such-file.txt')]).status, 1);
    const r = zhdoc(['--cue', '/[oops/'], '正文\n');
    assert.equal(r.status, 0);
    assert.match(r.stderr, /ignored cue/);
  });
});
