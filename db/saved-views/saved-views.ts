// A member's saved views. Ownership is in every query's `where` (docs/design.md §10, convention 2): a member lists
// and deletes
// only their own.
import type { Executor } from "../database";

/** Enough for a working set of views; a cap keeps one account from growing the table without end. */
export const MAX_SAVED_VIEWS = 50;

export interface SavedViewItem {
  id: string;
  name: string;
  path: string;
}

export async function listSavedViews(db: Executor, userId: string): Promise<SavedViewItem[]> {
  return db
    .selectFrom("saved_views")
    .select(["id", "name", "path"])
    .where("user_id", "=", userId)
    .orderBy("name")
    .orderBy("created_at")
    .execute();
}

/** Saves a view; a view of the same name is replaced. False when the member already has the most views. */
export async function saveView(db: Executor, userId: string, view: { name: string; path: string }): Promise<boolean> {
  await db.deleteFrom("saved_views").where("user_id", "=", userId).where("name", "=", view.name).execute();
  const row = await db
    .selectFrom("saved_views")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (Number(row?.n ?? 0) >= MAX_SAVED_VIEWS) return false;
  await db
    .insertInto("saved_views")
    .values({ id: crypto.randomUUID(), user_id: userId, name: view.name, path: view.path, created_at: new Date() })
    .execute();
  return true;
}

/** Deletes one of the member's own views; false when there is no such view of theirs. */
export async function deleteSavedView(db: Executor, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("saved_views")
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
