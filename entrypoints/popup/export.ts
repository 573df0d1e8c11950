// "Export CSV": the posts CSV of everything stored, as a normal browser download.
import { browser } from 'wxt/browser';
import type { PostmeterDatabase } from '@/lib/store/schema';
import { postsCsvChunks } from '@/lib/store/export';

export async function downloadPostsCsv(db: PostmeterDatabase, now = new Date()): Promise<void> {
  const parts: string[] = [];
  for await (const chunk of postsCsvChunks(db)) parts.push(chunk);
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  const filename = `postmeter-posts-${now.toISOString().slice(0, 10)}.csv`;
  try {
    await browser.downloads.download({ url, filename, conflictAction: 'uniquify' });
  } finally {
    // The download has its own copy once started; keep the URL a little for slow starts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
