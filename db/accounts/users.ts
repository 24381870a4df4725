import { appendAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import type { Role, User } from "../schema/user.table";
import { hashPassword, verifyPassword } from "../security/password";
import { retryingConflicts } from "../write-conflict";
import { deleteUserSessions } from "./sessions";

/** Consecutive failures (password or second factor) that lock an account, and for how long. */
export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_MS = 15 * 60 * 1000;

export const programmeRoles = ["reviewer", "administrator", "national_analyst"] as const satisfies readonly Role[];
export const agencyRoles = ["agency_commander", "agency_trainer", "agency_analyst"] as const satisfies readonly Role[];
export type AgencyRole = (typeof agencyRoles)[number];
export function isAgencyRole(role: Role): role is AgencyRole {
  return (agencyRoles as readonly Role[]).includes(role);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

// Verifying against a real hash when the email is unknown keeps the response time the same, so
// timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword("decoy password that never matches anything");
  return decoyHash;
}

export type AuthenticationResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" | "locked" | "disabled" | "demo_refused"; user?: User; lockedNow?: boolean };

/**
 * Checks an email and password (the first factor). Failures count toward the lockout; a locked,
 * disabled or (outside demo mode) demo account is refused even with the right password. With
 * `hashUnknown: false` an unknown email is refused without the decoy hash (the caller keeps the time).
 */
export async function authenticate(
  db: Executor,
  email: string,
  password: string,
  { allowDemo, now = new Date(), hashUnknown = true }: { allowDemo: boolean; now?: Date; hashUnknown?: boolean },
): Promise<AuthenticationResult> {
  const user = await findUserByEmail(db, email);
  if (!user) {
    if (hashUnknown) await verifyPassword(await decoy(), password);
    return { ok: false, reason: "invalid" };
  }
  if (user.locked_until && user.locked_until > now) return { ok: false, reason: "locked", user };
  const valid = await verifyPassword(user.password_hash, password);
  if (!valid) {
    const lockedNow = await recordFailure(db, user, now);
    return { ok: false, reason: lockedNow ? "locked" : "invalid", user, lockedNow };
  }
  if (user.status !== "active") return { ok: false, reason: "disabled", user };
  if (user.is_demo && !allowDemo) return { ok: false, reason: "demo_refused", user };
  return { ok: true, user };
}

/**
 * Counts a failed factor; returns true when this failure locked the account. The count is kept by the
 * database (`+ 1`, then a conditional lock), so failures arriving together are all counted and the
 * account is locked once.
 */
export async function recordFailure(db: Executor, user: Pick<User, "id">, now = new Date()): Promise<boolean> {
  const counted = await retryingConflicts(() =>
    db
      .updateTable("users")
      .set((eb) => ({ failed_sign_ins: eb("failed_sign_ins", "+", 1) }))
      .where("id", "=", user.id)
      .returning("failed_sign_ins")
      .executeTakeFirst(),
  );
  if (!counted || counted.failed_sign_ins < LOCKOUT_THRESHOLD) return false;
  const locked = await retryingConflicts(() =>
    db
      .updateTable("users")
      .set({ failed_sign_ins: 0, locked_until: new Date(now.getTime() + LOCKOUT_MS) })
      .where("id", "=", user.id)
      .where("failed_sign_ins", ">=", LOCKOUT_THRESHOLD)
      .executeTakeFirst(),
  );
  return Number(locked.numUpdatedRows) === 1;
}

export async function recordSignIn(db: Executor, userId: string, now = new Date()): Promise<void> {
  await retryingConflicts(() =>
    db
      .updateTable("users")
      .set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: now })
      .where("id", "=", userId)
      .execute(),
  );
}

export async function setPassword(db: Executor, userId: string, password: string, now = new Date()): Promise<void> {
  await db
    .updateTable("users")
    .set({
      password_hash: await hashPassword(password),
      password_changed_at: now,
      failed_sign_ins: 0,
      locked_until: null,
    })
    .where("id", "=", userId)
    .execute();
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: "currentPassword"; message: string };

/** Changes a password after checking the current one; ends the person's other sessions. */
export async function changeOwnPassword(
  db: Executor,
  userId: string,
  currentIdHash: string,
  currentPassword: string,
  newPassword: string,
): Promise<ChangePasswordResult> {
  const user = await findUserById(db, userId);
  if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
    return { ok: false, field: "currentPassword", message: "That is not your current password." };
  }
  await setPassword(db, userId, newPassword);
  await deleteUserSessions(db, userId, currentIdHash);
  await appendAuditEntry(db, {
    actorUserId: userId,
    action: "account.password_changed",
    targetType: "user",
    targetId: userId,
  });
  return { ok: true };
}

export interface NewAccount {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId: string | null;
}

export async function createUser(db: Executor, account: NewAccount, now = new Date()): Promise<string> {
  if (isAgencyRole(account.role) !== (account.agencyId !== null))
    throw new Error("Agency roles need an agency; programme roles have none");
  const id = crypto.randomUUID();
  await db
    .insertInto("users")
    .values({
      id,
      email: normaliseEmail(account.email),
      display_name: account.displayName.trim(),
      password_hash: await hashPassword(account.password),
      role: account.role,
      agency_id: account.agencyId,
      status: "active",
      is_demo: false,
      totp_secret: null,
      mfa_enrolled_at: null,
      failed_sign_ins: 0,
      locked_until: null,
      created_at: now,
      last_sign_in_at: null,
      totp_last_step: null,
      password_changed_at: now,
    })
    .execute();
  return id;
}

/** Disables an account and ends its sessions at once (docs/design.md §8). */
export async function disableUser(db: Executor, userId: string): Promise<void> {
  await db.updateTable("users").set({ status: "disabled" }).where("id", "=", userId).execute();
  await deleteUserSessions(db, userId);
}
