import type { Executor } from "../database";
import { decryptJson, encryptJson } from "../intake/envelope";
import type { ServerKey } from "../intake/server-key";
import { dataKeyOf } from "../intake/submission-repository";
import type { Submission } from "../schema/submission.table";
import type { Draft } from "./draft";

const draftAad = (id: string) => `draft:${id}`;

type KeyedRow = Pick<Submission, "id" | "key_id" | "wrapped_key" | "draft_ciphertext" | "draft_nonce">;

/** The stored draft, or null when there is none yet or the raw submission was destroyed. */
export function readDraft(key: ServerKey, row: KeyedRow): Draft | null {
  if (!row.draft_ciphertext || !row.draft_nonce) return null;
  const dataKey = dataKeyOf(key, row);
  if (!dataKey) return null;
  return decryptJson<Draft>(dataKey, { nonce: row.draft_nonce, ciphertext: row.draft_ciphertext }, draftAad(row.id));
}

export class RawDataGoneError extends Error {
  constructor() {
    super("The raw submission was destroyed or is under another key: nothing can be reviewed.");
    this.name = "RawDataGoneError";
  }
}

/** Encrypts the draft with the submission's data key (so destroying the key destroys the draft). */
export async function writeDraft(db: Executor, key: ServerKey, row: KeyedRow, draft: Draft): Promise<void> {
  const dataKey = dataKeyOf(key, row);
  if (!dataKey) throw new RawDataGoneError();
  const sealed = encryptJson(dataKey, draft, draftAad(row.id));
  await db
    .updateTable("submissions")
    .set({ draft_ciphertext: sealed.ciphertext, draft_nonce: sealed.nonce })
    .where("id", "=", row.id)
    .execute();
}
