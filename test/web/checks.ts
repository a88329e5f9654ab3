/** Further core checks for the Web Worker run, one per capability, added as the capabilities land. */
export const WEB_CHECKS: Array<[string, () => void]> = [];
