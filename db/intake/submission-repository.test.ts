import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testBackends } from "../../tests/support/test-backends";
import { testIntakeKey } from "../../tests/support/intake";
import type { OpenStore } from "../open";
import { loadServerKey, type ServerKey } from "./server-key";
import { RECEIPT_CODE_BITS, normaliseReceiptCode } from "./receipt-code";
import { createSubmission, decryptSubmission, findSubmissionByReceipt } from "./submission-repository";
import type { SubmissionPayload } from "./submission-payload";

const payload: SubmissionPayload = {
  version: 1,
  title: "Canary title 41c7",
  narrative:
    "Canary narrative 41c7: the radio failed as the subject turned with a knife, and backup was two minutes away.",
  lessons: "Canary lessons 41c7: test the radio at the start of shift and say the location early.",
  factors: ["eq_radio_failure"],
  incidentType: "domestic_disturbance",
  eventMonth: "2025-06",
  timeBlock: null,
  light: "daylight",
  weather: null,
  officersOnScene: "1",
  assignment: "patrol",
  serviceBand: null,
  state: "TX",
  lossPotential: "fatality",
};

describe.each(testBackends())("submission repository on $name", (backend) => {
  let database: OpenStore;
  let key: ServerKey;
  let otherKey: ServerKey;
  beforeAll(async () => {
    database = await backend.open();
    key = (loadServerKey({ envKey: testIntakeKey(), dataDir: "/none" }) as { key: ServerKey }).key;
    otherKey = (loadServerKey({ envKey: testIntakeKey(), dataDir: "/none" }) as { key: ServerKey }).key;
  });
  afterAll(() => database?.close());

  it("stores only ciphertext, the date of receipt and a keyed receipt hash", async () => {
    const created = await createSubmission(database.db, key, {
      payload,
      consentLevel: "national",
      agencyId: "ignored-for-national",
    });
    expect(created.receiptCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(RECEIPT_CODE_BITS).toBeGreaterThanOrEqual(112);
    const row = await database.db
      .selectFrom("submissions")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    // Random (version 4) UUIDs, never sequential (docs/design.md §6.7).
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row.received_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.agency_id).toBeNull(); // national: no agency link at all (docs/design.md §6)
    expect(row.receipt_hash).not.toContain(normaliseReceiptCode(created.receiptCode));
    const everything =
      JSON.stringify(row) +
      Buffer.from(row.ciphertext!).toString("latin1") +
      Buffer.from(row.wrapped_key!).toString("latin1");
    for (const secret of ["Canary", "41c7", "knife", created.receiptCode, normaliseReceiptCode(created.receiptCode)!]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("decrypts with the server key, and cannot be read with another key", async () => {
    const created = await createSubmission(database.db, key, { payload, consentLevel: "national", agencyId: null });
    expect(await decryptSubmission(database.db, key, created.id)).toEqual(payload);
    expect(await decryptSubmission(database.db, otherKey, created.id)).toBeNull(); // another key id: not even tried
    const row = await database.db
      .selectFrom("submissions")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    const forged = { ...otherKey, id: key.id };
    await expect(decryptSubmission(database.db, forged, row.id)).rejects.toThrow();
  });

  it("finds a submission by its receipt however the code is typed, and by nothing else", async () => {
    const created = await createSubmission(database.db, key, {
      payload,
      consentLevel: "agency_stats",
      agencyId: "00000000-0000-4000-8000-000000000001",
    });
    const sloppy = created.receiptCode.toLowerCase().replace(/-/g, " ").replace(/0/g, "o").replace(/1/g, "l");
    expect((await findSubmissionByReceipt(database.db, key, sloppy))?.id).toBe(created.id);
    expect(await findSubmissionByReceipt(database.db, otherKey, created.receiptCode)).toBeUndefined();
    expect(await findSubmissionByReceipt(database.db, key, "AAAA-BBBB")).toBeUndefined();
  });

  it("flags a narrative already received as a possible duplicate instead of dropping it", async () => {
    const first = await createSubmission(database.db, key, {
      payload: { ...payload, narrative: `${payload.narrative} unique-dup-test` },
      consentLevel: "national",
      agencyId: null,
    });
    const again = await createSubmission(database.db, key, {
      payload: { ...payload, narrative: `  ${payload.narrative.toUpperCase()}   UNIQUE-DUP-TEST!` },
      consentLevel: "national",
      agencyId: null,
    });
    expect(first.possibleDuplicateOf).toBeNull();
    expect(again.possibleDuplicateOf).toBe(first.id);
    const rows = await database.db
      .selectFrom("submissions")
      .select(["id", "possible_duplicate_of"])
      .where("id", "in", [first.id, again.id])
      .execute();
    expect(rows).toHaveLength(2);
  });

  it("keeps no time of day anywhere in intake tables (docs/design.md §6.3)", async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_name IN ('submissions', 'submission_messages')`.execute(database.db);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => /time/i.test(r.data_type))).toEqual([]);
  });
});
