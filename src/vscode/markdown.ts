/**
 * Document text inside hovers: every piece of it is escaped for both markdown and HTML, so a document that
 * contains `[link](command:…)`, `<script>` or `**` shows as text and is never interpreted.
 */
import { escapeHtml } from '../core/text';

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~:>]/g;

export function escapeMarkdownText(text: string): string {
  return escapeHtml(text).replace(MARKDOWN_PUNCTUATION, '\\$&').replace(/\r?\n/g, ' ');
}
