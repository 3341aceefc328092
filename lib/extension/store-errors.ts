/** Plain accounts of failed writes to the store, for the reader. */

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { name?: unknown; inner?: unknown };
  if (typeof e.name === 'string' && e.name !== 'Error' && e.name !== 'DexieError') {
    // Dexie wraps the browser's error and keeps it as `inner`.
    if ((e.name === 'AbortError' || e.name.endsWith('Error')) && e.inner) return errorName(e.inner) ?? e.name;
    return e.name;
  }
  return e.inner ? errorName(e.inner) : undefined;
}

/**
 * A plain account of a failed write, or undefined when the error is not the
 * store's (a bad article, say). Every write is one transaction, so the
 * message can promise that nothing was half-stored.
 */
export function describeStoreError(error: unknown): string | undefined {
  const name = errorName(error);
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(text)) {
    return 'The browser’s storage for Parallax is full, so this article was not saved (nothing of it was kept). Delete old articles on the options page to make room.';
  }
  if (
    name &&
    [
      'AbortError',
      'InvalidStateError',
      'UnknownError',
      'DataError',
      'DatabaseClosedError',
      'OpenFailedError',
      'TransactionInactiveError',
    ].includes(name)
  ) {
    return `The article could not be saved (${name}); nothing of it was kept. Try again, or restart the browser if it keeps happening.`;
  }
  return undefined;
}
