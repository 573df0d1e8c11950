// A database connection that reopens on demand. openStore() closes its connection when another context asks
// for a newer schema version (an extension update), so an upgrade is never blocked by an open popup,
// dashboard or background; whoever holds the handle gets a fresh connection on its next call instead of an
// InvalidStateError. Pure IDB: no extension globals.

/** What the handle needs of a connection: idb's IDBPDatabase (a proxy over IDBDatabase) fits. */
export interface ClosableDatabase {
  addEventListener(type: 'versionchange' | 'close', listener: () => void): void;
}

export interface StoreHandle<D> {
  /** The open connection, opening a new one when there is none or the last one was closed. */
  get(): Promise<D>;
  /**
   * Runs `fn` on the connection; if the connection turned out to be closing (InvalidStateError from
   * db.transaction()), once more on a fresh one. Only for work that is safe to repeat after a failure:
   * a failed transaction stored nothing.
   */
  run<T>(fn: (db: D) => Promise<T>): Promise<T>;
  /** Forget the current connection (after an error that suggests it is broken). */
  reset(): void;
}

export function storeHandle<D extends ClosableDatabase>(open: () => Promise<D>): StoreHandle<D> {
  let current: Promise<D> | undefined;
  const drop = (which: Promise<D>) => () => {
    if (current === which) current = undefined;
  };
  const handle: StoreHandle<D> = {
    get() {
      if (current) return current;
      const opening = open();
      current = opening;
      opening.then(
        (db) => {
          // openStore's own versionchange handler closes the connection; this one forgets it. 'close' fires
          // when the browser closes it (storage cleared, disk error).
          db.addEventListener('versionchange', drop(opening));
          db.addEventListener('close', drop(opening));
        },
        drop(opening),
      );
      return opening;
    },
    async run(fn) {
      const db = await handle.get();
      try {
        return await fn(db);
      } catch (error) {
        if (!isClosedConnection(error)) throw error;
        if (current && (await current.catch(() => undefined)) === db) current = undefined;
        return fn(await handle.get());
      }
    },
    reset() {
      current = undefined;
    },
  };
  return handle;
}

/** db.transaction() on a closed or closing connection. */
export function isClosedConnection(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'InvalidStateError';
}
