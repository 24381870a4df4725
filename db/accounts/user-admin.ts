import { appendAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import type { Role } from "../schema/user.table";
import { createInvitation, type IssuedInvitation } from "./invitations";
import { deleteUserSessions } from "./sessions";
import { disableUser, isAgencyRole } from "./users";

// Administrator-side account management. Every function is called only after the route checked
// the administrator permission; the guards here keep the programme from locking itself out.

export interface UserListing {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  agencyName: string | null;
  status: "active" | "disabled";
  mfaEnrolled: boolean;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  isDemo: boolean;
}

function listingQuery(db: Executor) {
  return db
    .selectFrom("users")
    .leftJoin("agencies", "agencies.id", "users.agency_id")
    .select([
      "users.id",
      "users.email",
      "users.display_name",
      "users.role",
      "agencies.name as agency_name",
      "users.status",
      "users.mfa_enrolled_at",
      "users.locked_until",
      "users.last_sign_in_at",
      "users.is_demo",
    ]);
}

type ListingRow = Awaited<ReturnType<ReturnType<typeof listingQuery>["executeTakeFirstOrThrow"]>>;

function toListing(r: ListingRow): UserListing {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    agencyName: r.agency_name,
    status: r.status,
    mfaEnrolled: r.mfa_enrolled_at !== null,
    lockedUntil: r.locked_until,
    lastSignInAt: r.last_sign_in_at,
    isDemo: r.is_demo,
  };
}

export async function listUsers(db: Executor, search = "", limit = 500): Promise<UserListing[]> {
  let query = listingQuery(db);
  const term = search.trim().toLowerCase();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb("users.email", "like", like),
        eb(eb.fn("lower", ["users.display_name"]), "like", like),
        eb(eb.fn("lower", ["agencies.name"]), "like", like),
      ]),
    );
  }
  const rows = await query.orderBy("users.role").orderBy("users.email").limit(limit).execute();
  return rows.map(toListing);
}

export async function getUserListing(db: Executor, userId: string): Promise<UserListing | undefined> {
  const row = await listingQuery(db).where("users.id", "=", userId).executeTakeFirst();
  return row ? toListing(row) : undefined;
}

async function activeAdministrators(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "administrator")
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return row.n;
}

export type AdminChange = "done" | "not_found" | "self" | "last_administrator" | "wrong_kind";

/**
 * Changes a role within its kind: programme roles among themselves, agency roles among themselves
 * (moving someone between an agency and the programme is a new account, with its own invitation).
 */
export async function changeUserRole(
  db: Executor,
  input: { userId: string; role: Role; by: string },
): Promise<AdminChange> {
  const user = await db.selectFrom("users").select(["id", "role"]).where("id", "=", input.userId).executeTakeFirst();
  if (!user) return "not_found";
  if (user.id === input.by) return "self";
  if (isAgencyRole(user.role) !== isAgencyRole(input.role)) return "wrong_kind";
  if (user.role === "administrator" && input.role !== "administrator" && (await activeAdministrators(db)) <= 1)
    return "last_administrator";
  await db.updateTable("users").set({ role: input.role }).where("id", "=", user.id).execute();
  await deleteUserSessions(db, user.id);
  await appendAuditEntry(db, {
    actorUserId: input.by,
    action: "user.role_changed",
    targetType: "user",
    targetId: user.id,
    detail: { from: user.role, to: input.role },
  });
  return "done";
}

export async function setUserStatus(
  db: Executor,
  input: { userId: string; status: "active" | "disabled"; by: string },
): Promise<AdminChange> {
  const user = await db
    .selectFrom("users")
    .select(["id", "role", "status"])
    .where("id", "=", input.userId)
    .executeTakeFirst();
  if (!user) return "not_found";
  if (user.id === input.by) return "self";
  if (input.status === "disabled") {
    if (user.role === "administrator" && (await activeAdministrators(db)) <= 1) return "last_administrator";
    await disableUser(db, user.id);
  } else {
    await db
      .updateTable("users")
      .set({ status: "active", failed_sign_ins: 0, locked_until: null })
      .where("id", "=", user.id)
      .execute();
  }
  await appendAuditEntry(db, {
    actorUserId: input.by,
    action: input.status === "disabled" ? "user.disabled" : "user.enabled",
    targetType: "user",
    targetId: user.id,
  });
  return "done";
}

/** An administrator invites a reviewer, administrator or national analyst (no agency). */
export async function inviteProgrammeStaff(
  db: Executor,
  input: { email: string; role: Role; by: string },
): Promise<IssuedInvitation> {
  if (isAgencyRole(input.role)) throw new Error("Agency members are invited by their commander");
  const invitation = await createInvitation(db, {
    email: input.email,
    role: input.role,
    agencyId: null,
    invitedBy: input.by,
  });
  await appendAuditEntry(db, {
    actorUserId: input.by,
    action: "invitation.created",
    targetType: "invitation",
    targetId: invitation.id,
    detail: { role: input.role },
  });
  return invitation;
}
