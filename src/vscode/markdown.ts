/**
 * Document text inside hovers: every piece of it is escaped for both markdown and HTML, so a document that
 * contains `[link](command:…)`, `<script>` or `**` shows as text and is never interpreted.
 */

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~:>]/g;

/** Named entities only: a numeric one (`&#39;`) would have its `#` escaped for markdown and show as typed. */
const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text escaped once for each layer: HTML's `&`, `<`, `>`, `"` become named entities (no markdown punctuation in
 * them), then markdown punctuation is backslash-escaped; an apostrophe needs neither (`dá'àn`, `~'s`).
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_SPECIAL[c]!).replace(MARKDOWN_PUNCTUATION, '\\$&').replace(/\r?\n/g, ' ');
}
