// Renders media/icon.svg to media/icon.png (128×128, the Marketplace icon) with chromium, so the PNG is
// reproducible from its source.
import { readFileSync } from 'node:fs';
import { launchChromium } from './code-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const svg = readFileSync(`${root}media/icon.svg`, 'utf8');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: `${root}media/icon.png`, omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
await browser.close();
console.log('media/icon.png written');
