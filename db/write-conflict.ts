/**
 * DuckDB's optimistic concurrency: two transactions that write the same row at the same time are not
 * queued; the second fails with "TransactionContext Error: Conflict on update!" (or on tuple deletion).
 */
export function isWriteConflict(error: unknown): boolean {
  return error instanceof Error && /Conflict on (update|tuple deletion)/i.test(error.message);
}

/**
 * Runs a write that only needs to have happened once, by this request or by another one at the same
 * moment (moving a session's idle clock, deleting an expired session): a conflict means the other
 * write won, which is as good.
 */
export async function unlessWrittenConcurrently(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isWriteConflict(error)) throw error;
  }
}
