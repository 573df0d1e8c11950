// Storage-full errors, under the names each engine gives them.

/** The database refused a write because the origin's storage is full. Nothing of that batch was stored. */
export class QuotaError extends Error {
  override name = 'QuotaError';
  constructor(message = 'Storage is full: the batch was not stored', options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isQuotaExceeded(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' || // older Firefox
    code === 22 // DOMException.QUOTA_EXCEEDED_ERR
  );
}
