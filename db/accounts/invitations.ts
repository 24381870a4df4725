import { appendAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import type { Invitation } from "../schema/account.table";
import type { Role } from "../schema/user.table";
import { randomToken, tokenHash } from "./tokens";
import { createUser, findUserByEmail, isAgencyRole, normaliseEmail } from "./users";
import { retryingConflicts } from "../write-conflict";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface IssuedInvitation {
  id: string;
  /** The one-time token for the link, shown once to whoever issued it; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

export async function createInvitation(
  db: Executor,
  input: { email: string; role: Role; agencyId: string | null; invitedBy: string | null },
  now = new Date(),
): Promise<IssuedInvitation> {
  if (isAgencyRole(input.role) !== (input.agencyId !== null))
    throw new Error("Agency roles need an agency; programme roles have none");
  const token = randomToken(32);
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await db
    .insertInto("invitations")
    .values({
      id,
      token_hash: tokenHash(token),
      email: normaliseEmail(input.email),
      role: input.role,
      agency_id: input.agencyId,
      invited_by: input.invitedBy,
      created_at: now,
      expires_at: expiresAt,
      accepted_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, token, expiresAt };
}

/** The invitation a link token opens, if it can still be accepted (unused, unexpired, agency active). */
export async function findOpenInvitation(
  db: Executor,
  token: string,
  now = new Date(),
): Promise<(Invitation & { agency_name: string | null }) | undefined> {
  const row = await db
    .selectFrom("invitations")
    .leftJoin("agencies", "agencies.id", "invitations.agency_id")
    .selectAll("invitations")
    .select(["agencies.name as agency_name", "agencies.status as agency_status"])
    .where("invitations.token_hash", "=", tokenHash(token))
    .where("invitations.accepted_at", "is", null)
    .where("invitations.revoked_at", "is", null)
    .where("invitations.expires_at", ">", now)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.agency_id !== null && row.agency_status !== "active") return undefined;
  const { agency_status: _status, ...invitation } = row;
  return invitation;
}

export type AcceptResult =
  { ok: true; userId: string; email: string } | { ok: false; reason: "invalid" | "email_taken" };

/**
 * Uses the invitation up and creates the account it offers. The invitation is taken by a conditional
 * update first: the same link posted twice at once creates one account.
 */
export async function acceptInvitation(
  db: Executor,
  token: string,
  input: { displayName: string; password: string },
  now = new Date(),
): Promise<AcceptResult> {
  const invitation = await findOpenInvitation(db, token, now);
  if (!invitation) return { ok: false, reason: "invalid" };
  if (await findUserByEmail(db, invitation.email)) return { ok: false, reason: "email_taken" };
  const taken = await retryingConflicts(() =>
    db
      .updateTable("invitations")
      .set({ accepted_at: now })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst(),
  );
  if (Number(taken.numUpdatedRows) !== 1) return { ok: false, reason: "invalid" };
  const userId = await createUser(
    db,
    {
      email: invitation.email,
      displayName: input.displayName,
      password: input.password,
      role: invitation.role,
      agencyId: invitation.agency_id,
    },
    now,
  );
  await appendAuditEntry(db, {
    actorUserId: userId,
    action: "account.created",
    targetType: "invitation",
    targetId: invitation.id,
    detail: { role: invitation.role },
  });
  return { ok: true, userId, email: invitation.email };
}
