import type { Kysely } from "kysely";
import type { Database } from "../database";
import type { Submission } from "../schema/submission.table";
import type { ServerKey } from "../intake/server-key";
import { decryptSubmission } from "../intake/submission-repository";
import type { SubmissionPayload } from "../intake/submission-payload";
import { listThread, type ThreadMessage } from "../intake/thread-repository";
import { activeClaim } from "./claims";
import { type Draft, initialDraft, recheck } from "./draft";
import { readDraft } from "./draft-store";
import { blockers } from "./review-actions";
import { ReviewError } from "./review-error";
import { type QueueState, queueStateOf } from "../../domain/review/review-state";

export interface DuplicateCandidate {
  id: string;
  receivedOn: string;
  title: string | null;
  state: QueueState;
}

export interface Workspace {
  id: string;
  receivedOn: string;
  state: QueueState;
  consentLevel: string;
  possibleDuplicateOf: string | null;
  /** Submissions this one likely repeats (the same narrative), each as its primary: the duplicate form's choices. */
  duplicateCandidates: DuplicateCandidate[];
  duplicateOf: string | null;
  publicNumber: string | null;
  rejectionReason: string | null;
  /** The raw submission was destroyed (or is under another key): nothing to show but the outcome. */
  unreadable: boolean;
  raw: SubmissionPayload | null;
  draft: Draft | null;
  /** Why stage 1 cannot be completed (or approval given) yet. */
  blockers: string[];
  thread: ThreadMessage[];
  duplicates: { id: string; receivedOn: string; narrative: string | null }[];
  claim: { holder: string; mine: boolean; expiresAt: string } | null;
  stage1By: { id: string; name: string } | null;
  approvedBy: string | null;
  history: { action: string; stage: number; reviewer: string; at: string }[];
  can: {
    claim: boolean;
    release: boolean;
    edit: boolean;
    submit: boolean;
    approve: boolean;
    reject: boolean;
    ask: boolean;
    duplicate: boolean;
  };
}

/** Everything the review workspace shows one reviewer about one submission. Reading changes nothing. */
export async function getWorkspace(
  db: Kysely<Database>,
  key: ServerKey,
  submissionId: string,
  viewerId: string,
  now = new Date(),
): Promise<Workspace> {
  const row = await db.selectFrom("submissions").selectAll().where("id", "=", submissionId).executeTakeFirst();
  if (!row) throw new ReviewError("not_found", "There is no such submission.");
  const names = new Map(
    (
      await db
        .selectFrom("users")
        .select(["id", "display_name"])
        .where("role", "in", ["reviewer", "administrator"])
        .execute()
    ).map((u) => [u.id, u.display_name]),
  );
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? "a former reviewer") : "system");
  const raw = await decryptSubmission(db, key, row.id);
  const stored = raw ? readDraft(key, row) : null;
  const draft = raw ? recheck(stored ?? initialDraft(raw)) : null;
  const state = queueStateOf(row);
  const decided = state === "published" || state === "not_published";
  const claim = await activeClaim(db, row.id, now);
  const held = !!claim;
  const mine = claim?.reviewerId === viewerId;
  const stage1Open = !decided && state !== "merged" && state !== "stage2" && state !== "approved" && !!raw;
  const stage2Open = state === "stage2" && !!raw && row.stage1_by !== viewerId;
  const duplicates = await db
    .selectFrom("submissions")
    .select(["id", "received_on"])
    .where("duplicate_of", "=", row.id)
    .orderBy("received_on")
    .execute();
  const history = await db
    .selectFrom("review_actions")
    .select(["action", "stage", "reviewer_id", "created_at"])
    .where("submission_id", "=", row.id)
    .orderBy("created_at")
    .execute();
  const report = row.report_id
    ? await db.selectFrom("reports").select("public_number").where("id", "=", row.report_id).executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    receivedOn: row.received_on,
    state,
    consentLevel: row.consent_level,
    possibleDuplicateOf: row.possible_duplicate_of,
    duplicateCandidates: raw && state !== "merged" && !decided ? await likelyOriginals(db, key, row) : [],
    duplicateOf: row.duplicate_of,
    publicNumber: report?.public_number ?? null,
    rejectionReason: row.rejection_reason,
    unreadable: !raw,
    raw,
    draft,
    blockers: draft ? blockers(draft) : [],
    thread: raw ? await listThread(db, key, row.id) : [],
    duplicates: await Promise.all(
      duplicates.map(async (d) => ({
        id: d.id,
        receivedOn: d.received_on,
        narrative: (await decryptSubmission(db, key, d.id))?.narrative ?? null,
      })),
    ),
    claim: claim ? { holder: nameOf(claim.reviewerId), mine, expiresAt: claim.expiresAt.toISOString() } : null,
    stage1By: row.stage1_by ? { id: row.stage1_by, name: nameOf(row.stage1_by) } : null,
    approvedBy: row.approved_by ? nameOf(row.approved_by) : null,
    history: history.map((h) => ({
      action: h.action,
      stage: h.stage,
      reviewer: nameOf(h.reviewer_id),
      at: h.created_at.toISOString(),
    })),
    can: {
      claim: (stage1Open || stage2Open) && !mine && !held,
      release: mine,
      edit: mine && stage1Open,
      submit: mine && state === "stage1",
      approve: mine && stage2Open,
      reject: mine && !decided,
      ask: mine && stage1Open,
      duplicate: mine && stage1Open,
    },
  };
}

/**
 * What a submission likely repeats: the earlier submission intake flagged (the same narrative
 * fingerprint) and any other with that fingerprint, each replaced by the submission it was merged into,
 * never one that was not published or this one itself. Oldest first.
 */
async function likelyOriginals(db: Kysely<Database>, key: ServerKey, row: Submission): Promise<DuplicateCandidate[]> {
  let query = db.selectFrom("submissions").selectAll().where("id", "!=", row.id);
  const fingerprint = row.narrative_fingerprint;
  query = query.where((eb) =>
    eb.or([
      eb("id", "=", row.possible_duplicate_of ?? row.id),
      ...(fingerprint ? [eb("narrative_fingerprint", "=", fingerprint)] : []),
    ]),
  );
  const related = await query.execute();
  const primaryIds = [...new Set(related.map((r) => r.duplicate_of ?? r.id))].filter((id) => id !== row.id);
  if (primaryIds.length === 0) return [];
  const primaries = await db
    .selectFrom("submissions")
    .selectAll()
    .where("id", "in", primaryIds)
    .where("status", "!=", "not_published")
    .orderBy("received_on")
    .orderBy("id")
    .execute();
  return Promise.all(
    primaries.map(async (p) => ({
      id: p.id,
      receivedOn: p.received_on,
      title: readDraft(key, p)?.title ?? (await decryptSubmission(db, key, p.id))?.title ?? null,
      state: queueStateOf(p),
    })),
  );
}
