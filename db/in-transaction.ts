import type { Transaction } from "kysely";
import type { Database, Executor } from "./database";

/** Runs `work` in the caller's transaction when there is one, otherwise in a new one. */
export async function inTransaction<T>(db: Executor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
