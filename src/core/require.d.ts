// The core is bundled by esbuild for Node and for web workers alike; esbuild resolves `require` at bundle
// time in both, which lets heavy libraries load on first use without the core depending on Node.
declare function require(id: string): unknown;
