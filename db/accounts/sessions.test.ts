import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../tests/support/test-backends";
import type { OpenStore } from "../open";
import { createSession, findActiveSession, PENDING_SESSION_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./sessions";
import { tokenHash } from "./tokens";
import { createUser, disableUser } from "./users";

const at = (start: Date, ms: number) => new Date(start.getTime() + ms);
const minute = 60_000;

describe.each(testBackends())("server-side sessions on $name", (backend) => {
  let database: OpenStore;
  let userId: string;
  beforeAll(async () => {
    database = await backend.open();
    userId = await createUser(database.db, {
      email: "s@example.test",
      displayName: "Session Tester",
      password: "a long enough password",
      role: "reviewer",
      agencyId: null,
    });
  });
  afterAll(() => database?.close());

  async function exists(id: string) {
    return (
      (await database.db
        .selectFrom("sessions")
        .select("id_hash")
        .where("id_hash", "=", tokenHash(id))
        .executeTakeFirst()) !== undefined
    );
  }

  it("end after 30 minutes without activity (idle timeout), and are deleted", async () => {
    const start = new Date("2026-03-01T08:00:00Z");
    const { id } = await createSession(database.db, userId, true, start);
    expect(await findActiveSession(database.db, id, at(start, SESSION_IDLE_MS - minute))).not.toBeNull();
    // Activity at 29 min moved the idle clock: 29 + 29 minutes is still fine.
    expect(await findActiveSession(database.db, id, at(start, 2 * SESSION_IDLE_MS - 2 * minute))).not.toBeNull();
    expect(await findActiveSession(database.db, id, at(start, 3 * SESSION_IDLE_MS))).toBeNull();
    expect(await exists(id)).toBe(false);
  });

  it("survive the root and route loaders reading a stale session at once (both move the idle clock)", async () => {
    const start = new Date("2026-03-01T08:00:00Z");
    const { id } = await createSession(database.db, userId, true, start);
    // Remix runs a page's loaders in parallel: each finds last_seen_at older than a minute and writes it.
    const later = at(start, 5 * minute);
    const found = await Promise.all(Array.from({ length: 6 }, () => findActiveSession(database.db, id, later)));
    expect(found.every((s) => s !== null && s.lastSeenAt.getTime() === later.getTime())).toBe(true);
    const row = await database.db
      .selectFrom("sessions")
      .select("last_seen_at")
      .where("id_hash", "=", tokenHash(id))
      .executeTakeFirstOrThrow();
    expect(row.last_seen_at.getTime()).toBe(later.getTime());
    // And an expired one read by several loaders at once is deleted once, and refused to all.
    const gone = await Promise.all(
      Array.from({ length: 6 }, () => findActiveSession(database.db, id, at(later, SESSION_IDLE_MS + minute))),
    );
    expect(gone).toEqual(Array(6).fill(null));
    expect(await exists(id)).toBe(false);
  });

  it("end 12 hours after sign-in even when active all along (absolute timeout)", async () => {
    const start = new Date("2026-03-02T08:00:00Z");
    const { id } = await createSession(database.db, userId, true, start);
    for (let t = 20 * minute; t < SESSION_ABSOLUTE_MS; t += 20 * minute) {
      expect(await findActiveSession(database.db, id, at(start, t))).not.toBeNull();
    }
    expect(await findActiveSession(database.db, id, at(start, SESSION_ABSOLUTE_MS + minute))).toBeNull();
    expect(await exists(id)).toBe(false);
  });

  it("a session waiting for its second factor lives 10 minutes", async () => {
    const start = new Date("2026-03-03T08:00:00Z");
    const { id } = await createSession(database.db, userId, false, start);
    expect(await findActiveSession(database.db, id, at(start, PENDING_SESSION_MS - minute))).not.toBeNull();
    expect(await findActiveSession(database.db, id, at(start, PENDING_SESSION_MS + minute))).toBeNull();
  });

  it("end when the account is disabled", async () => {
    const other = await createUser(database.db, {
      email: "d@example.test",
      displayName: "To Disable",
      password: "a long enough password",
      role: "reviewer",
      agencyId: null,
    });
    const { id } = await createSession(database.db, other, true);
    expect(await findActiveSession(database.db, id)).not.toBeNull();
    await disableUser(database.db, other);
    expect(await exists(id)).toBe(false);
    expect(await findActiveSession(database.db, id)).toBeNull();
  });

  it("use 256-bit random ids stored only as a SHA-256 hash", async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => createSession(database.db, userId, true)));
    for (const { id } of ids) expect(Buffer.from(id, "base64url")).toHaveLength(32);
    expect(new Set(ids.map((s) => s.id)).size).toBe(5);
    const stored = await database.db.selectFrom("sessions").select("id_hash").execute();
    for (const { id } of ids) expect(stored.some((s) => s.id_hash === id)).toBe(false);
  });
});
