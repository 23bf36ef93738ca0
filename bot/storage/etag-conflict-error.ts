/**
 * A write carried an eTag that is no longer the stored one. botbuilder's Storage contract reports this by
 * rejecting the write (its own stores do the same), so it is an exception rather than a result.
 */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';

  constructor(readonly key: string) {
    // Same wording as botbuilder's MemoryStorage, so logs read the same whichever store is configured.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}
