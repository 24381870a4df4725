import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/support/test-database";
import { AgencyAccessError } from "../accounts/agency-scope";
import type { OpenDatabase } from "../open";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";

// Only an agency's commanders manage its API tokens: an analyst of the same agency is refused.
let database: OpenDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const analyst = { id: crypto.randomUUID(), role: "agency_analyst", agencyId: crypto.randomUUID() } as const;

describe("API tokens", () => {
  it("are managed by the agency's commanders only", async () => {
    const refused = new AgencyAccessError("Only the agency's commanders manage API tokens");
    await expect(createApiToken(database.db, analyst, { name: "x", days: 30 })).rejects.toThrow(refused);
    await expect(listApiTokens(database.db, analyst)).rejects.toThrow(refused);
    await expect(revokeApiToken(database.db, analyst, crypto.randomUUID())).rejects.toThrow(refused);
  });
});
