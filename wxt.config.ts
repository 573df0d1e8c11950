import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS } from './lib/sites/hosts';

// See ../shared/DESIGN.md: host permissions for the ten supported sites only (lib/sites/hosts.ts),
// and only the permissions a feature uses.
/** Postmeter's add-on id on addons.mozilla.org (never changes once published). */
const FIREFOX_ID = 'postmeter@postmeter.dev';

// Builds for a helper's own browser tests can go to another folder (WXT_OUT_DIR=.output-x), so two builds at once
// don't overwrite each other; test/e2e/harness.ts reads the same variable.
export default defineConfig({
  outDir: process.env.WXT_OUT_DIR || '.output',
  // @wxt-dev/i18n: locales/<lang>.yml → _locales/<lang>/messages.json, and a typed i18n.t() (components/i18n.ts).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
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
  // POSTMETER_NO_MINIFY=1: readable function names in a profile (the scan bench's hotspot log); never for a release.
  vite: () => ({ plugins: [preact()], ...(process.env.POSTMETER_NO_MINIFY ? { build: { minify: false } } : {}) }),
  hooks: {
    // MV2 (Firefox) has no optional_host_permissions: there the optional host pattern is an optional permission.
    'build:manifestGenerated': (wxt, manifest) => {
      if (manifest.manifest_version === 2) {
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), 'https://*/*'] as typeof manifest.optional_permissions;
      }
      if (wxt.config.browser === 'firefox') {
        // AMO needs a stable id, and a statement of what data leaves the machine: none (Firefox 140+, Android 142+).
        (manifest as { browser_specific_settings?: unknown }).browser_specific_settings = {
          gecko: { id: FIREFOX_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          gecko_android: { strict_min_version: '142.0' },
        };
      }
    },
  },
});
