// The runtime messages zhdoc localises, read from the source with the TypeScript parser (already a devDependency):
//   - every `vscode.l10n.t(...)` / `l10n.t(...)` call in src/**/*.ts whose message is a string literal, a template
//     literal without substitutions, a `+` concatenation of those, or an object `{ message, comment }`;
//   - the labels and descriptions of CONVERSION_CONFIGS (src/core/convert.ts), which the Convert Script… pick
//     passes to `vscode.l10n.t(c.label)` / `vscode.l10n.t(c.description)`.
// Shared by scripts/l10n.mjs (writes l10n/bundle.l10n.json) and test/unit/l10n.test.ts (checks the bundles).
// No import.meta here: the unit test bundles this file as CommonJS. Callers pass the repository root.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

export const ENGLISH_BUNDLE = 'l10n/bundle.l10n.json';
export const TRANSLATED_BUNDLES = ['l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-tw.json'];

/** `l10n.t(x)` calls whose message is not a literal, and where their messages come from (covered below). */
export const KNOWN_DYNAMIC = [
  { file: 'src/features/conversionCommands.ts', argument: 'c.label', source: 'CONVERSION_CONFIGS labels' },
  { file: 'src/features/conversionCommands.ts', argument: 'c.description', source: 'CONVERSION_CONFIGS descriptions' },
];

/** Message placeholders, as VS Code's l10n formats them: `{0}`, `{1}`, … and named `{name}`. */
export function placeholders(text) {
  return [...new Set(text.match(/\{(?:\d+|[A-Za-z_]\w*)\}/g) ?? [])].sort();
}

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out.sort();
}

/**
 * Extracts the messages of `sourceRoot`/src (the repository's own by default; typescript is loaded from `root`).
 * @returns {{ messages: Map<string, { message: string, comment?: string[], locations: string[] }>, dynamic: { file: string, line: number, argument: string, known: boolean }[] }}
 *   `messages` maps the bundle key (the message, or `message/comment` when a comment is given, as VS Code looks
 *   it up) to the message, in source order; `dynamic` lists the calls whose message is not a literal.
 */
export function extractL10n(root, sourceRoot = root) {
  const ts = createRequire(join(root, 'package.json'))('typescript');
  const messages = new Map();
  const dynamic = [];
  const add = (message, comment, location) => {
    const key = comment?.length ? `${message}/${comment.join('')}` : message;
    const entry = messages.get(key) ?? { message, ...(comment?.length ? { comment } : {}), locations: [] };
    entry.locations.push(location);
    messages.set(key, entry);
  };

  /** The text of a literal string expression, or undefined when it is not one. */
  const literal = (node) => {
    while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || (ts.isSatisfiesExpression?.(node) ?? false)) node = node.expression;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = literal(node.left);
      const right = literal(node.right);
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    return undefined;
  };
  const property = (object, name) => object.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer;
  const isL10nT = (callee) =>
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 't' &&
    ((ts.isIdentifier(callee.expression) && callee.expression.text === 'l10n') ||
      (ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'l10n'));

  let configEntries = 0;
  for (const path of sourceFiles(join(sourceRoot, 'src'))) {
    const text = readFileSync(path, 'utf8');
    const file = relative(sourceRoot, path).split(sep).join('/');
    const hasCalls = /\bl10n\s*\.\s*t\b/.test(text);
    const hasConfigs = text.includes('CONVERSION_CONFIGS');
    if (!hasCalls && !hasConfigs) continue;
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const lineOf = (node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const visit = (node) => {
      if (ts.isCallExpression(node) && isL10nT(node.expression) && node.arguments.length > 0) {
        const first = node.arguments[0];
        const message = literal(first);
        if (message !== undefined) {
          add(message, undefined, `${file}:${lineOf(node)}`);
        } else if (ts.isObjectLiteralExpression(first) && property(first, 'message') && literal(property(first, 'message')) !== undefined) {
          const comment = property(first, 'comment');
          const comments = !comment ? [] : ts.isArrayLiteralExpression(comment) ? comment.elements.map(literal) : [literal(comment)];
          if (comments.every((c) => c !== undefined)) add(literal(property(first, 'message')), comments, `${file}:${lineOf(node)}`);
          else dynamic.push({ file, line: lineOf(node), argument: first.getText(source), known: false });
        } else {
          const argument = first.getText(source);
          dynamic.push({ file, line: lineOf(node), argument, known: KNOWN_DYNAMIC.some((d) => d.file === file && d.argument === argument) });
        }
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'CONVERSION_CONFIGS' && node.initializer) {
        let array = node.initializer;
        while (ts.isAsExpression(array) || ts.isParenthesizedExpression(array) || (ts.isSatisfiesExpression?.(array) ?? false)) array = array.expression;
        if (ts.isArrayLiteralExpression(array)) {
          for (const element of array.elements) {
            if (!ts.isObjectLiteralExpression(element)) continue;
            for (const name of ['label', 'description']) {
              const value = property(element, name);
              const message = value && literal(value);
              if (message !== undefined && message !== '') {
                add(message, undefined, `${file}:${lineOf(value)} (CONVERSION_CONFIGS ${name})`);
                configEntries++;
              }
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  if (configEntries === 0 && sourceRoot === root) throw new Error('l10n: found no labels in CONVERSION_CONFIGS (src/core/convert.ts); update scripts/l10n-extract.mjs');
  return { messages, dynamic };
}

/** bundle.l10n.json as VS Code and @vscode/l10n-dev write it: key → message, or key → { message, comment }. */
export function englishBundle(messages) {
  const bundle = {};
  for (const [key, m] of messages) bundle[key] = m.comment ? { message: m.message, comment: m.comment } : m.message;
  return bundle;
}

export function serializeBundle(bundle) {
  return JSON.stringify(bundle, null, 2) + '\n';
}
