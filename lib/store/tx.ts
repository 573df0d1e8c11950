// Every readwrite transaction goes through writeTransaction: all of it commits or none of it does, and a full
// disk comes back as QuotaError whichever way the engine reports it.
import { QuotaError, isQuotaExceeded } from './quota';

interface WriteTx {
  readonly done: Promise<void>;
  readonly error: unknown;
  abort(): void;
}

/**
 * Run `work` (which must await only IDB requests of `tx`, or the transaction auto-commits half done), then wait
 * for the commit: only `tx.done` proves it happened. On any failure the transaction is aborted, so nothing of
 * it lands, and the error is rethrown (QuotaError when the storage is full).
 */
export async function writeTransaction<T>(tx: WriteTx, work: () => Promise<T>): Promise<T> {
  // Observed on every path below; without this an abort would also surface as an unhandled rejection.
  const done = tx.done.then(
    () => undefined,
    (err: unknown) => err ?? new Error('transaction aborted'),
  );
  try {
    const result = await work();
    const failed = await done;
    if (failed) throw failed;
    return result;
  } catch (err) {
    // A request that threw synchronously leaves the transaction active with earlier writes queued: abort so
    // none of them lands. (Throws if it already finished; that is fine.)
    try {
      tx.abort();
    } catch {
      /* already aborted or committed */
    }
    const txError = await done;
    // Chromium reports a full disk on commit, as the transaction's error; other paths as a request error.
    const quota = [err, txError, safeTxError(tx)].find(isQuotaExceeded);
    if (quota) throw new QuotaError(undefined, { cause: quota });
    throw err;
  }
}

/**
 * Collects write requests so they can be awaited together. If a later write throws synchronously, the earlier
 * ones reject with AbortError and nobody awaits them: each is marked handled here; `all()` still fails.
 */
export function writeQueue() {
  const pending: Promise<unknown>[] = [];
  return {
    add(p: Promise<unknown>): void {
      p.catch(() => {});
      pending.push(p);
    },
    all: () => Promise.all(pending),
  };
}

function safeTxError(tx: WriteTx): unknown {
  try {
    return tx.error;
  } catch {
    return undefined;
  }
}
