import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { extensionManifest } from './lib/extension/manifest';

// https://wxt.dev/api/config.html
// `wxt build` makes the Chrome (MV3) extension, `wxt build -b firefox` the
// Firefox (MV2) one; the manifest of each is written in lib/extension/manifest.ts.
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => extensionManifest(browser),
  // `wxt zip -b firefox` also packs the sources for addons.mozilla.org's review; not what runs leave behind.
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', '.cache/**'],
  },
});
