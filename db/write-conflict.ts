/** PostgreSQL's own words for the same thing: a serialization failure, a deadlock, a unique violation raced. */
const POSTGRES_CONFLICTS = new Set(["40001", "40P01"]);

/**
 * DuckDB's optimistic concurrency: two transactions that write the same row at the same time are not
 * queued; the second fails with "TransactionContext Error: Conflict on update!" (or on tuple deletion).
 * On PostgreSQL (scale-out) a serialization failure or a deadlock is the same kind of error: run it again.
 */
export function isWriteConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && POSTGRES_CONFLICTS.has(code)) return true;
  return /Conflict on (update|tuple deletion)/i.test(error.message);
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

/**
 * Runs a conditional write (`… WHERE used_at IS NULL`) again when DuckDB refused it for a concurrent
 * write to the same row: on the next attempt its condition is checked against what the other committed,
 * so exactly one of two racing requests gets the row and neither gets a 500.
 */
export async function retryingConflicts<T>(write: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * Math.random() * 5));
    }
  }
}
