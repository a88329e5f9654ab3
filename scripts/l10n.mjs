// `npm run l10n`: writes l10n/bundle.l10n.json (English, key = message) from the `vscode.l10n.t` calls in src
// and the CONVERSION_CONFIGS labels, then lists the messages the zh-cn / zh-tw bundles still lack.
//   node scripts/l10n.mjs           write the English bundle
//   node scripts/l10n.mjs --check   write nothing; exit 1 when the English bundle is out of date or a translation is missing
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ENGLISH_BUNDLE, TRANSLATED_BUNDLES, englishBundle, extractL10n, serializeBundle } from './l10n-extract.mjs';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const { messages, dynamic } = extractL10n(root);
let failed = false;

for (const d of dynamic.filter((x) => !x.known)) {
  console.warn(`${d.file}:${d.line}: l10n.t(${d.argument}) is not a string literal, so it cannot be extracted; pass a literal, or add its messages to scripts/l10n-extract.mjs`);
  failed = true;
}

const english = serializeBundle(englishBundle(messages));
const target = join(root, ENGLISH_BUNDLE);
const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
if (current === english) {
  console.log(`${ENGLISH_BUNDLE}: up to date, ${messages.size} messages`);
} else if (check) {
  console.error(`${ENGLISH_BUNDLE} is out of date: run npm run l10n`);
  failed = true;
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, english);
  console.log(`${ENGLISH_BUNDLE}: wrote ${messages.size} messages`);
}

for (const file of TRANSLATED_BUNDLES) {
  const path = join(root, file);
  const bundle = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const missing = [...messages.keys()].filter((k) => typeof bundle[k] !== 'string' || bundle[k].trim() === '');
  const stale = Object.keys(bundle).filter((k) => !messages.has(k));
  if (missing.length) {
    console.warn(`${file}: ${missing.length} messages to translate:`);
    for (const k of missing) console.warn(`  ${JSON.stringify(k)}  (${messages.get(k).locations[0]})`);
    if (check) failed = true;
  }
  if (stale.length) {
    console.warn(`${file}: ${stale.length} keys no longer in the source (remove them):`);
    for (const k of stale) console.warn(`  ${JSON.stringify(k)}`);
    if (check) failed = true;
  }
  if (!missing.length && !stale.length) console.log(`${file}: complete`);
}
process.exit(failed ? 1 : 0);
