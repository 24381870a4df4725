import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetAbuseGuard } from "../app/intake/abuse-guard.server";
import type { ReportActionData } from "../app/intake/submit-report.server";
import { readReportForm, type ReportFormInput } from "../app/intake/report-form-schema";
import { action, loader } from "../app/routes/report";
import { loadServerKey, type ServerKey } from "../db/intake/server-key";
import { decryptSubmission } from "../db/intake/submission-repository";
import type { OpenDatabase } from "../db/open";
import { hashPartnerCode } from "../db/security/partner-code";
import {
  call,
  formBody,
  postRequest,
  solveChallengeField,
  testIntakeKey,
  VALID_INPUT,
  type FormFields,
} from "./support/intake";
import { someReportInput } from "./support/report-arbitraries";
import { createTestContext } from "./support/test-context";
import { createTestDatabase } from "./support/test-database";

let database: OpenDatabase;
let context: ReturnType<typeof createTestContext>;
let key: ServerKey;
const PARTNER_CODE = "ABCDE-12345-FGHJK";
const AGENCY_ID = "00000000-0000-4000-8000-0000000000a1";

beforeAll(async () => {
  database = await createTestDatabase();
  const intakeKey = testIntakeKey();
  context = createTestContext(database, { intakeKey });
  key = (loadServerKey({ envKey: intakeKey, dataDir: "/none" }) as { key: ServerKey }).key;
  const someAgency = await database.db.selectFrom("agencies").selectAll().limit(1).executeTakeFirst();
  expect(someAgency).toBeUndefined(); // a fresh database: the test adds its own agency
  await database.db
    .insertInto("agencies")
    .values({
      id: AGENCY_ID,
      name: "Test City Police Department",
      state: "OH",
      census_region: "midwest",
      size_band: "100-499",
      status: "active",
      partner_code_hash: hashPartnerCode(PARTNER_CODE),
      contact_name: null,
      contact_email: null,
      applied_at: new Date(),
      decided_at: null,
      left_at: null,
      is_synthetic: true,
    })
    .execute();
});
afterAll(() => database.close());
beforeEach(() => {
  resetAbuseGuard({ powCounter: [1, 4], noScriptMinSeconds: 0 });
});

const fieldsOf = (input: ReportFormInput, extra: FormFields = {}): FormFields => ({ ...input, ...extra });
const post = (fields: FormFields, headers?: Record<string, string>) =>
  call<ReportActionData>(action, postRequest("/report", fields, headers), context);

async function review(input: ReportFormInput) {
  const result = await post(fieldsOf(input, { intent: "review" }));
  if (result.data.stage !== "review") throw new Error(`expected review, got ${JSON.stringify(result)}`);
  return result.data;
}

async function send(input: ReportFormInput, extra: FormFields = {}) {
  const { challenge } = await review(input);
  return post(
    fieldsOf(input, { intent: "send", challenge, proof: await solveChallengeField(challenge), website: "", ...extra }),
  );
}

