// Types for chromium.mjs (plain JS so the demo runs with node alone).
export function findChromium(): string | undefined;
export const NO_CHROMIUM: string;
export function extensionArgs(extensionDir: string, options?: { headless?: boolean }): string[];
