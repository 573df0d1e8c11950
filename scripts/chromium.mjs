// Finding Debian's Chromium and the flags that load the unpacked extension: shared by the demo and
// the browser tests. Branded Chrome 137+ ignores --load-extension, so only Chromium will do.
import { existsSync } from 'node:fs';

/** CHROMIUM_PATH, else the usual Debian/Ubuntu paths; undefined when none exists. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((path) => existsSync(path));
}

export const NO_CHROMIUM = `No Chromium found (looked at ${process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}, ` : ''}/usr/bin/chromium, /usr/bin/chromium-browser).

Postmeter's demo and browser tests need Chromium, not branded Google Chrome: Chrome 137 and later
ignore --load-extension, so they cannot load an unpacked extension from the command line.

  Debian/Ubuntu:  sudo apt-get install chromium
  Elsewhere:      set CHROMIUM_PATH to a Chromium build, e.g. CHROMIUM_PATH=/path/to/chromium npm run demo`;

/**
 * Command-line flags for a profile that loads the extension at `extensionDir` and makes no background
 * connections of its own (this machine's network is closed; a user's should stay quiet too).
 */
export function extensionArgs(extensionDir, { headless = true } = {}) {
  return [
    ...(headless ? ['--headless=new', '--disable-gpu'] : []),
    // Chromium refuses to run as root with its sandbox; a normal user keeps it.
    ...(headless || process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}
