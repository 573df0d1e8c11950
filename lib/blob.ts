// Text chunks (an export written page by page) → one Blob, without ever holding the whole text in JS memory.
// Pure: no extension globals, so it runs under vitest; entrypoints/shared/downloads.ts turns the Blob into a
// browser download.
//
// Each ~1 MB of chunks becomes its own Blob as soon as it arrives. A Blob's bytes move into the browser's blob
// storage (Chromium spills large ones to disk), so the JS strings behind it can be collected; the final Blob is
// built from those parts, which references their data instead of copying it into one string.

/** How many characters of text are gathered before they become a Blob part (about 1 MB of ASCII CSV). */
export const BLOB_PART_CHARS = 1 << 20;

export interface ChunkProgress {
  /** Chunks read so far. */
  chunks: number;
  /** UTF-16 code units read so far (text length, not bytes). */
  chars: number;
}

export interface ChunksToBlobOptions {
  /** Called after every chunk. */
  onChunk?: (progress: ChunkProgress) => void;
  /** Characters per Blob part (tests use a small value). */
  partChars?: number;
}

/**
 * Drains `chunks` into a Blob of MIME type `type` (text is encoded as UTF-8, as Blob always does).
 * Rejects with the iterator's error if the source fails part-way; nothing of a half-read source is returned.
 */
export async function chunksToBlob(
  chunks: AsyncIterable<string> | Iterable<string>,
  type: string,
  options: ChunksToBlobOptions | ((progress: ChunkProgress) => void) = {},
): Promise<Blob> {
  const { onChunk, partChars = BLOB_PART_CHARS } = typeof options === 'function' ? { onChunk: options } : options;
  const parts: Blob[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const progress: ChunkProgress = { chunks: 0, chars: 0 };
  const flush = () => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingChars = 0;
  };
  for await (const chunk of chunks) {
    if (typeof chunk !== 'string') throw new TypeError(`expected text chunks, got ${typeof chunk}`);
    if (chunk.length === 0) continue;
    pending.push(chunk);
    pendingChars += chunk.length;
    progress.chunks++;
    progress.chars += chunk.length;
    if (pendingChars >= partChars) flush();
    onChunk?.({ ...progress });
  }
  flush();
  return new Blob(parts, { type });
}
