/**
 * Localisation is complete and consistent: every manifest `%key%` and every `vscode.l10n.t` message exists in
 * English, 简体中文 (zh-cn) and 繁體中文 (zh-tw), with the same placeholders, and each Chinese file is written in
 * its own script. `npm run l10n` regenerates l10n/bundle.l10n.json and lists what is left to translate.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { CONVERSION_CONFIGS } from '../../src/core/convert';
import { scriptOf, type Script } from '../../src/core/script';
import { ENGLISH_BUNDLE, TRANSLATED_BUNDLES, englishBundle, extractL10n, placeholders, serializeBundle, type BundleValue } from '../../scripts/l10n-extract.mjs';

const ROOT = resolve(__dirname, '../../..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

/** The script a locale's text must not use: zh-tw is Traditional, zh-cn Simplified. */
const LOCALES: { locale: string; nls: string; bundle: string; foreign: Script }[] = [
  { locale: 'zh-cn', nls: 'package.nls.zh-cn.json', bundle: 'l10n/bundle.l10n.zh-cn.json', foreign: 'traditional' },
  { locale: 'zh-tw', nls: 'package.nls.zh-tw.json', bundle: 'l10n/bundle.l10n.zh-tw.json', foreign: 'simplified' },
];

/** Every `%key%` the manifest uses (VS Code replaces only values that are exactly `%key%`). */
function manifestKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const m = /^%([^%\s]+)%$/.exec(value);
      if (m) keys.add(m[1]!);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(readJson('package.json'));
  return keys;
}

/**
 * Problems of one translation: empty, placeholders added or dropped, characters of the other script. A character
 * of the other script is allowed when the English text has it too: an example quoted on purpose (软件 → 軟體).
 */
function translationProblems(english: string, translated: unknown, foreign: Script): string[] {
  if (typeof translated !== 'string' || translated.trim() === '') return ['is empty or not a string'];
  const problems: string[] = [];
  const expected = placeholders(english);
  const actual = placeholders(translated);
  if (expected.join() !== actual.join()) problems.push(`has placeholders ${actual.join(' ') || 'none'}, expected ${expected.join(' ') || 'none'}`);
  const wrong = [...new Set([...translated].filter((c) => scriptOf(c) === foreign && !english.includes(c)))];
  if (wrong.length) problems.push(`uses ${foreign}-only characters ${wrong.join('')}`);
  return problems;
}

/** What a markdown description must keep: code spans, link targets, bold markers. */
function markdownSkeleton(text: string): { code: string[]; links: string[]; bold: number } {
  return {
    code: (text.match(/`[^`]+`/g) ?? []).sort(),
    links: (text.match(/\]\([^)]+\)/g) ?? []).sort(),
    bold: (text.match(/\*\*/g) ?? []).length,
  };
}

const report = (problems: string[]): string => `\n  ${problems.join('\n  ')}`;

/** Fails with the list (assert's diff of long arrays is slow and unreadable). */
function assertNone(problems: string[], heading: string): void {
  if (problems.length) assert.fail(`${heading}${report(problems)}`);
}

describe('manifest localisation (package.nls*.json)', () => {
  const english = readJson('package.nls.json');

  it('has an English string for every %key% of package.json', () => {
    const missing = [...manifestKeys()].filter((k) => typeof english[k] !== 'string' || english[k] === '');
    assertNone(missing, 'package.nls.json lacks:');
  });

  for (const { nls, foreign } of LOCALES) {
    describe(nls, () => {
      const translated = readJson(nls);

      it('translates every key that package.json uses and package.nls.json has', () => {
        const keys = new Set([...manifestKeys(), ...Object.keys(english)]);
        const missing = [...keys].filter((k) => !(k in translated));
        assertNone(missing, `${nls} lacks ${missing.length} keys:`);
      });

      it('has no key that package.nls.json lacks', () => {
        const extra = Object.keys(translated).filter((k) => !(k in english));
        assertNone(extra, `${nls} has keys package.nls.json lacks:`);
      });

      it(`keeps placeholders, is never empty and uses no ${foreign}-only characters`, () => {
        const problems = Object.entries(english).flatMap(([k, en]) => (k in translated ? translationProblems(String(en), translated[k], foreign).map((p) => `${k} ${p}`) : []));
        assertNone(problems, `${nls}:`);
      });

      it('keeps the markdown of descriptions: code spans, links and bold', () => {
        const problems = Object.entries(english).flatMap(([k, en]) => {
          if (typeof translated[k] !== 'string') return [];
          const want = markdownSkeleton(String(en));
          const got = markdownSkeleton(translated[k] as string);
          return JSON.stringify(want) === JSON.stringify(got) ? [] : [`${k}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
        });
        assertNone(problems, `${nls} loses markdown:`);
      });
    });
  }
});

