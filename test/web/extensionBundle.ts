/// <reference lib="dom" />
/**
 * Runs in a Web Worker: evaluates dist/web/extension.js the way VS Code's web extension host loads a
 * CommonJS extension, to prove the bundle needs no Node built-ins, and reports its exports.
 */
const post = (message: unknown): void => (globalThis as unknown as { postMessage(m: unknown): void }).postMessage(message);

const request = new XMLHttpRequest();
request.open('GET', '/dist/web/extension.js', false);
request.send();
const loaded = { exports: {} as Record<string, unknown> };
try {
  new Function('module', 'exports', 'require', request.responseText)(loaded, loaded.exports, (id: string) => {
    if (id === 'vscode') return {};
    throw new Error(`the web bundle requires "${id}"`);
  });
  post({ exports: Object.keys(loaded.exports).sort(), size: request.responseText.length });
} catch (e) {
  post({ error: e instanceof Error ? e.message : String(e) });
}
