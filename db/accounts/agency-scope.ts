import { appendAuditEntry, type NewAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import type { Role } from "../schema/user.table";
import { generatePartnerCode, hashPartnerCode } from "../security/partner-code";
import { createInvitation, type IssuedInvitation } from "./invitations";
import { deleteUserSessions } from "./sessions";
import { type AgencyRole, agencyRoles, isAgencyRole } from "./users";
import { recordPublishedChanges } from "../review/published-changes";

/**
 * The signed-in person as the data layer needs them (app's SessionUser satisfies it). Every query on
 * agency-owned rows takes the agency from here — from the session — and never from a URL or a form
 * (docs/design.md §8, OWASP multi-tenant cheat sheet). Ids that arrive in requests only ever narrow a query
 * that is already restricted to this agency.
 */
export interface AgencyViewer {
  readonly id: string;
  readonly role: Role;
  readonly agencyId: string | null;
}

export class AgencyAccessError extends Error {}

/** The viewer's own agency id; throws for programme roles (they have no agency). */
export function agencyIdOf(viewer: AgencyViewer): string {
  if (!isAgencyRole(viewer.role) || viewer.agencyId === null)
    throw new AgencyAccessError("Not a member of a partner agency");
  return viewer.agencyId;
}

/** The viewer's agency, for what only its commanders manage (`what`, for the error message). */
export function commanderAgencyId(viewer: AgencyViewer, what = "it"): string {
  const agencyId = agencyIdOf(viewer);
  if (viewer.role !== "agency_commander") throw new AgencyAccessError(`Only the agency's commanders manage ${what}`);
  return agencyId;
}

export interface OwnAgency {
  id: string;
  name: string;
  state: string;
  sizeBand: string;
  status: string;
  hasPartnerCode: boolean;
  joinedAt: Date | null;
}

export async function getOwnAgency(db: Executor, viewer: AgencyViewer): Promise<OwnAgency | undefined> {
  const row = await db
    .selectFrom("agencies")
    .select(["id", "name", "state", "size_band", "status", "partner_code_hash", "decided_at"])
    .where("id", "=", agencyIdOf(viewer))
    .where("status", "=", "active")
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    sizeBand: row.size_band,
    status: row.status,
    hasPartnerCode: row.partner_code_hash !== null,
    joinedAt: row.decided_at,
  };
}

export interface AgencyMember {
  id: string;
  email: string;
  displayName: string;
  role: AgencyRole;
  mfaEnrolled: boolean;
  lastSignInAt: Date | null;
}

function memberQuery(db: Executor, agencyId: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "display_name", "role", "mfa_enrolled_at", "last_sign_in_at"])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "active");
}

function toMember(r: {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  mfa_enrolled_at: Date | null;
  last_sign_in_at: Date | null;
}): AgencyMember {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as AgencyRole,
    mfaEnrolled: r.mfa_enrolled_at !== null,
    lastSignInAt: r.last_sign_in_at,
  };
}

export async function listMembers(db: Executor, viewer: AgencyViewer): Promise<AgencyMember[]> {
  const rows = await memberQuery(db, agencyIdOf(viewer)).orderBy("display_name").execute();
  const rank = (role: Role) => (agencyRoles as readonly Role[]).indexOf(role);
  return rows.map(toMember).sort((x, y) => rank(x.role) - rank(y.role));
}

/** A member of the viewer's own agency; another agency's user id finds nothing. */
export async function findMember(
  db: Executor,
  viewer: AgencyViewer,
  memberId: string,
): Promise<AgencyMember | undefined> {
  const row = await memberQuery(db, agencyIdOf(viewer)).where("id", "=", memberId).executeTakeFirst();
  return row ? toMember(row) : undefined;
}

async function countCommanders(db: Executor, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("agency_id", "=", agencyId)
    .where("role", "=", "agency_commander")
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function inviteMember(
  db: Executor,
  viewer: AgencyViewer,
  input: { email: string; role: AgencyRole },
): Promise<IssuedInvitation> {
  const invitation = await createInvitation(db, {
    email: input.email,
    role: input.role,
    agencyId: commanderAgencyId(viewer),
    invitedBy: viewer.id,
  });
  await appendAuditEntry(db, {
    actorUserId: viewer.id,
    action: "invitation.created",
    targetType: "invitation",
    targetId: invitation.id,
    detail: { role: input.role },
  });
  return invitation;
}

export interface OpenInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

export async function listOpenInvitations(
  db: Executor,
  viewer: AgencyViewer,
  now = new Date(),
): Promise<OpenInvitation[]> {
  const rows = await db
    .selectFrom("invitations")
    .select(["id", "email", "role", "expires_at"])
    .where("agency_id", "=", agencyIdOf(viewer))
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, expiresAt: r.expires_at }));
}

export async function revokeInvitation(
  db: Executor,
  viewer: AgencyViewer,
  invitationId: string,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("id", "=", invitationId)
    .where("agency_id", "=", commanderAgencyId(viewer))
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  const revoked = Number(result.numUpdatedRows) === 1;
  if (revoked)
    await appendAuditEntry(db, {
      actorUserId: viewer.id,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitationId,
    });
  return revoked;
}

