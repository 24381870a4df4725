import { randomUUID } from "node:crypto";
import type { Executor } from "../database";
import type { Submission } from "../schema/submission.table";
import { insertWithoutArrivalOrder } from "./arrival-order";
import { decryptJson, encryptJson, newDataKey, unwrapDataKey } from "./envelope";
import { narrativeFingerprint } from "./narrative-fingerprint";
import { generateReceiptCode, hashReceiptCode, normaliseReceiptCode } from "./receipt-code";
import type { ServerKey } from "./server-key";
import { dateOnly, type SubmissionPayload } from "./submission-payload";

export type ConsentLevel = Submission["consent_level"];

export interface NewSubmissionInput {
  payload: SubmissionPayload;
  consentLevel: ConsentLevel;
  /** Only when the officer chose agency_stats or agency_share (docs/design.md §6): never stored otherwise. */
  agencyId: string | null;
  receivedOn?: string;
}

export interface CreatedSubmission {
  id: string;
  /** Shown to the officer once; only its keyed hash is stored. */
  receiptCode: string;
  possibleDuplicateOf: string | null;
}

const payloadAad = (id: string) => `submission:${id}`;

/**
 * Encrypts and stores a submission (committed, so durable, when this resolves), in a physical position
 * that does not reveal when it arrived that day. A narrative already received is flagged as a possible
 * duplicate for reviewers, never dropped.
 */
export async function createSubmission(
  db: Executor,
  key: ServerKey,
  input: NewSubmissionInput,
): Promise<CreatedSubmission> {
  const id = randomUUID();
  const receiptCode = generateReceiptCode();
  const { dataKey, wrappedKey } = newDataKey(key, id);
  const sealed = encryptJson(dataKey, input.payload, payloadAad(id));
  const fingerprint = narrativeFingerprint(key.fingerprintSecret, input.payload.narrative);
  const earlier = await db
    .selectFrom("submissions")
    .select("id")
    .where("narrative_fingerprint", "=", fingerprint)
    .limit(1)
    .executeTakeFirst();
  const receivedOn = input.receivedOn ?? dateOnly();
  await insertWithoutArrivalOrder(db, receivedOn, async (trx) => {
    await trx
      .insertInto("submissions")
      .values({
        id,
        received_on: receivedOn,
        status: "received",
        receipt_hash: hashReceiptCode(key.receiptSecret, normaliseReceiptCode(receiptCode)!),
        consent_level: input.consentLevel,
        agency_id: input.consentLevel === "national" ? null : input.agencyId,
        key_id: key.id,
        wrapped_key: wrappedKey,
        ciphertext: sealed.ciphertext,
        nonce: sealed.nonce,
        narrative_fingerprint: fingerprint,
        possible_duplicate_of: earlier?.id ?? null,
      })
      .execute();
  });
  return { id, receiptCode, possibleDuplicateOf: earlier?.id ?? null };
}

/** The submission a receipt code belongs to, or undefined (mistyped, unknown or malformed code). */
export async function findSubmissionByReceipt(
  db: Executor,
  key: ServerKey,
  code: string,
): Promise<Submission | undefined> {
  const normalised = normaliseReceiptCode(code);
  if (!normalised) return undefined;
  return db
    .selectFrom("submissions")
    .selectAll()
    .where("receipt_hash", "=", hashReceiptCode(key.receiptSecret, normalised))
    .executeTakeFirst();
}

/** The submission's data key, or null once it was destroyed (crypto-shred) or wrapped by another key. */
export function dataKeyOf(
  key: ServerKey,
  submission: Pick<Submission, "id" | "key_id" | "wrapped_key">,
): Buffer | null {
  if (!submission.wrapped_key || submission.key_id !== key.id) return null;
  return unwrapDataKey(key, submission.id, submission.wrapped_key);
}

/**
 * For the review workspace: the officer's words, or null when the raw submission was destroyed.
 * Throws if the payload was tampered with.
 */
export async function decryptSubmission(
  db: Executor,
  key: ServerKey,
  submissionId: string,
): Promise<SubmissionPayload | null> {
  const row = await db.selectFrom("submissions").selectAll().where("id", "=", submissionId).executeTakeFirst();
  if (!row?.ciphertext || !row.nonce) return null;
  const dataKey = dataKeyOf(key, row);
  if (!dataKey) return null;
  return decryptJson<SubmissionPayload>(dataKey, { nonce: row.nonce, ciphertext: row.ciphertext }, payloadAad(row.id));
}
