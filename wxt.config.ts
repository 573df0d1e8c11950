import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS } from './lib/sites/hosts';

// See ../shared/DESIGN.md: host permissions for the ten supported sites only (lib/sites/hosts.ts),
// and only the permissions a feature uses.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Postmeter',
    description:
      'How your posts really do: keeps the statistics social sites show, on your machine, and computes the rates that matter.',
    // storage: the recording switch; downloads: Export CSV as a normal download.
    permissions: ['storage', 'downloads'],
    host_permissions: HOST_PERMISSIONS,
    action: { default_title: 'Postmeter' },
  },
  vite: () => ({ plugins: [preact()] }),
});
