/**
 * `npm run build:icons`: renders public/icon.svg to the toolbar and store
 * icons (public/icon/16.png … 128.png) in Chromium, and a preview of each
 * size on a light and a dark toolbar (icon-preview.png, not shipped) to check
 * that the icon reads on both. The PNGs are committed; run this after
 * changing the SVG.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from './support/browser';
import { ICONS } from '../lib/extension/manifest';

const ROOT = path.resolve(import.meta.dirname, '..');
const PUBLIC = path.join(ROOT, 'public');

/** Toolbar colours of Chrome's and Firefox's light and dark themes. */
const TOOLBARS = ['#ffffff', '#f9f9fb', '#2b2a33', '#202124'];

async function main(): Promise<void> {
  const svg = await readFile(path.join(PUBLIC, 'icon.svg'), 'utf8');
  const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [size, file] of Object.entries(ICONS)) {
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img id="i" src="${dataUrl}" width="${size}" height="${size}"></body></html>`,
      );
      const png = await page.locator('#i').screenshot({ omitBackground: true });
      await mkdir(path.dirname(path.join(PUBLIC, file)), { recursive: true });
      await writeFile(path.join(PUBLIC, file), png);
      console.log(`${file} (${size}×${size})`);
    }
    // Each size, at its real pixel size, on each toolbar colour.
    const rows = TOOLBARS.map(
      (bg) =>
        `<div style="background:${bg};padding:8px;display:flex;gap:12px;align-items:center">` +
        Object.keys(ICONS)
          .map((size) => `<img src="${dataUrl}" width="${size}" height="${size}">`)
          .join('') +
        '</div>',
    ).join('');
    // The 16-pixel PNG itself, magnified, pixel by pixel.
    const small = (await readFile(path.join(PUBLIC, ICONS['16']!))).toString('base64');
    const zoom = TOOLBARS.map(
      (bg) =>
        `<img src="data:image/png;base64,${small}" width="128" height="128" style="image-rendering:pixelated;background:${bg};padding:8px">`,
    ).join('');
    await page.setContent(`<html><body style="margin:0;display:inline-block">${rows}<div style="display:flex">${zoom}</div></body></html>`);
    const preview = path.join(ROOT, 'demo-output', 'icon-preview.png');
    await mkdir(path.dirname(preview), { recursive: true });
    await page.locator('body').screenshot({ path: preview });
    console.log(`preview: ${path.relative(ROOT, preview)}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
