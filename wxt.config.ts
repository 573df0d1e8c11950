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
    // Mastodon runs on any server. The options page asks for one instance's host at a time, when the user adds it,
    // with `scripting` to register the content script there (entrypoints/background/instances.ts). Nothing beyond
    // the sites above is granted at install: Chrome requires the optional pattern to be declared, and the user
    // grants it per instance at runtime only.
    optional_permissions: ['scripting'],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Postmeter' },
  },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // MV2 (Firefox) has no optional_host_permissions: there the optional host pattern is an optional permission.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.manifest_version === 2) {
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), 'https://*/*'] as typeof manifest.optional_permissions;
      }
    },
  },
});
