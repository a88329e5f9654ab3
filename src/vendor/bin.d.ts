// A binary file imported by a vendor entry: esbuild's file loader (scripts/build.mjs) copies it beside the
// bundle and the import is its path relative to the bundle.
declare module '*.bin' {
  const path: string;
  export default path;
}
