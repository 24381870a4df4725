import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../tests/support/test-backends";
import { AgencyAccessError } from "../accounts/agency-scope";
import type { OpenStore } from "../open";
import { createUser } from "../accounts/users";
import { checkApiToken, createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";

// Only an agency's commanders manage its API tokens: an analyst of the same agency is refused.
const analyst = { id: crypto.randomUUID(), role: "agency_analyst", agencyId: crypto.randomUUID() } as const;

describe.each(testBackends())("API tokens on $name", (backend) => {
  let database: OpenStore;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  it("are managed by the agency's commanders only", async () => {
    const refused = new AgencyAccessError("Only the agency's commanders manage API tokens");
    await expect(createApiToken(database.db, analyst, { name: "x", days: 30 })).rejects.toThrow(refused);
    await expect(listApiTokens(database.db, analyst)).rejects.toThrow(refused);
    await expect(revokeApiToken(database.db, analyst, crypto.randomUUID())).rejects.toThrow(refused);
  });

  it("work from creation to revocation: checked, listed, touched once, refused when revoked or expired", async () => {
    const agencyId = crypto.randomUUID();
    await database.db
      .insertInto("agencies")
      .values({
        id: agencyId,
        name: "Token PD",
        state: "OH",
        census_region: "midwest",
        size_band: "25-99",
        status: "active",
        partner_code_hash: null,
        contact_name: null,
        contact_email: null,
        applied_at: new Date(),
        decided_at: null,
        left_at: null,
        is_synthetic: false,
      })
      .execute();
    const commanderId = await createUser(database.db, {
      email: "commander@example.test",
      displayName: "Commander",
      password: "a long enough password",
      role: "agency_commander",
      agencyId,
    });
    const commander = { id: commanderId, role: "agency_commander", agencyId } as const;
    const created = new Date("2026-03-01T08:00:00.250Z");
    const issued = await createApiToken(database.db, commander, { name: "Records system", days: 30 }, created);
    const used = new Date(created.getTime() + 3_600_000);
    expect(await checkApiToken(database.db, issued.token, used)).toEqual({
      ok: true,
      caller: { tokenId: issued.id, agencyId, createdBy: commanderId },
    });
    expect(await listApiTokens(database.db, commander, used)).toEqual([
      expect.objectContaining({
        id: issued.id,
        name: "Records system",
        createdBy: "Commander",
        createdAt: created,
        expiresAt: issued.expiresAt,
        lastUsedAt: used,
        status: "active",
      }),
    ]);
    expect(await checkApiToken(database.db, issued.token, issued.expiresAt)).toMatchObject({ problem: "expired" });
    expect(await revokeApiToken(database.db, commander, issued.id, used)).toBe(true);
    expect(await revokeApiToken(database.db, commander, issued.id, used)).toBe(false);
    expect(await checkApiToken(database.db, issued.token, used)).toMatchObject({ ok: false, problem: "revoked" });
    const audit = await database.db.selectFrom("audit_log").select("action").orderBy("seq").execute();
    expect(audit.map((a) => a.action)).toEqual(["api_token.created", "api_token.revoked"]);
  });
});
