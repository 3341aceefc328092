import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Parallax',
    description: 'See, sentence by sentence, how other outlets reported the same claim.',
    permissions: ['storage', 'activeTab', 'alarms', 'unlimitedStorage', 'offscreen'],
    // Outlets' feeds are fetched only after the reader follows them; the host
    // permission is asked for per outlet at that moment.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Parallax' },
  },
});