describe('runtime localisation (l10n/bundle.l10n*.json)', () => {
  const { messages, dynamic } = extractL10n(ROOT);

  it('finds the messages of src, CONVERSION_CONFIGS included', () => {
    assert.ok(messages.size > 50, `only ${messages.size} messages extracted`);
    for (const c of CONVERSION_CONFIGS) {
      assert.ok(messages.has(c.label), `label of ${c.name}`);
      assert.ok(messages.has(c.description), `description of ${c.name}`);
    }
  });

  it('knows where the message of every non-literal l10n.t call comes from', () => {
    const unknown = dynamic.filter((d) => !d.known).map((d) => `${d.file}:${d.line}: l10n.t(${d.argument})`);
    assertNone(unknown, 'pass a string literal, or list the call in KNOWN_DYNAMIC (scripts/l10n-extract.mjs):');
  });

  it(`${ENGLISH_BUNDLE} is up to date (npm run l10n)`, () => {
    const current = readFileSync(join(ROOT, ENGLISH_BUNDLE), 'utf8');
    const expected = serializeBundle(englishBundle(messages));
    if (current !== expected) {
      const bundle = JSON.parse(current) as Record<string, BundleValue>;
      const added = [...messages.keys()].filter((k) => !(k in bundle));
      const removed = Object.keys(bundle).filter((k) => !messages.has(k));
      assert.fail(`${ENGLISH_BUNDLE} is out of date: run npm run l10n${report([...added.map((k) => `+ ${k}`), ...removed.map((k) => `- ${k}`)])}`);
    }
  });

  it('checks every translated bundle', () => {
    assert.deepEqual(LOCALES.map((l) => l.bundle).sort(), [...TRANSLATED_BUNDLES].sort());
  });

  for (const { bundle: file, foreign } of LOCALES) {
    describe(file, () => {
      const bundle = readJson(file);

      it('translates every message of src', () => {
        const missing = [...messages.entries()].filter(([k]) => !(k in bundle)).map(([k, m]) => `${JSON.stringify(k)} (${m.locations[0]})`);
        assertNone(missing, `${file} lacks ${missing.length} messages (npm run l10n lists them):`);
      });

      it('has no message that src no longer uses', () => {
        const stale = Object.keys(bundle).filter((k) => !messages.has(k));
        assertNone(stale, `${file} has keys no longer in src:`);
      });

      it(`keeps placeholders, is never empty and uses no ${foreign}-only characters`, () => {
        const problems = [...messages.entries()].flatMap(([k, m]) => (k in bundle ? translationProblems(m.message, bundle[k], foreign).map((p) => `${JSON.stringify(k)} ${p}`) : []));
        assertNone(problems, `${file}:`);
      });
    });
  }
});

describe('message extraction', () => {
  it('reads literals with escapes, concatenations, templates and comments, skipping comments and non-literals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhdoc-l10n-'));
    mkdirSync(join(dir, 'src/features'), { recursive: true });
    writeFileSync(
      join(dir, 'src/features/a.ts'),
      [
        "import * as vscode from 'vscode';",
        "import { l10n } from 'vscode';",
        "vscode.l10n.t('It\\'s \"{0}\"', x);",
        'vscode.l10n.t("double \\"quoted\\" {0}", y);',
        "vscode.l10n.t('first ' +\n  'second');",
        'vscode.l10n.t(`template without substitution`);',
        "const s = `${vscode.l10n.t('inside a template')} and ${vscode\n  .l10n\n  .t('split call')}`;",
        "l10n.t('imported l10n');",
        "// vscode.l10n.t('in a line comment');",
        "/* vscode.l10n.t('in a block comment') */",
        "const t = 'vscode.l10n.t(\"in a string\")';",
        "vscode.l10n.t({ message: 'with comment {0}', args: [1], comment: ['a ', 'note'] });",
        'vscode.l10n.t(label);',
        'vscode.l10n.t(`dynamic ${x}`);',
        "vscode.l10n.t('It\\'s \"{0}\"', z);",
      ].join('\n'),
    );
    const { messages, dynamic } = extractL10n(ROOT, dir);
    assert.deepEqual([...messages.keys()], [
      'It\'s "{0}"',
      'double "quoted" {0}',
      'first second',
      'template without substitution',
      'inside a template',
      'split call',
      'imported l10n',
      'with comment {0}/a note',
    ]);
    assert.deepEqual(messages.get('It\'s "{0}"')!.locations, ['src/features/a.ts:3', 'src/features/a.ts:18']);
    assert.deepEqual(englishBundle(messages)['with comment {0}/a note'], { message: 'with comment {0}', comment: ['a ', 'note'] });
    assert.deepEqual(dynamic.map((d) => [d.line, d.argument, d.known]), [[16, 'label', false], [17, '`dynamic ${x}`', false]]);
  });

  it('compares placeholders as sets', () => {
    assert.deepEqual(placeholders('{1} of {0}, {1} again, {name}'), ['{0}', '{1}', '{name}']);
    assert.deepEqual(placeholders('none {x y}'), []);
  });
});
