import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { testIntakeKey } from "../../tests/support/intake";
import { testBackends } from "../../tests/support/test-backends";
import type { DB } from "../database";
import { loadServerKey, type ServerKey } from "./server-key";
import type { SubmissionPayload } from "./submission-payload";
import { createSubmission } from "./submission-repository";

// Once, rows of `submissions` kept the order in which officers sent them within a day. The property:
// whatever the arrival order, a scan without ORDER BY returns a day's rows in the order of their random
// ids — also after a checkpoint and a restart.

const key = (loadServerKey({ envKey: testIntakeKey(), dataDir: "/none" }) as { key: ServerKey }).key;

const payload = (n: number): SubmissionPayload => ({
  version: 1,
  title: `Order test ${n}`,
  narrative: `Narrative number ${n}: the radio failed and backup was far away, so I waited.`,
  lessons: `Lesson ${n}: check the radio at the start of the shift.`,
  factors: ["eq_radio_failure"],
  incidentType: "traffic_stop",
  eventMonth: "2025-06",
  timeBlock: null,
  light: null,
  weather: null,
  officersOnScene: null,
  assignment: null,
  serviceBand: null,
  state: "OH",
  lossPotential: "serious_injury",
});

async function scanOrder(db: DB, day: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT id FROM submissions WHERE received_on = ${day}`.execute(db);
  return rows.map((r) => r.id);
}

describe.each(testBackends())("physical order of submissions (issue 14) on $name", (backend) => {
  it("a day's rows are stored in the order of their random ids, not in arrival order", async () => {
    const store = await backend.persistent();
    let database = await store.open();
    const arrival: string[] = [];
    for (let n = 0; n < 12; n++)
      arrival.push(
        (
          await createSubmission(database.db, key, {
            payload: payload(n),
            consentLevel: "national",
            agencyId: null,
            receivedOn: "2026-03-02",
          })
        ).id,
      );
    // Another day's submissions in between change nothing.
    await createSubmission(database.db, key, {
      payload: payload(99),
      consentLevel: "national",
      agencyId: null,
      receivedOn: "2026-03-03",
    });
    const parallel = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        createSubmission(database.db, key, {
          payload: payload(100 + n),
          consentLevel: "national",
          agencyId: null,
          receivedOn: "2026-03-02",
        }),
      ),
    );
    arrival.push(...parallel.map((p) => p.id));

    const byId = [...arrival].sort();
    const scanned = await scanOrder(database.db, "2026-03-02");
    expect(scanned).toEqual(byId);
    expect(scanned).not.toEqual(arrival); // 18 random ids arrive sorted with probability 1/18!

    await database.close();
    database = await store.open();
    try {
      expect(await scanOrder(database.db, "2026-03-02")).toEqual(byId);
      const { rows } = await sql<{ id: string }>`SELECT id FROM submissions ORDER BY id`.execute(database.db);
      expect(rows.filter((r) => byId.includes(r.id)).map((r) => r.id)).toEqual(byId);
    } finally {
      await database.close();
    }
  });
});

describe("physical order of submissions with several app processes on PostgreSQL (issue 18)", () => {
  const postgres = testBackends().find((b) => b.name === "PostgreSQL")!;

  it("two processes' submissions arrive in id order; a reviewer's update meanwhile is never lost", async () => {
    const store = await postgres.persistent();
    // Two pools on one database: two app processes, each with its own in-process queue.
    const [a, b] = [await store.open(), await store.open()];
    try {
      const first = await createSubmission(a.db, key, {
        payload: payload(0),
        consentLevel: "national",
        agencyId: null,
        receivedOn: "2026-03-02",
      });
      const submit = (db: DB, n: number) =>
        createSubmission(db, key, {
          payload: payload(n),
          consentLevel: "national",
          agencyId: null,
          receivedOn: "2026-03-02",
        }).then((s) => s.id);
      // A reviewer on process B decides the first report while both processes rewrite its day again and again.
      const reviewer = (async () => {
        for (let n = 0; n < 10; n++) {
          await b.db
            .updateTable("submissions")
            .set({ rejection_reason: `decision ${n}` })
            .where("id", "=", first.id)
            .execute();
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      const ids = await Promise.all(Array.from({ length: 16 }, (_, n) => submit(n % 2 ? a.db : b.db, n + 1)));
      await reviewer;
      const all = [first.id, ...ids].sort();
      expect(await scanOrder(a.db, "2026-03-02")).toEqual(all);
      const row = await a.db
        .selectFrom("submissions")
        .select("rejection_reason")
        .where("id", "=", first.id)
        .executeTakeFirstOrThrow();
      expect(row.rejection_reason).toBe("decision 9");
    } finally {
      await a.close();
      await b.close();
    }
  });
});
