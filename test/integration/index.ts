/** Entry point that VS Code's extension host calls to run the mocha suites of this folder. */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const only = process.env.ZHDOC_TEST_GREP;
  if (only) mocha.grep(only);
  // The untrusted-workspace suite needs a workbench with workspace trust on: runIntegration starts one for it.
  const untrusted = process.env.ZHDOC_TEST_SUITE === 'untrusted';
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    if (file.startsWith('untrusted') === untrusted) mocha.addFile(join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
