import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../tests/support/test-backends";
import type { OpenStore } from "../open";
import { authenticate, createUser, LOCKOUT_MS, LOCKOUT_THRESHOLD } from "./users";

const password = "a long enough password";

describe.each(testBackends())("account lockout on $name", (backend) => {
  let database: OpenStore;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  it(`locks an account for 15 minutes after ${LOCKOUT_THRESHOLD} failures in a row, right password or no`, async () => {
    await createUser(database.db, {
      email: "lock@example.test",
      displayName: "Lock",
      password,
      role: "reviewer",
      agencyId: null,
    });
    const start = new Date();
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      expect(
        await authenticate(database.db, "lock@example.test", "wrong password!", { allowDemo: true, now: start }),
      ).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect(
      await authenticate(database.db, "lock@example.test", "wrong password!", { allowDemo: true, now: start }),
    ).toMatchObject({ ok: false, reason: "locked", lockedNow: true });
    expect(
      await authenticate(database.db, "lock@example.test", password, {
        allowDemo: true,
        now: new Date(start.getTime() + LOCKOUT_MS - 1000),
      }),
    ).toMatchObject({ ok: false, reason: "locked" });
    expect(
      await authenticate(database.db, "LOCK@example.test ", password, {
        allowDemo: true,
        now: new Date(start.getTime() + LOCKOUT_MS + 1000),
      }),
    ).toMatchObject({ ok: true });
  });

  it("a success resets the count of failures", async () => {
    await createUser(database.db, {
      email: "reset@example.test",
      displayName: "Reset",
      password,
      role: "reviewer",
      agencyId: null,
    });
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++)
      await authenticate(database.db, "reset@example.test", "wrong password!", { allowDemo: true });
    const { recordSignIn } = await import("./users");
    const ok = await authenticate(database.db, "reset@example.test", password, { allowDemo: true });
    expect(ok.ok).toBe(true);
    if (ok.ok) await recordSignIn(database.db, ok.user.id);
    expect(await authenticate(database.db, "reset@example.test", "wrong password!", { allowDemo: true })).toMatchObject(
      { reason: "invalid" },
    );
  });
});
