// TextDecoder is in every host the core runs in (Node, browsers, web workers: WHATWG Encoding), but the core
// is checked without Node or DOM types; this is the part of it the core uses.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
