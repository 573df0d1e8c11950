import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { storeHandle } from '@/lib/db-handle';
import { openStore } from '@/lib/store/schema';

describe('storeHandle', () => {
  it('opens once and reuses the connection', async () => {
    globalThis.indexedDB = new IDBFactory();
    let opened = 0;
    const handle = storeHandle(() => (opened++, openStore('h1')));
    const [a, b] = await Promise.all([handle.get(), handle.get()]);
    expect(a).toBe(b);
    expect(await handle.get()).toBe(a);
    expect(opened).toBe(1);
    a.close();
  });

  it('reopens after the connection stepped aside for an upgrade, which is not blocked', async () => {
    globalThis.indexedDB = new IDBFactory();
    const first = await storeHandle(() => openStore('h2')).get();
    // openStore's connection steps aside for a newer schema (an extension update): the upgrade is not blocked.
    const newer = await openDB('h2', first.version + 1, { blocked: () => expect.fail('upgrade blocked') });
    newer.close();
    expect(() => first.transaction('posts')).toThrow();

    // The handle then opens a fresh connection, at whatever version the code asks for now.
    let version = 1;
    const handle = storeHandle(() =>
      openDB('h3', version, {
        blocking(_c, _b, event) {
          (event.target as IDBDatabase).close();
        },
      }),
    );
    const a = await handle.get();
    version = 2;
    const upgraded = await openDB('h3', 2, { blocked: () => expect.fail('upgrade blocked') });
    upgraded.close();
    const b = await handle.get();
    expect(b).not.toBe(a);
    expect(b.version).toBe(2);
    b.close();
  });

  it('run() retries once on a closed connection', async () => {
    globalThis.indexedDB = new IDBFactory();
    let opened = 0;
    const handle = storeHandle(() => (opened++, openStore('h4')));
    const db = await handle.get();
    db.close(); // closed without an event (as a race would leave it)
    const count = await handle.run((d) => d.count('posts'));
    expect(count).toBe(0);
    expect(opened).toBe(2);
    (await handle.get()).close();
  });

  it('a failed open is not cached', async () => {
    let calls = 0;
    const handle = storeHandle(async () => {
      calls++;
      if (calls === 1) throw new Error('disk error');
      return { addEventListener() {} };
    });
    await expect(handle.get()).rejects.toThrow('disk error');
    await expect(handle.get()).resolves.toBeDefined();
    expect(calls).toBe(2);
  });
});
