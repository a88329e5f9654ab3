// Types of scripts/l10n-extract.mjs for test/unit/l10n.test.ts.
export interface ExtractedMessage {
  readonly message: string;
  readonly comment?: string[];
  /** `file:line` of every use, in source order. */
  readonly locations: string[];
}
export interface DynamicCall {
  readonly file: string;
  readonly line: number;
  /** The source text of the first argument. */
  readonly argument: string;
  /** True when KNOWN_DYNAMIC says where its messages come from. */
  readonly known: boolean;
}
export type BundleValue = string | { message: string; comment: string[] };

export const ENGLISH_BUNDLE: string;
export const TRANSLATED_BUNDLES: string[];
export const KNOWN_DYNAMIC: { file: string; argument: string; source: string }[];
export function placeholders(text: string): string[];
export function extractL10n(root: string, sourceRoot?: string): { messages: Map<string, ExtractedMessage>; dynamic: DynamicCall[] };
export function englishBundle(messages: Map<string, ExtractedMessage>): Record<string, BundleValue>;
export function serializeBundle(bundle: Record<string, BundleValue>): string;