/**
 * Writes a change to a member's account, ends the member's sessions and records the change in the audit
 * log. A change takes effect at once: a disabled member is signed out, a member with a new role signs in
 * again with the new permissions.
 */
async function applyMemberChange(
  db: Executor,
  viewer: AgencyViewer,
  agencyId: string,
  memberId: string,
  change: { status: "disabled" } | { role: AgencyRole },
  action: "agency.member_removed" | "agency.member_role_changed",
  detail?: NewAuditEntry["detail"],
): Promise<void> {
  await db.updateTable("users").set(change).where("id", "=", memberId).where("agency_id", "=", agencyId).execute();
  await deleteUserSessions(db, memberId);
  await appendAuditEntry(db, { actorUserId: viewer.id, action, targetType: "user", targetId: memberId, detail });
}

export type MemberChange = "done" | "not_found" | "last_commander";

/** Removes a member: the account is disabled and its sessions end. Never the last commander. */
export async function removeMember(db: Executor, viewer: AgencyViewer, memberId: string): Promise<MemberChange> {
  const agencyId = commanderAgencyId(viewer);
  const member = await findMember(db, viewer, memberId);
  if (!member) return "not_found";
  if (member.role === "agency_commander" && (await countCommanders(db, agencyId)) <= 1) return "last_commander";
  await applyMemberChange(db, viewer, agencyId, member.id, { status: "disabled" }, "agency.member_removed");
  return "done";
}

export async function changeMemberRole(
  db: Executor,
  viewer: AgencyViewer,
  memberId: string,
  role: AgencyRole,
): Promise<MemberChange> {
  const agencyId = commanderAgencyId(viewer);
  const member = await findMember(db, viewer, memberId);
  if (!member) return "not_found";
  if (member.role === "agency_commander" && role !== "agency_commander" && (await countCommanders(db, agencyId)) <= 1)
    return "last_commander";
  await applyMemberChange(db, viewer, agencyId, member.id, { role }, "agency.member_role_changed", {
    from: member.role,
    to: role,
  });
  return "done";
}

/** Issues a new partner code for the viewer's agency; the old one stops working at once. */
export async function rotatePartnerCode(db: Executor, viewer: AgencyViewer): Promise<string> {
  const agencyId = commanderAgencyId(viewer);
  const code = generatePartnerCode();
  const result = await db
    .updateTable("agencies")
    .set({ partner_code_hash: hashPartnerCode(code) })
    .where("id", "=", agencyId)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AgencyAccessError("The agency is not active");
  await appendAuditEntry(db, {
    actorUserId: viewer.id,
    action: "agency.partner_code_rotated",
    targetType: "agency",
    targetId: agencyId,
  });
  return code;
}

export interface LeaveSummary {
  agencyName: string;
  reportsUnlinked: number;
  /** The reports that lost their agency link: derived tables (analytics rollups) must be refreshed. */
  unlinkedReportIds: string[];
  membersDisabled: number;
}

/**
 * The agency leaves the programme: its partner code stops working, its link to past reports and
 * pending submissions is removed (they stay in national figures without it), open invitations are
 * revoked, and every member account is disabled with its sessions ended.
 */
export async function leaveProgramme(db: Executor, viewer: AgencyViewer, now = new Date()): Promise<LeaveSummary> {
  const agencyId = commanderAgencyId(viewer);
  const agency = await db
    .selectFrom("agencies")
    .select("name")
    .where("id", "=", agencyId)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (!agency) throw new AgencyAccessError("The agency is not active");
  await db
    .updateTable("agencies")
    .set({ status: "left", left_at: now, partner_code_hash: null })
    .where("id", "=", agencyId)
    .execute();
  const linked = await db
    .selectFrom("report_protected")
    .select("report_id")
    .where("agency_id", "=", agencyId)
    .execute();
  const reports = await db
    .updateTable("report_protected")
    .set({ agency_id: null })
    .where("agency_id", "=", agencyId)
    .executeTakeFirst();
  // The analytics copies of other processes catch up from the feed (db/review/published-changes.ts).
  await recordPublishedChanges(
    db,
    linked.map((r) => r.report_id),
  );
  await db.updateTable("submissions").set({ agency_id: null }).where("agency_id", "=", agencyId).execute();
  await db
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("agency_id", "=", agencyId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
  const members = await db
    .selectFrom("users")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("status", "=", "active")
    .execute();
  await db.updateTable("users").set({ status: "disabled" }).where("agency_id", "=", agencyId).execute();
  for (const member of members) await deleteUserSessions(db, member.id);
  // Its release book goes with it: removed, never edited (docs/design.md §6.1); its members can no longer read it.
  await db.deleteFrom("release_book_cells").where("agency_id", "=", agencyId).execute();
  await db.deleteFrom("release_book_releases").where("agency_id", "=", agencyId).execute();
  await appendAuditEntry(db, {
    actorUserId: viewer.id,
    action: "agency.left",
    targetType: "agency",
    targetId: agencyId,
    detail: { reportsUnlinked: Number(reports.numUpdatedRows), membersDisabled: members.length },
  });
  return {
    agencyName: agency.name,
    reportsUnlinked: Number(reports.numUpdatedRows),
    unlinkedReportIds: linked.map((r) => r.report_id),
    membersDisabled: members.length,
  };
}
