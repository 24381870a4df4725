import type { Kysely } from "kysely";
import { createInvitation } from "../../db/accounts/invitations";
import { issuePasswordReset } from "../../db/accounts/password-resets";
import type { Database } from "../../db/database";
import { createTestAgency, createTestUser } from "../support/test-accounts";
import { randomBytes } from "node:crypto";
import { serverKeyFromBytes } from "../../db/intake/server-key";
import { createSubmission } from "../../db/intake/submission-repository";

const matrixPayload = {
  version: 1 as const,
  title: "Matrix",
  narrative: "A narrative for the authorization matrix.",
  lessons: "None.",
  factors: ["other"],
  incidentType: "other",
  eventMonth: "2025-01",
  timeBlock: null,
  light: null,
  weather: null,
  officersOnScene: null,
  assignment: null,
  serviceBand: null,
  state: "OH",
  lossPotential: "minor_injury",
};

/** Records the matrix's routes point at: agency A's people, one-time tokens, an unknown id. */
export interface MatrixFixtures {
  agencyA: { id: string; commander: string; trainer: string; analyst: string };
  agencyB: { id: string; commander: string };
  invitationToken: string;
  resetToken: string;
  unknownId: string;
  /** A published report's public number (report pages, featuring). */
  publicNumber: string;
  /** A submission for the review workspace (encrypted under a key the server does not hold). */
  submissionId: string;
}

export async function createMatrixFixtures(db: Kysely<Database>): Promise<MatrixFixtures> {
  const a = await createTestAgency(db, "Agency A Police Department");
  const b = await createTestAgency(db, "Agency B Sheriff's Office");
  const admin = await createTestUser(db, "administrator");
  const resetTarget = await createTestUser(db, "reviewer");
  const invitation = await createInvitation(db, {
    email: "invitee@example.test",
    role: "reviewer",
    agencyId: null,
    invitedBy: admin.id,
  });
  const reset = await issuePasswordReset(db, { userId: resetTarget.id, issuedBy: admin.id, resetMfa: false });
  const publicNumber = "2024-00001";
  const reportId = crypto.randomUUID();
  await db
    .insertInto("reports")
    .values({
      id: reportId,
      public_number: publicNumber,
      taxonomy_version: 1,
      title: "Matrix report",
      summary: "A de-identified summary.",
      lessons: "A lesson.",
      incident_type: "traffic_stop",
      loss_potential: "serious_injury",
      event_month: "2024-01-01",
      time_block: null,
      light: null,
      weather: null,
      officers_band: null,
      assignment: null,
      service_band: null,
      census_region: "midwest",
      published_month: "2024-03-01",
    })
    .execute();
  await db.insertInto("report_factors").values({ report_id: reportId, factor_code: "hc_low_light" }).execute();
  return {
    agencyA: {
      id: a.id,
      commander: (await createTestUser(db, "agency_commander", { agencyId: a.id })).id,
      trainer: (await createTestUser(db, "agency_trainer", { agencyId: a.id })).id,
      analyst: (await createTestUser(db, "agency_analyst", { agencyId: a.id })).id,
    },
    agencyB: { id: b.id, commander: (await createTestUser(db, "agency_commander", { agencyId: b.id })).id },
    invitationToken: invitation.token,
    resetToken: reset.token,
    unknownId: crypto.randomUUID(),
    publicNumber,
    submissionId: (
      await createSubmission(db, serverKeyFromBytes(randomBytes(32)), {
        payload: matrixPayload,
        consentLevel: "national",
        agencyId: null,
      })
    ).id,
  };
}
