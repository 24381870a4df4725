import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../accounts/users";
import { testBackends } from "../../tests/support/test-backends";
import type { OpenStore } from "../open";
import { hashPassword, verifyPassword } from "./password";

// PHC string format: $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>
function parsePhc(phc: string) {
  const match = phc.match(
    /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/,
  );
  if (!match) throw new Error(`Not a PHC string: ${phc}`);
  const [, algorithm, version, m, t, p, salt, hash] = match;
  return {
    algorithm,
    version: Number(version),
    m: Number(m),
    t: Number(t),
    p: Number(p),
    saltBytes: Buffer.from(salt!, "base64").length,
    hashBytes: Buffer.from(hash!, "base64").length,
  };
}

describe.each(testBackends())("password hashing on $name", (backend) => {
  let database: OpenStore;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  it("stores argon2id with m ≥ 19 MiB, t = 2, p = 1 and a random 16-byte salt (read from the PHC string)", async () => {
    const id = await createUser(database.db, {
      email: "phc@example.test",
      displayName: "PHC",
      password: "tangerine harbor lamp",
      role: "reviewer",
      agencyId: null,
    });
    const { password_hash } = await database.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const phc = parsePhc(password_hash);
    expect(phc).toMatchObject({ algorithm: "argon2id", version: 19, t: 2, p: 1 });
    expect(phc.m).toBeGreaterThanOrEqual(19 * 1024);
    expect(phc.saltBytes).toBeGreaterThanOrEqual(16);
    expect(phc.hashBytes).toBeGreaterThanOrEqual(32);
    expect(await verifyPassword(password_hash, "tangerine harbor lamp")).toBe(true);
    expect(await verifyPassword(password_hash, "tangerine harbor lamb")).toBe(false);
  });

  it("salts every hash differently", async () => {
    expect(await hashPassword("same password twice")).not.toBe(await hashPassword("same password twice"));
  });
});
