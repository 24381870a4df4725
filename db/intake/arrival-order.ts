import { sql } from "kysely";
import type { Executor } from "../database";
import { isPostgres } from "../dialect/postgres-values";
import { inTransaction } from "../in-transaction";
import { isWriteConflict } from "../write-conflict";

// DuckDB appends rows and scans them back in the order they were written, so a table read without
// ORDER BY (or the file itself) would give the order in which officers sent their reports within a day.
// Rewriting the day's rows in the order of their random UUIDs, in the transaction that adds
// one, leaves a physical order that says nothing: at every commit it is the order of random ids.
// The cost is one day's rows per submission, bounded by the hourly caps (120 an hour); a periodic
// rewrite would be cheaper but leaves the newest rows in arrival order until it runs, and holding
// submissions in memory to flush them shuffled would break "receipt only once it is durable".
// On PostgreSQL (scale-out) the same statements run, under a lock that lets nobody else read or write
// submissions until the rewrite commits: several app processes insert at once (the in-process queue
// below orders only this one's), and under READ COMMITTED a reviewer's update of a row the rewrite
// deletes meanwhile would otherwise be lost rather than refused as DuckDB's conflict is. The heap keeps
// less of a promise than DuckDB's append order: once VACUUM has freed space, the day's rows may land on
// earlier pages (3 of 120 scans out of id order with a VACUUM every 10 submissions over 150 pages), but
// they are inserted in id order, so where they land follows the ids and free space, not arrival.

const ATTEMPTS = 5;
// One process owns the database: queueing our own inserts here means they never conflict with each
// other; a retry is left only for a reviewer's update meeting the rewrite.
let queue: Promise<unknown> = Promise.resolve();

async function rewriteDayInIdOrder(db: Executor, day: string): Promise<void> {
  await sql`CREATE TEMP TABLE submissions_of_day AS SELECT * FROM submissions WHERE received_on = ${day}`.execute(db);
  await sql`DELETE FROM submissions WHERE received_on = ${day}`.execute(db);
  await sql`INSERT INTO submissions SELECT * FROM submissions_of_day ORDER BY id`.execute(db);
  await sql`DROP TABLE submissions_of_day`.execute(db);
}

/** Runs `insert` (which adds one submission received on `day`) and reorders that day, atomically. */
export function insertWithoutArrivalOrder(
  db: Executor,
  day: string,
  insert: (trx: Executor) => Promise<void>,
): Promise<void> {
  const run = queue.then(async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(db, async (trx) => {
          // Taken before the insert: two processes that each inserted first would deadlock upgrading their
          // locks. Milliseconds a submission (the hourly caps keep them few); readers wait meanwhile.
          if (isPostgres(trx)) await sql`LOCK TABLE submissions IN ACCESS EXCLUSIVE MODE`.execute(trx);
          await insert(trx);
          await rewriteDayInIdOrder(trx, day);
        });
      } catch (error) {
        if (!isWriteConflict(error) || attempt === ATTEMPTS) throw error;
      }
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
