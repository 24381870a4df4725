import type { Kysely } from "kysely";
import type { Database } from "../../db/database";
import { serverKeyFromBytes, type ServerKey } from "../../db/intake/server-key";
import { createSubmission, type ConsentLevel } from "../../db/intake/submission-repository";
import type { SubmissionPayload } from "../../db/intake/submission-payload";
import { acceptOpenFindings, approveSubmission, claimSubmission, submitStage1 } from "../../db/review/review-actions";
import { testIntakeKey } from "../support/intake";
import { createTestUser } from "../support/test-accounts";

/** Identifiers planted in the test narrative: none of them may ever leave the review workspace. */
export const RAW_IDENTIFIERS = [
  "Daniel Kowalski",
  "Kowalski",
  "Tyrone Jackson",
  "1423 W. Maple Ave",
  "0215 hrs",
  "03/14/2024",
  "7ABC123",
  "(312) 555-0147",
  "24-118734",
  "TAC 3",
  "Metro City PD",
  "jfrazier77@gmail.com",
  "1HGCM82690A004352",
];

export const RAW_PAYLOAD: SubmissionPayload = {
  version: 1,
  title: "Knife missed at 1423 W. Maple Ave",
  narrative:
    "On 03/14/2024 at 0215 hrs Ofc. Daniel Kowalski and I were sent to 1423 W. Maple Ave. The male, later " +
    "identified as Tyrone Jackson, " +
    "pulled a knife while I wrote the card. His car, plate 7ABC123, VIN 1HGCM82690A004352, was parked outside. " +
    "Case #24-118734. " +
    "We were on TAC 3 and Metro City PD units could not hear us. His sister called from (312) 555-0147 and " +
    "emailed jfrazier77@gmail.com.",
  lessons: "Pat down before paperwork. Kowalski says the same: cover first, paperwork later.",
  factors: ["td_inadequate_search", "st_concealed_weapon"],
  incidentType: "disturbance_fight",
  eventMonth: "2024-03",
  timeBlock: "00-04",
  light: "dark_lit",
  weather: "clear",
  officersOnScene: "2",
  assignment: "patrol",
  serviceBand: "3-5",
  state: "OH",
  lossPotential: "serious_injury",
};

export function testServerKey(): { key: ServerKey; text: string } {
  const text = testIntakeKey();
  return { key: serverKeyFromBytes(Buffer.from(text, "base64")), text };
}

export async function submitTestReport(
  db: Kysely<Database>,
  key: ServerKey,
  options: {
    payload?: Partial<SubmissionPayload>;
    consentLevel?: ConsentLevel;
    agencyId?: string | null;
    receivedOn?: string;
  } = {},
) {
  return createSubmission(db, key, {
    payload: { ...RAW_PAYLOAD, ...options.payload },
    consentLevel: options.consentLevel ?? "national",
    agencyId: options.agencyId ?? null,
    receivedOn: options.receivedOn,
  });
}

/** A submission taken through both review stages by two new reviewers: approved, waiting for the batch. */
export async function approveTestReport(db: Kysely<Database>, key: ServerKey): Promise<{ id: string }> {
  const [a, b] = [await createTestUser(db, "reviewer"), await createTestUser(db, "reviewer")];
  const created = await submitTestReport(db, key);
  await claimSubmission(db, key, created.id, { reviewerId: a.id });
  await acceptOpenFindings(db, key, created.id, { reviewerId: a.id });
  await submitStage1(db, key, created.id, { reviewerId: a.id });
  await claimSubmission(db, key, created.id, { reviewerId: b.id });
  await approveSubmission(db, key, created.id, { reviewerId: b.id });
  return created;
}