async function submissionCount(): Promise<number> {
  const row = await database.db
    .selectFrom("submissions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

describe("report form: loader and action", () => {
  it("answers 503 with a plain explanation when the key is missing or weak (fail closed)", async () => {
    for (const intakeKey of [undefined, "", Buffer.alloc(32).toString("base64")]) {
      const closed = createTestContext(database, { intakeKey });
      const page = await call<string>(loader, new Request("http://closecall.test/report"), closed);
      expect(page.status).toBe(503);
      expect(page.data).toMatch(/encryption key is missing or not safe/);
      const before = await submissionCount();
      const posted = await call<string>(
        action,
        postRequest("/report", fieldsOf(VALID_INPUT, { intent: "send" })),
        closed,
      );
      expect(posted.status).toBe(503);
      expect(await submissionCount()).toBe(before);
    }
  });

  it("reviews, then sends: the receipt comes after the encrypted submission is stored", async () => {
    const reviewed = await review(VALID_INPUT);
    expect(reviewed.values).toEqual(VALID_INPUT);
    const sent = await send(VALID_INPUT);
    expect(sent.status).toBe(200);
    if (sent.data.stage !== "receipt") throw new Error("no receipt");
    const row = await database.db
      .selectFrom("submissions")
      .selectAll()
      .where("status", "=", "received")
      .orderBy("id")
      .execute();
    const mine = [];
    for (const r of row) {
      const payload = await decryptSubmission(database.db, key, r.id);
      if (payload?.title === VALID_INPUT.title) mine.push({ r, payload });
    }
    expect(mine).toHaveLength(1);
    expect(mine[0]!.payload).toMatchObject({
      narrative: VALID_INPUT.narrative,
      eventMonth: "2025-03",
      state: "OH",
      factors: VALID_INPUT.factors,
    });
    expect(mine[0]!.r.agency_id).toBeNull();
  });

  it("the review says, field by field, which details look identifying, and stores nothing (issue 16)", async () => {
    const before = await submissionCount();
    const input = {
      ...VALID_INPUT,
      title: "Knife missed on a stop with Sgt. Miller",
      narrative:
        `${VALID_INPUT.narrative} Badge #4471 was on the report, plate 7ABC123, at Elm St and 4th Ave on ` +
        `03/14/2025, and we were on TAC 3.`,
    };
    const reviewed = await review(input);
    expect(reviewed.identifiers.map((w) => w.field)).toEqual(["title", "narrative"]);
    const listed = (field: string) =>
      reviewed.identifiers.find((w) => w.field === field)!.items.map((i) => `${i.type}:${i.text}`);
    expect(listed("title")).toEqual(["PERSON:Miller"]);
    expect(listed("narrative")).toEqual([
      "BADGE_OR_UNIT:4471",
      "PLATE:7ABC123",
      "LOCATION:Elm St and 4th Ave",
      "DATE:03/14/2025",
      "RADIO_CHANNEL:TAC 3",
    ]);
    for (const w of reviewed.identifiers)
      for (const span of w.spans) expect(input[w.field].slice(span.start, span.end)).toBeTruthy();
    expect((await review(VALID_INPUT)).identifiers).toEqual([]);
    expect(await submissionCount()).toBe(before);
    // "Change …" beside a flagged field returns to the step that holds it (lessons: step 3 of the form).
    const back = await post(fieldsOf(input, { intent: "edit-2" }));
    expect(back.data).toMatchObject({ stage: "edit", step: 2, values: input });
  });

  it("links the agency only for a current partner code; an unknown code is a field error, not dropped", async () => {
    const unknown = await post(
      fieldsOf(
        { ...VALID_INPUT, consentLevel: "agency_stats", partnerCode: "ZZZZZ-ZZZZZ-ZZZZZ" },
        { intent: "review" },
      ),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.data).toMatchObject({ stage: "edit", step: 5, values: { partnerCode: "ZZZZZ-ZZZZZ-ZZZZZ" } });
    expect(unknown.data.stage === "edit" && unknown.data.errors.partnerCode?.[0]).toMatch(/not recognised/);

    const input = {
      ...VALID_INPUT,
      narrative: `${VALID_INPUT.narrative} (shared)`,
      consentLevel: "agency_share",
      partnerCode: "abcde 12345 fghjk",
    };
    expect((await review(input)).agencyName).toBe("Test City Police Department");
    expect((await send(input)).data.stage).toBe("receipt");
    const linked = await database.db
      .selectFrom("submissions")
      .select(["agency_id", "consent_level"])
      .where("agency_id", "=", AGENCY_ID)
      .execute();
    expect(linked).toEqual([{ agency_id: AGENCY_ID, consent_level: "agency_share" }]);
  });

  it("returns every error next to its field and loses none of the officer's text", async () => {
    const input = { ...VALID_INPUT, narrative: "Too short.", lessons: "Long enough? no", incidentType: "" };
    const result = await post(fieldsOf(input, { intent: "review" }));
    expect(result.status).toBe(400);
    if (result.data.stage !== "edit") throw new Error("expected edit");
    expect(Object.keys(result.data.errors).sort()).toEqual(["incidentType", "lessons", "narrative"]);
    expect(result.data.values).toEqual(input);
    expect(result.data.step).toBe(0);
  });

  it("rejects a replayed challenge, a forged proof and a filled honeypot, keeping the report", async () => {
    const { challenge } = await review(VALID_INPUT);
    const proof = await solveChallengeField(challenge);
    const input = { ...VALID_INPUT, narrative: `${VALID_INPUT.narrative} (replay test)` };
    const first = await post(fieldsOf(input, { intent: "send", challenge, proof }));
    expect(first.data.stage).toBe("receipt");
    const before = await submissionCount();
    const replay = await post(fieldsOf(input, { intent: "send", challenge, proof }));
    expect(replay.status).toBe(400);
    expect(replay.data).toMatchObject({
      stage: "review",
      values: input,
      formError: expect.stringMatching(/already used/),
    });
    expect(replay.data.stage === "review" && replay.data.challenge).not.toBe(challenge); // a fresh one to try again

    const fresh = (await review(VALID_INPUT)).challenge;
    const forged = await post(
      fieldsOf(VALID_INPUT, {
        intent: "send",
        challenge: fresh,
        proof: Buffer.from(JSON.stringify({ counter: 1, derivedKey: "00" })).toString("base64url"),
      }),
    );
    expect(forged).toMatchObject({
      status: 400,
      data: { stage: "review", formError: expect.stringMatching(/did not pass/) },
    });
    const tampered = await post(fieldsOf(VALID_INPUT, { intent: "send", challenge: "eyJub3QiOiJzaWduZWQifQ", proof }));
    expect(tampered.status).toBe(400);

    const honeypot = await send(VALID_INPUT, { website: "http://spam.example" });
    expect(honeypot).toMatchObject({
      status: 400,
      data: { stage: "edit", values: VALID_INPUT, formError: expect.stringMatching(/meant to stay empty/) },
    });
    expect(await submissionCount()).toBe(before);
  });

  it("flags a resubmitted narrative as a possible duplicate and still gives a receipt", async () => {
    const input = { ...VALID_INPUT, narrative: `${VALID_INPUT.narrative} (duplicate test)` };
    expect((await send(input)).data.stage).toBe("receipt");
    expect((await send({ ...input, title: "Same story again" })).data.stage).toBe("receipt");
    const flagged = await database.db
      .selectFrom("submissions")
      .select("possible_duplicate_of")
      .where("possible_duplicate_of", "is not", null)
      .execute();
    expect(flagged.length).toBeGreaterThanOrEqual(1);
  });

  it("without JavaScript: no proof, but a genuine unused challenge old enough, under tighter caps", async () => {
    resetAbuseGuard({ powCounter: [1, 4], noScriptMinSeconds: 3600, noScriptSubmissionsPerAddressPerHour: 1 });
    const input = { ...VALID_INPUT, narrative: `${VALID_INPUT.narrative} (no-script test)` };
    const { challenge } = await review(input);
    const early = await post(fieldsOf(input, { intent: "send", challenge, proof: "" }));
    expect(early).toMatchObject({
      status: 400,
      data: { stage: "review", formError: expect.stringMatching(/read through/) },
    });

    resetAbuseGuard({ powCounter: [1, 4], noScriptMinSeconds: 0, noScriptSubmissionsPerAddressPerHour: 1 });
    const ok = await post(fieldsOf(input, { intent: "send", challenge: (await review(input)).challenge, proof: "" }));
    expect(ok.data.stage).toBe("receipt");
    const capped = await post(
      fieldsOf(input, { intent: "send", challenge: (await review(input)).challenge, proof: "" }),
    );
    expect(capped).toMatchObject({ status: 429, data: { stage: "review", values: input } });
    // The proof-of-work path still has room.
    expect((await send(input)).data.stage).toBe("receipt");
  });

  it("caps submissions per address per hour and globally (429, report kept)", async () => {
    resetAbuseGuard({ powCounter: [1, 4], submissionsPerAddressPerHour: 2, submissionsPerHour: 3 });
    const at = (address: string) => ({ ...context, addressKey: address });
    const sendFrom = async (address: string, n: number) => {
      const input = { ...VALID_INPUT, narrative: `${VALID_INPUT.narrative} (cap ${address} ${n})` };
      const reviewed = await call<ReportActionData>(
        action,
        postRequest("/report", fieldsOf(input, { intent: "review" })),
        at(address),
      );
      const challenge = reviewed.data.stage === "review" ? reviewed.data.challenge : "";
      return call<ReportActionData>(
        action,
        postRequest(
          "/report",
          fieldsOf(input, { intent: "send", challenge, proof: await solveChallengeField(challenge) }),
        ),
        at(address),
      );
    };
    expect((await sendFrom("address-a", 1)).status).toBe(200);
    expect((await sendFrom("address-a", 2)).status).toBe(200);
    expect((await sendFrom("address-a", 3)).status).toBe(429);
    expect((await sendFrom("address-b", 1)).status).toBe(200);
    expect((await sendFrom("address-c", 1)).status).toBe(429); // global cap of 3 reached
  });

  it("refuses bodies over 1 MB with 413, also when streamed without a length", async () => {
    const big = "x".repeat(1024 * 1024 + 10);
    const streamed = new Request("http://closecall.test/report", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`intent=review&narrative=${big}`));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    const result = await call<string>(action, streamed, context);
    expect(result.status).toBe(413);
    expect(result.data).toMatch(/larger than 1 MB/);
  });

  it("refuses posts from other sites (Fetch Metadata, Origin)", async () => {
    expect((await post(fieldsOf(VALID_INPUT, { intent: "review" }), { "Sec-Fetch-Site": "cross-site" })).status).toBe(
      403,
    );
    expect((await post(fieldsOf(VALID_INPUT, { intent: "review" }), { Origin: "https://evil.example" })).status).toBe(
      403,
    );
    expect(
      (
        await post(fieldsOf(VALID_INPUT, { intent: "review" }), {
          Origin: "http://closecall.test",
          "Sec-Fetch-Site": "same-origin",
        })
      ).status,
    ).toBe(200);
  });

  it("property: any input yields 2xx or 4xx with field errors, never a 500, and never stores plaintext", async () => {
    resetAbuseGuard({ powCounter: [1, 2], submissionsPerHour: 1e6, submissionsPerAddressPerHour: 1e6 });
    const seen = { receipt: 0, edit: 0 };
    await fc.assert(
      fc.asyncProperty(someReportInput, fc.constantFrom("review", "send"), async (input, intent) => {
        let extra: FormFields = { intent };
        if (intent === "send") {
          const reviewed = await post(fieldsOf(input, { intent: "review" }));
          const challenge = reviewed.data.stage === "review" ? reviewed.data.challenge : "";
          extra = { intent, challenge, proof: challenge ? await solveChallengeField(challenge) : "" };
        }
        const result = await post(fieldsOf(input, extra));
        expect([200, 400]).toContain(result.status);
        if (result.data.stage === "receipt" || result.data.stage === "edit") seen[result.data.stage]++;
        if (result.status === 400) {
          expect(result.data.stage).toBe("edit");
          if (result.data.stage === "edit") expect(Object.keys(result.data.errors).length).toBeGreaterThan(0);
        }
        // What arrived (after form encoding) comes back whole: nothing the officer wrote is lost.
        if (result.data.stage === "edit" || result.data.stage === "review")
          expect(result.data.values).toEqual(readReportForm(formBody(input)));
        if (result.data.stage === "receipt") {
          const rows = await database.db.selectFrom("submissions").selectAll().execute();
          const stored = rows
            .map(
              (r) =>
                JSON.stringify({ ...r, ciphertext: null, wrapped_key: null, nonce: null }) +
                Buffer.from(r.ciphertext!).toString("utf8"),
            )
            .join("\n");
          for (const text of [input.narrative.trim(), input.lessons.trim()]) expect(stored.includes(text)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
    // Both branches were exercised, so the property says something about each.
    expect(seen.receipt).toBeGreaterThan(3);
    expect(seen.edit).toBeGreaterThan(3);
  });
});
