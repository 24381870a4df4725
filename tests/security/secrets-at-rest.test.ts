import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { currentTotp } from "../../db/accounts/mfa";
import { loadServerKey } from "../../db/intake/server-key";
import { openDatabase } from "../../db/open";
import { isSealed, secretBox } from "../../db/security/secret-box";
import { DEMO_TOTP_SECRET } from "../../db/synthetic/demo-accounts";
import { getPage, hiddenField, postForm, sessionCookieOf, signInOverHttp } from "../support/http-client";
import { startServer } from "../support/run-server";

// TOTP seeds are sealed under a key derived from the server key, and the
// database, its WAL and DATA_DIR are readable by their owner only.

const PASSWORD = "a long and unusual passphrase 5520";
const parent = mkdtempSync(path.join(tmpdir(), "closecall-rest-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const mode = (file: string) => statSync(file).mode & 0o777;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe("secrets at rest (issue 15 item 7)", () => {
  it("creates DATA_DIR 0700, the database and WAL 0600, seals every TOTP seed, writes none in clear", async () => {
    const dataDir = path.join(parent, "fresh", "data");
    const server = await startServer({ DATA_DIR: dataDir, SEED_REPORTS: "200", NODE_ENV: "development" });
    let enrolledSecret = "";
    try {
      const admin = await signInOverHttp(server.url, "admin@demo.closecall.test");
      const invited = await postForm(
        server.url,
        "/admin/users",
        { csrf: admin.csrf, intent: "invite", email: "rest@example.test", role: "reviewer" },
        { cookie: admin.cookie },
      );
      const token = decodeURIComponent(invited.body.match(/\/invitations\/accept\?token=([A-Za-z0-9_%-]+)/)![1]!);
      await postForm(server.url, "/invitations/accept", {
        token,
        displayName: "At Rest",
        password: PASSWORD,
        confirmPassword: PASSWORD,
      });
      const pending = await postForm(server.url, "/sign-in", { email: "rest@example.test", password: PASSWORD });
      const cookie = sessionCookieOf(pending);
      const page = await getPage(server.url, "/sign-in/enrol", cookie);
      enrolledSecret = page.body.match(/aria-label="Set-up key">([A-Z2-7 ]+)</)![1]!.replace(/ /g, "");
      const done = await postForm(
        server.url,
        "/sign-in/enrol",
        { csrf: hiddenField(page.body, "csrf"), code: await currentTotp(enrolledSecret) },
        { cookie },
      );
      expect(done.status).toBe(302);

      expect(mode(dataDir)).toBe(0o700);
      expect(mode(path.join(dataDir, "closecall.duckdb"))).toBe(0o600);
      expect(existsSync(path.join(dataDir, "closecall.duckdb.wal"))).toBe(true);
      expect(mode(path.join(dataDir, "closecall.duckdb.wal"))).toBe(0o600);
    } finally {
      await server.stop();
    }

    for (const file of filesUnder(dataDir)) {
      expect(mode(file) & 0o077).toBe(0);
      expect(readFileSync(file).includes(enrolledSecret)).toBe(false);
    }
    const key = loadServerKey({ envKey: undefined, dataDir });
    if (!key.ok) throw new Error(key.reason);
    const box = secretBox(key.key.accountSecretsKey);
    const database = await openDatabase({ location: path.join(dataDir, "closecall.duckdb") });
    try {
      const users = await database.db
        .selectFrom("users")
        .select(["id", "email", "totp_secret"])
        .where("totp_secret", "is not", null)
        .execute();
      expect(users.length).toBeGreaterThan(10);
      for (const user of users) {
        expect(isSealed(user.totp_secret!)).toBe(true);
        expect(user.totp_secret).not.toContain(DEMO_TOTP_SECRET);
        // Bound to its row: a seed copied onto another account does not open.
        expect(() => box.open(user.totp_secret!, `totp:${users.find((u) => u.id !== user.id)!.id}`)).toThrow();
      }
      const enrolled = users.find((u) => u.email === "rest@example.test")!;
      expect(box.open(enrolled.totp_secret!, `totp:${enrolled.id}`)).toBe(enrolledSecret);
      const sessions = await database.db
        .selectFrom("sessions")
        .select("enrolment_secret")
        .where("enrolment_secret", "is not", null)
        .execute();
      for (const s of sessions) expect(isSealed(s.enrolment_secret!)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it("narrows an existing DATA_DIR and database to their owner, seals seeds an older version left clear", async () => {
    const dataDir = path.join(parent, "older");
    mkdirSync(dataDir, { mode: 0o755 });
    const file = path.join(dataDir, "closecall.duckdb");
    const old = await openDatabase({ location: file });
    const id = crypto.randomUUID();
    await old.db
      .insertInto("users")
      .values({
        id,
        email: "old@example.test",
        display_name: "Old Seed",
        password_hash: "x",
        role: "reviewer",
        agency_id: null,
        status: "active",
        is_demo: false,
        totp_secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ",
        mfa_enrolled_at: new Date(),
        failed_sign_ins: 0,
        locked_until: null,
        created_at: new Date(),
        last_sign_in_at: null,
        totp_last_step: null,
        password_changed_at: null,
      })
      .execute();
    await old.close();
    chmodSync(dataDir, 0o755);
    chmodSync(file, 0o644);

    const server = await startServer({ DATA_DIR: dataDir, NODE_ENV: "production" });
    try {
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(server.output()).toContain("Sealed 1 TOTP secret(s) that were stored in clear.");
    } finally {
      await server.stop();
    }
    const database = await openDatabase({ location: file });
    try {
      const row = await database.db
        .selectFrom("users")
        .select("totp_secret")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(isSealed(row.totp_secret!)).toBe(true);
    } finally {
      await database.close();
    }
  });
});
