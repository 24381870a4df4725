import { appendAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import { generatePartnerCode, hashPartnerCode } from "../security/partner-code";
import type { AgencySizeBandCode } from "../../domain/taxonomy/index";
import { censusRegionOf } from "../../domain/taxonomy/states";
import { createInvitation, type IssuedInvitation } from "./invitations";
import { normaliseEmail } from "./users";

export interface PartnershipApplication {
  agencyName: string;
  state: string;
  sizeBand: AgencySizeBandCode;
  contactName: string;
  contactEmail: string;
}

export type ApplyResult = { ok: true; agencyId: string } | { ok: false; reason: "duplicate" };

/** A public application to join the programme; an administrator decides it. */
export async function applyForPartnership(
  db: Executor,
  application: PartnershipApplication,
  now = new Date(),
): Promise<ApplyResult> {
  const name = application.agencyName.trim();
  const existing = await db
    .selectFrom("agencies")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()))
    .where("state", "=", application.state)
    .where("status", "in", ["applied", "active"])
    .executeTakeFirst();
  if (existing) return { ok: false, reason: "duplicate" };
  const agencyId = crypto.randomUUID();
  await db
    .insertInto("agencies")
    .values({
      id: agencyId,
      name,
      state: application.state,
      census_region: censusRegionOf(application.state),
      size_band: application.sizeBand,
      status: "applied",
      partner_code_hash: null,
      contact_name: application.contactName.trim(),
      contact_email: normaliseEmail(application.contactEmail),
      applied_at: now,
      decided_at: null,
      left_at: null,
      is_synthetic: false,
    })
    .execute();
  await appendAuditEntry(db, { actorUserId: null, action: "agency.applied", targetType: "agency", targetId: agencyId });
  return { ok: true, agencyId };
}

export interface PendingApplication {
  id: string;
  name: string;
  state: string;
  sizeBand: string;
  contactName: string | null;
  contactEmail: string | null;
  appliedAt: Date;
}

export async function listPendingApplications(db: Executor): Promise<PendingApplication[]> {
  const rows = await db
    .selectFrom("agencies")
    .select(["id", "name", "state", "size_band", "contact_name", "contact_email", "applied_at"])
    .where("status", "=", "applied")
    .orderBy("applied_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    state: r.state,
    sizeBand: r.size_band,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    appliedAt: r.applied_at,
  }));
}

export type Decision =
  | {
      ok: true;
      decision: "approve";
      agencyName: string;
      partnerCode: string;
      invitation: IssuedInvitation;
      contactEmail: string;
    }
  | { ok: true; decision: "decline"; agencyName: string }
  | { ok: false };

/**
 * Approves or declines a pending application. Approval activates the agency with a fresh partner code
 * (stored hashed) and a one-time link that makes the applicant its commander; both are returned once,
 * for the administrator to pass on over a trusted channel.
 */
export async function decideApplication(
  db: Executor,
  input: { agencyId: string; decision: "approve" | "decline"; decidedBy: string },
  now = new Date(),
): Promise<Decision> {
  const agency = await db
    .selectFrom("agencies")
    .select(["id", "name", "contact_email"])
    .where("id", "=", input.agencyId)
    .where("status", "=", "applied")
    .executeTakeFirst();
  if (!agency) return { ok: false };
  if (input.decision === "decline") {
    await db.updateTable("agencies").set({ status: "declined", decided_at: now }).where("id", "=", agency.id).execute();
    await appendAuditEntry(db, {
      actorUserId: input.decidedBy,
      action: "agency.declined",
      targetType: "agency",
      targetId: agency.id,
    });
    return { ok: true, decision: "decline", agencyName: agency.name };
  }
  const partnerCode = generatePartnerCode();
  await db
    .updateTable("agencies")
    .set({ status: "active", decided_at: now, partner_code_hash: hashPartnerCode(partnerCode) })
    .where("id", "=", agency.id)
    .execute();
  const contactEmail = agency.contact_email ?? "";
  const invitation = await createInvitation(
    db,
    { email: contactEmail, role: "agency_commander", agencyId: agency.id, invitedBy: input.decidedBy },
    now,
  );
  await appendAuditEntry(db, {
    actorUserId: input.decidedBy,
    action: "agency.approved",
    targetType: "agency",
    targetId: agency.id,
    detail: { invitation: invitation.id },
  });
  return { ok: true, decision: "approve", agencyName: agency.name, partnerCode, invitation, contactEmail };
}
