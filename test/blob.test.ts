import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunksToBlob } from '@/lib/blob';

async function* gen(chunks: string[]) {
  for (const c of chunks) yield c;
}

describe('chunksToBlob', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the text exactly, UTF-8 encoded, with its type', async () => {
    const chunks = ['\uFEFFsite,post_id\r\n', 'x,"a ""quoted"", comma"\r\n', 'x,emoji 🎉 and RTL שלום\r\n'];
    const blob = await chunksToBlob(gen(chunks), 'text/csv;charset=utf-8');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM as UTF-8
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(chunks.join(''));
    expect(blob.size).toBe(new TextEncoder().encode(chunks.join('')).length);
  });

  it('an empty source gives an empty Blob', async () => {
    const blob = await chunksToBlob(gen([]), 'application/json');
    expect(blob.size).toBe(0);
    expect(blob.type).toBe('application/json');
  });

  it('wraps text in a Blob part every partChars characters, and reports progress per chunk', async () => {
    const made: unknown[][] = [];
    const RealBlob = globalThis.Blob;
    vi.spyOn(globalThis, 'Blob').mockImplementation(function (this: unknown, parts?: BlobPart[], opts?: BlobPropertyBag) {
      made.push(parts ?? []);
      return new RealBlob(parts, opts);
    } as unknown as typeof Blob);
    const seen: number[] = [];
    const chunks = Array.from({ length: 10 }, (_, i) => String(i).repeat(4));
    const blob = await chunksToBlob(gen(chunks), 'text/plain', { partChars: 10, onChunk: (p) => seen.push(p.chars) });
    expect(await blob.text()).toBe(chunks.join(''));
    expect(seen).toEqual(chunks.map((_, i) => 4 * (i + 1)));
    // 3 chunks (12 chars) per part: parts of 3, 3, 3 and 1 chunks, then the final Blob of those 4 parts.
    const parts = made.slice(0, -1);
    expect(parts.map((p) => p.length)).toEqual([3, 3, 3, 1]);
    expect(made.at(-1)).toHaveLength(4);
    for (const p of made.at(-1)!) expect(p).toBeInstanceOf(RealBlob);
  });

  it('a source that fails part-way rejects', async () => {
    async function* broken() {
      yield 'a';
      throw new Error('cursor lost');
    }
    await expect(chunksToBlob(broken(), 'text/plain')).rejects.toThrow('cursor lost');
  });

  it('accepts a plain iterable and a progress callback as the third argument', async () => {
    const calls: number[] = [];
    const blob = await chunksToBlob(['ab', '', 'c'], 'text/plain', (p) => calls.push(p.chunks));
    expect(await blob.text()).toBe('abc');
    expect(calls).toEqual([1, 2]);
  });
});
