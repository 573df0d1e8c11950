// Exports as normal browser downloads, shared by the popup and the dashboard (one copy).
//
// Why here: WXT treats `entrypoints/*.ts` and `entrypoints/<dir>/index.*` as entrypoints, nothing deeper, so a
// folder without an index file is plain code the pages import (see PATH_GLOB_TO_TYPE_MAP in WXT's
// find-entrypoints). It is not in lib/ because it uses extension globals (browser.downloads), and not in
// components/ because it is not UI. Do not add an index.* file to this folder: that would make it an entrypoint.
import { browser } from 'wxt/browser';
import { chunksToBlob, type ChunkProgress } from '@/lib/blob';

export type ExportKind = 'posts' | 'snapshots' | 'backup';

const EXTENSION: Record<ExportKind, 'csv' | 'json'> = { posts: 'csv', snapshots: 'csv', backup: 'json' };
export const CSV_TYPE = 'text/csv;charset=utf-8';
export const JSON_TYPE = 'application/json';

/** postmeter-posts-YYYY-MM-DD.csv, -snapshots-….csv, -backup-….json; the user's local date. */
export function exportFilename(kind: ExportKind, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `postmeter-${kind}-${day}.${EXTENSION[kind]}`;
}

/** How long an object URL outlives a download that never reports an end (the page may close first anyway). */
const REVOKE_FALLBACK_MS = 10 * 60_000;

/**
 * Builds the file from `chunks` (see lib/blob.ts: never the whole text in JS memory) and hands it to the
 * browser's download manager under `filename` (renamed "name (1).csv" rather than overwriting). Resolves with
 * the download id once the download has started; rejects if the source or the download fails to start.
 */
export async function downloadChunks(
  chunks: AsyncIterable<string>,
  filename: string,
  type: string,
  onChunk?: (progress: ChunkProgress) => void,
): Promise<number> {
  const blob = await chunksToBlob(chunks, type, { onChunk });
  const url = URL.createObjectURL(blob);
  let revoked = false;
  const revoke = () => {
    if (revoked) return;
    revoked = true;
    URL.revokeObjectURL(url);
    browser.downloads.onChanged.removeListener(onChanged);
  };
  let id: number | undefined;
  const onChanged = (delta: { id: number; state?: { current?: string } }) => {
    // The browser holds its own reference to the blob once the download ends; until then keep the URL.
    const state = delta.state?.current;
    if (delta.id === id && (state === 'complete' || state === 'interrupted')) revoke();
  };
  browser.downloads.onChanged.addListener(onChanged);
  try {
    id = await browser.downloads.download({ url, filename, conflictAction: 'uniquify' });
  } catch (error) {
    revoke();
    throw error;
  }
  setTimeout(revoke, REVOKE_FALLBACK_MS);
  return id;
}
