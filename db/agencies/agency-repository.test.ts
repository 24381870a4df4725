import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../tests/support/test-backends";
import type { OpenStore } from "../open";
import { hashPartnerCode } from "../security/partner-code";
import { findActiveAgencyByPartnerCode } from "./agency-repository";

describe.each(testBackends())("findActiveAgencyByPartnerCode on $name", (backend) => {
  let database: OpenStore;
  beforeAll(async () => {
    database = await backend.open();
    const base = {
      state: "OH",
      census_region: "midwest",
      size_band: "25-99",
      contact_name: null,
      contact_email: null,
      applied_at: new Date(),
      decided_at: null,
      left_at: null,
      is_synthetic: false,
    };
    await database.db
      .insertInto("agencies")
      .values([
        {
          ...base,
          id: crypto.randomUUID(),
          name: "Active PD",
          status: "active",
          partner_code_hash: hashPartnerCode("ABCDE-FGHJK-MNPQR"),
        },
        {
          ...base,
          id: crypto.randomUUID(),
          name: "Left PD",
          status: "left",
          partner_code_hash: hashPartnerCode("ZZZZZ-ZZZZZ-ZZZZZ"),
        },
      ])
      .execute();
  });
  afterAll(() => database?.close());

  it("finds an active agency by its code, typed loosely", async () => {
    expect((await findActiveAgencyByPartnerCode(database.db, "abcde fghjk mnpqr"))?.name).toBe("Active PD");
  });
  it("ignores unknown codes and agencies that left the programme", async () => {
    expect(await findActiveAgencyByPartnerCode(database.db, "ABCDE-FGHJK-MNPQX")).toBeUndefined();
    expect(await findActiveAgencyByPartnerCode(database.db, "ZZZZZ-ZZZZZ-ZZZZZ")).toBeUndefined();
  });
});
