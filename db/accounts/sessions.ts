import { appendAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import type { SecretBox } from "../security/secret-box";
import type { Role, Session } from "../schema/user.table";
import { randomToken, tokenHash } from "./tokens";
import { retryingConflicts, unlessWrittenConcurrently } from "../write-conflict";

/** OWASP session timeouts for this risk level (docs/design.md §8). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** A session between the password and the second factor lives briefly. */
export const PENDING_SESSION_MS = 10 * 60 * 1000;
// last_seen_at is written at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_MS = 60 * 1000;

export interface NewSession {
  /** The raw id for the cookie: 256 random bits. Only its hash is stored. */
  id: string;
  csrfToken: string;
}

export interface ActiveSession {
  idHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  mfaVerified: boolean;
  csrfToken: string;
  /** Sealed (open it with openEnrolmentSecret in mfa.ts). */
  sealedEnrolmentSecret: string | null;
  user: {
    id: string;
    email: string;
    displayName: string;
    role: Role;
    agencyId: string | null;
    isDemo: boolean;
    mfaEnrolled: boolean;
  };
}

export async function createSession(
  db: Executor,
  userId: string,
  mfaVerified: boolean,
  now = new Date(),
): Promise<NewSession> {
  const id = randomToken(32);
  const csrfToken = randomToken(32);
  await db
    .insertInto("sessions")
    .values({
      id_hash: tokenHash(id),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      mfa_verified: mfaVerified,
      csrf_token: csrfToken,
      enrolment_secret: null,
    })
    .execute();
  return { id, csrfToken };
}

function expired(session: Pick<Session, "created_at" | "last_seen_at" | "mfa_verified">, now: Date): boolean {
  const age = now.getTime() - session.created_at.getTime();
  const idle = now.getTime() - session.last_seen_at.getTime();
  if (!session.mfa_verified) return age > PENDING_SESSION_MS;
  return age > SESSION_ABSOLUTE_MS || idle > SESSION_IDLE_MS;
}

/**
 * The live session for a raw cookie id, or null. Expired sessions and sessions of disabled users are
 * deleted on sight; a live one has last_seen_at moved forward (the idle clock).
 */
export async function findActiveSession(db: Executor, rawId: string, now = new Date()): Promise<ActiveSession | null> {
  const idHash = tokenHash(rawId);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id_hash",
      "sessions.created_at",
      "sessions.last_seen_at",
      "sessions.mfa_verified",
      "sessions.csrf_token",
      "sessions.enrolment_secret",
      "users.id as user_id",
      "users.email",
      "users.display_name",
      "users.role",
      "users.agency_id",
      "users.status",
      "users.is_demo",
      "users.mfa_enrolled_at",
    ])
    .where("sessions.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  // A page's loaders run in parallel and read the session at the same moment: these writes may meet.
  if (expired(row, now) || row.status !== "active") {
    await unlessWrittenConcurrently(() => deleteSession(db, idHash));
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await unlessWrittenConcurrently(() =>
      db.updateTable("sessions").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute(),
    );
  }
  return {
    idHash,
    createdAt: row.created_at,
    lastSeenAt: now,
    mfaVerified: row.mfa_verified,
    csrfToken: row.csrf_token,
    sealedEnrolmentSecret: row.enrolment_secret,
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      agencyId: row.agency_id,
      isDemo: row.is_demo,
      mfaEnrolled: row.mfa_enrolled_at !== null,
    },
  };
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

/** Signing out: the session ends and the audit log records it. */
export async function signOut(db: Executor, session: Pick<ActiveSession, "idHash" | "user">): Promise<void> {
  await deleteSession(db, session.idHash);
  await appendAuditEntry(db, {
    actorUserId: session.user.id,
    action: "account.signed_out",
    targetType: "user",
    targetId: session.user.id,
  });
}

/** Ends every session of a user (sign out everywhere, disabled account, password change). */
export async function deleteUserSessions(db: Executor, userId: string, exceptIdHash?: string): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptIdHash) query = query.where("id_hash", "!=", exceptIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Replaces a session with a fresh id (and CSRF token): used when the second factor is verified,
 * so an id seen before sign-in completed is worthless after it (session fixation).
 */
export async function rotateSession(
  db: Executor,
  oldIdHash: string,
  userId: string,
  mfaVerified: boolean,
  now = new Date(),
): Promise<NewSession> {
  await deleteSession(db, oldIdHash);
  return createSession(db, userId, mfaVerified, now);
}

export async function setEnrolmentSecret(db: Executor, idHash: string, sealedSecret: string | null): Promise<void> {
  await db.updateTable("sessions").set({ enrolment_secret: sealedSecret }).where("id_hash", "=", idHash).execute();
}

/** Recovery codes issued at enrolment wait, sealed, on the new session for the page that shows them. */
export async function keepRecoveryCodesToShow(
  db: Executor,
  box: SecretBox,
  idHash: string,
  codes: readonly string[],
): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ recovery_codes_to_show: box.seal(JSON.stringify(codes), `recovery-codes:${idHash}`) })
    .where("id_hash", "=", idHash)
    .execute();
}

/** The codes waiting on this session, removed as they are read: they are shown once. */
export async function takeRecoveryCodesToShow(db: Executor, box: SecretBox, idHash: string): Promise<string[] | null> {
  const row = await db
    .selectFrom("sessions")
    .select("recovery_codes_to_show")
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  const sealed = row?.recovery_codes_to_show;
  if (!sealed) return null;
  // Two loads of the page at once (prefetch, a double click): only the one that clears them shows them.
  const cleared = await retryingConflicts(() =>
    db
      .updateTable("sessions")
      .set({ recovery_codes_to_show: null })
      .where("id_hash", "=", idHash)
      .where("recovery_codes_to_show", "=", sealed)
      .executeTakeFirst(),
  );
  return Number(cleared.numUpdatedRows) === 1
    ? (JSON.parse(box.open(sealed, `recovery-codes:${idHash}`)) as string[])
    : null;
}

export interface SessionSummary {
  idHash: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** A person's own signed-in sessions (fully verified), newest first. */
export async function listUserSessions(db: Executor, userId: string): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["id_hash", "created_at", "last_seen_at"])
    .where("user_id", "=", userId)
    .where("mfa_verified", "=", true)
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows.map((r) => ({ idHash: r.id_hash, createdAt: r.created_at, lastSeenAt: r.last_seen_at }));
}

/** Ends one of the person's own sessions; the user id in the where clause keeps it to their own. */
export async function endOwnSession(db: Executor, userId: string, idHash: string): Promise<boolean> {
  const result = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every session of the person, this one included, and records it. */
export async function signOutEverywhere(db: Executor, userId: string): Promise<number> {
  const ended = await deleteUserSessions(db, userId);
  await appendAuditEntry(db, {
    actorUserId: userId,
    action: "account.sessions_ended",
    targetType: "user",
    targetId: userId,
    detail: { sessions: ended },
  });
  return ended;
}
