import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../app/load-context";
import { nationalPanels } from "../../app/dashboard/models/page-panels";
import type { NationalDashboardView } from "../../app/dashboard/view-types";
import type { AgencyBookView } from "../../app/dashboard/agency-view-types";
import { agencySource } from "../../app/exports/export-sources";
import { toExportTable } from "../../app/exports/dashboard-tables";
import { readAgencyBook } from "../../analytics/release-book/read-book";
import { loader as agencyLoader } from "../../app/routes/agency._index";
import { loader as agencyFile } from "../../app/routes/agency_.$kind.$file";
import { loader as briefingPage } from "../../app/routes/agency_.briefing";
import { loader as briefingPdf } from "../../app/routes/agency_.briefing[.]pdf";
import { loader as nationalLoader } from "../../app/routes/national._index";
import { loader as nationalFile } from "../../app/routes/national_.$kind.$file";
import { loader as summaryFile } from "../../app/routes/national.summary_.$kind.$file";
import type { OpenDatabase } from "../../db/open";
import { asScreenTable, readCsv, readXlsx } from "../support/export-files";
import { htmlTables } from "../support/html-tables";
import { callRoute } from "../support/route-call";
import { createTestUser, getAs, signInTestUser, type SignedInTestUser } from "../support/test-accounts";
import { createTestContext } from "../support/test-context";
import { createSeededTestDatabase } from "../support/test-database";

// The dashboards' downloads against what the page shows: the same tables (headers, rows, cell texts,
// withheld cells included) for the same filters, for the person's own agency only.

let database: OpenDatabase;
/** k = 25: many withheld cells even for the large agency. */
let strict: AppContext;
let context: AppContext;
let html: (path: string, who: SignedInTestUser | null, ctx?: AppContext) => Promise<string>;
let agencyA: { id: string; reports: number };
let agencyB: { id: string; reports: number };
const people: Record<string, SignedInTestUser> = {};
const QUERY = "?from=2023-01&to=2025-12&vs=national";
/** The agency page's choices: its book's default period (the latest released year), against the nation. */
const AQ = "?vs=national";

type Loader = (args: { request: Request; params: Record<string, string>; context: AppContext }) => Promise<Response>;

async function download(loader: unknown, url: string, file: string, who: SignedInTestUser | null, ctx = strict) {
  try {
    const response = await (loader as Loader)({
      request: getAs(url, who),
      params: { kind: new URL(url, "http://test").pathname.split("/").at(-2)!, file },
      context: ctx,
    });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return { status: thrown.status, headers: thrown.headers, bytes: Buffer.from(await thrown.arrayBuffer()) };
  }
}

beforeAll(async () => {
  database = await createSeededTestDatabase({ reports: 6000, seed: 12, agencies: 40 });
  context = createTestContext(database);
  strict = createTestContext(database, { privacyK: 25 });
  const { rows } = await sql<{ id: string; reports: number }>`
    SELECT p.agency_id::VARCHAR AS id, count(*) AS reports FROM report_protected p JOIN reports r ON r.id = p.report_id
    WHERE p.agency_id IS NOT NULL AND r.event_month BETWEEN '2023-01-01'::DATE AND '2025-12-01'::DATE
    GROUP BY 1 ORDER BY reports DESC, id LIMIT 2`.execute(database.db);
  [agencyA, agencyB] = rows.map((r) => ({ id: r.id, reports: Number(r.reports) })) as [typeof agencyA, typeof agencyB];
  const signedIn = async (role: Parameters<typeof createTestUser>[1], agencyId: string | null = null) =>
    signInTestUser(database.db, await createTestUser(database.db, role, { agencyId }));
  people.trainerA = await signedIn("agency_trainer", agencyA.id);
  people.commanderA = await signedIn("agency_commander", agencyA.id);
  people.analystA = await signedIn("agency_analyst", agencyA.id);
  people.trainerB = await signedIn("agency_trainer", agencyB.id);
  people.national = await signedIn("national_analyst");
  people.admin = await signedIn("administrator");
  const build = (await import(path.resolve(import.meta.dirname, "../../build/index.js"))) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  html = async (p, who, ctx = strict) => (await handler(getAs(p, who), { ...ctx })).text();
});
afterAll(async () => {
  await database?.close();
});

/** Compares every table of a page with its CSV and XLSX download; returns how many cells were withheld. */
async function compareTables(
  page: string,
  tableIds: string[],
  loader: unknown,
  base: string,
  who: SignedInTestUser,
  query = QUERY,
  ctx = strict,
) {
  const screen = htmlTables(await html(`${base}${query}`, who, ctx));
  let withheld = 0;
  for (const id of tableIds) {
    const csv = await download(loader, `${base}/tables/${id}.csv${query}`, `${id}.csv`, who, ctx);
    expect(csv.status, `${page} ${id}.csv`).toBe(200);
    const fromCsv = readCsv(csv.bytes);
    const caption = fromCsv.meta.find(([k]) => k === "File")![1];
    const onScreen = screen.filter((t) => t.caption === caption);
    expect(onScreen, `${page}: one table captioned “${caption}” on the screen`).toHaveLength(1);
    expect(fromCsv.headers, `${page} ${id}.csv`).toEqual(onScreen[0]!.headers);
    expect(fromCsv.rows, `${page} ${id}.csv`).toEqual(onScreen[0]!.rows);
    const xlsx = await download(loader, `${base}/tables/${id}.xlsx${query}`, `${id}.xlsx`, who, ctx);
    const book = await readXlsx(xlsx.bytes);
    expect(book.sheets).toHaveLength(1);
    // Shares and interval bounds are numbers in columns of their own: joined again, they read as the screen.
    const joined = asScreenTable(book.sheets[0]!);
    const plain = (headers: string[]) => headers.map((h) => h.replace(/ \(95% interval\)$/, ""));
    expect(plain(joined.headers)).toEqual(plain(onScreen[0]!.headers));
    expect(joined.rows, `${page} ${id}.xlsx`).toEqual(onScreen[0]!.rows);
    expect(book.sheets[0]!.headers.join("|")).not.toContain("▲");
    withheld += onScreen[0]!.rows.flat().filter((c) => c.startsWith("withheld — ")).length;
  }
  return withheld;
}

describe("a download is the table on the screen", () => {
  it("agency dashboard: each table's CSV and XLSX equal the page's table, withheld cells included", async () => {
    const view = (await callRoute(agencyLoader, getAs(`/agency${AQ}`, people.trainerA!), context)).data
      .view as AgencyBookView;
    expect(view.open).toBe(true);
    const ids = agencySource(view).panels.flatMap((p) => p.tables.map((t) => t.id));
    expect(ids).toEqual(expect.arrayContaining(["top-factors", "quarterly", "profile", "loss", "shared"]));
    await compareTables("agency", ids, agencyFile, "/agency", people.trainerA!, AQ, context);
  });

  it("national view: every table, the funnel's included (national analyst)", async () => {
    const view = (await callRoute(nationalLoader, getAs(`/national${QUERY}`, people.national!), strict)).data
      .view as NationalDashboardView;
    const ids = nationalPanels(view).flatMap((p) => p.tables.map((t) => t.id));
    expect(ids).toEqual(
      expect.arrayContaining(["totals", "funnel-agencies", "funnel-limits", "regional", "cooccurrence", "heatmap"]),
    );
    await compareTables("national", ids, nationalFile, "/national", people.national!);
  });

  it("national view with a comparison period: the two periods' factor table on screen is its download", async () => {
    const query = `${QUERY}&bfrom=2022-01&bto=2022-12`;
    const view = (await callRoute(nationalLoader, getAs(`/national${query}`, people.national!), strict)).data
      .view as NationalDashboardView;
    expect(nationalPanels(view).flatMap((p) => p.tables.map((t) => t.id))).toContain("period-profile");
    await compareTables("national", ["period-profile"], nationalFile, "/national", people.national!, query);
  });

  it("all.xlsx: a sheet per table of the page and a metadata sheet; shares and bounds in percent format", async () => {
    const view = (await callRoute(agencyLoader, getAs(`/agency${AQ}`, people.trainerA!), context)).data
      .view as AgencyBookView;
    const tables = agencySource(view).panels.flatMap((p) => p.tables);
    const book = await readXlsx(
      (await download(agencyFile, `/agency/tables/all.xlsx${AQ}`, "all.xlsx", people.trainerA!, context)).bytes,
    );
    expect(book.sheets.map((s) => s.rows.length)).toEqual(tables.map((t) => t.rows.length));
    expect(book.sheets.map((s) => s.headers)).toEqual(tables.map((t) => toExportTable(t, "xlsx").table.headers));
    const profile = book.sheets[tables.findIndex((t) => t.id === "profile")]!;
    expect(profile.headers).toEqual(
      expect.arrayContaining([
        "Your agency: share",
        "Your agency: share: 95% interval, lower",
        "Your agency: share: 95% interval, upper",
        "Flag",
      ]),
    );
    expect(profile.rows.flat().filter((c) => /^\d+\.\d%$/.test(c)).length).toBeGreaterThan(20);
    // Counts, shares and bounds stay numbers.
    expect(book.sheets.reduce((n, s) => n + s.numeric, 0)).toBeGreaterThan(100);
  });

  it("each file carries its choices in the page's words, layer, as-of date, taxonomy and privacy notes", async () => {
    const view = (await callRoute(agencyLoader, getAs(`/agency${AQ}`, people.trainerA!), context)).data
      .view as AgencyBookView;
    const q = `?period=${view.resolved.period}&factor=hc_low_light&vs=national`;
    const csv = readCsv(
      (await download(agencyFile, `/agency/tables/profile.csv${q}`, "profile.csv", people.trainerA!, context)).bytes,
    );
    const meta = Object.fromEntries(csv.meta.map(([k, v]) => [k, v]));
    expect(meta).toMatchObject({
      "Filter: Period of publication": view.resolved.period,
      "Filter: Factor followed": "Low light / darkness",
      "Filter: Compared with": "National, excluding your agency",
      "Taxonomy version": "1",
    });
    expect(meta["Generated (UTC)"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const notes = csv.meta
      .filter(([k]) => k === "Note")
      .map(([, v]) => v)
      .join(" ");
    expect(notes).toContain("Figures from: All reports counted toward your agency (release book)");
    expect(notes).toMatch(/As of the release of December 5, 2026/);
    const privacy = csv.meta
      .filter(([k]) => k === "Privacy")
      .map(([, v]) => v)
      .join(" ");
    expect(privacy).toContain("withheld below k = 10 reports");
    const book = await readXlsx(
      (await download(agencyFile, `/agency/tables/profile.xlsx${q}`, "profile.xlsx", people.trainerA!, context)).bytes,
    );
    expect(book.meta.map(([k]) => k)).toEqual(csv.meta.map(([k]) => k));
  });

  it("chart downloads are the panel's chart, choices in the title, image text and file name: SVG and PNG", async () => {
    const view = (await callRoute(agencyLoader, getAs(`/agency${AQ}`, people.trainerA!), context)).data
      .view as AgencyBookView;
    const year = view.resolved.period;
    const svg = await download(
      agencyFile,
      `/agency/charts/profile.svg?vs=size`,
      "profile.svg",
      people.trainerA!,
      context,
    );
    expect(svg.status).toBe(200);
    expect(svg.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(svg.headers.get("Content-Disposition")).toBe(
      `attachment; filename="closecall-agency-profile-${year}-vs-size.svg"`,
    );
    const text = svg.bytes.toString("utf8");
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain(`Contributing factors — ${year} · vs other agencies of`);
    expect(text).toContain("All reports counted toward your agency (release book)");
    expect(text).not.toMatch(/<style|<script/i);
    const png = await download(agencyFile, `/agency/charts/profile.png${AQ}`, "profile.png", people.trainerA!, context);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.readUInt32BE(16)).toBe(1440); // 720 px drawn at twice the size
    expect(
      (await download(agencyFile, `/agency/charts/nothing.svg${AQ}`, "nothing.svg", people.trainerA!, context)).status,
    ).toBe(404);
  });
});

describe("a trainer of agency A cannot export agency B's data by any parameter", () => {
  it("the file holds the trainer's own agency's book cells, and the same URL gives B's trainer B's", async () => {
    const a = readCsv(
      (await download(agencyFile, `/agency/tables/profile.csv${AQ}`, "profile.csv", people.trainerA!, context)).bytes,
    );
    const b = readCsv(
      (await download(agencyFile, `/agency/tables/profile.csv${AQ}`, "profile.csv", people.trainerB!, context)).bytes,
    );
    const { factors } = await import("../../domain/taxonomy/index");
    const label = new Map<string, string>(factors.map((f) => [f.label, f.code]));
    for (const [table, agency] of [
      [a, agencyA],
      [b, agencyB],
    ] as const) {
      const book = await readAgencyBook(database.db, agency.id);
      const year = book.years.at(-1)!;
      let checked = 0;
      for (const row of table.rows) {
        const code = label.get(row[0]!);
        if (code && /^\d/.test(row[3]!)) {
          expect(Number(row[3]!.replace(/,/g, ""))).toBe(book.cell(year, "agency", `f:${code}`));
          checked++;
        }
      }
      if (agency === agencyA) expect(checked).toBeGreaterThan(2);
    }
    expect(a.rows).not.toEqual(b.rows);
  });

  it("refuses a parameter that is not a filter of the page (an agency id above all), not ignoring it", async () => {
    for (const param of ["agency", "agencyId", "agency_id", "scope", "viewer", "user", "as"]) {
      const response = await download(
        agencyFile,
        `/agency/tables/profile.csv?${param}=${agencyB.id}`,
        "profile.csv",
        people.trainerA!,
      );
      expect(response.status, param).toBe(400);
      expect(response.bytes.toString("utf8")).toContain(`“${param}” is not a filter of this download`);
    }
    const chart = await download(
      agencyFile,
      `/agency/charts/profile.png?agency=${agencyB.id}`,
      "profile.png",
      people.trainerA!,
    );
    expect(chart.status).toBe(400);
  });

  it("only people who may export get files: no agency analyst, administrator or signed-out visitor", async () => {
    expect((await download(agencyFile, "/agency/tables/profile.csv", "profile.csv", people.analystA!)).status).toBe(
      403,
    );
    expect((await download(nationalFile, "/national/tables/profile.csv", "profile.csv", people.admin!)).status).toBe(
      403,
    );
    expect((await download(nationalFile, "/national/tables/profile.csv", "profile.csv", people.trainerA!)).status).toBe(
      403,
    );
    const signedOut = await download(agencyFile, "/agency/tables/profile.csv", "profile.csv", null);
    expect(signedOut.status).toBe(302);
    // The public summary is published figures: anyone who may read the library gets them.
    expect((await download(summaryFile, "/national/summary/tables/profile.csv", "profile.csv", null)).status).toBe(200);
  });

  it("every export by a signed-in person is in the audit log", async () => {
    const before = await database.db
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "export.created")
      .where("actor_user_id", "=", people.commanderA!.id)
      .execute();
    await download(agencyFile, `/agency/tables/loss.xlsx${AQ}`, "loss.xlsx", people.commanderA!, context);
    await download(agencyFile, `/agency/charts/loss.png${AQ}`, "loss.png", people.commanderA!, context);
    const after = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "export.created")
      .where("actor_user_id", "=", people.commanderA!.id)
      .orderBy("seq")
      .execute();
    expect(after.length - before.length).toBe(2);
    expect(after.slice(-2).map((e) => e.target_id)).toEqual(["agency/loss.xlsx", "agency/loss.png"]);
  });
});

describe("the training briefing", () => {
  async function pdfText(bytes: Buffer): Promise<string> {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "briefing-")), "b.pdf");
    writeFileSync(file, bytes);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  }

  it("the builder lists published reports and keeps the choice; the PDF is the trainer's agency", async () => {
    const page = await callRoute(briefingPage, getAs(`/agency/briefing${AQ}`, people.trainerA!), context);
    expect(page.status).toBe(200);
    const numbers = page.data.candidates.slice(0, 2).map((c: { publicNumber: string }) => c.publicNumber) as string[];
    expect(numbers).toHaveLength(2);
    const chosen = await callRoute(
      briefingPage,
      getAs(`/agency/briefing${AQ}&report=${numbers.join("&report=")}`, people.trainerA!),
      context,
    );
    expect(chosen.data.state.reports).toEqual(numbers);
    const pdf = await download(
      briefingPdf,
      `/agency/briefing.pdf${AQ}&report=${numbers.join("&report=")}`,
      "",
      people.trainerA!,
      context,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { name: nameA } = await database.db
      .selectFrom("agencies")
      .select("name")
      .where("id", "=", agencyA.id)
      .executeTakeFirstOrThrow();
    const { name: nameB } = await database.db
      .selectFrom("agencies")
      .select("name")
      .where("id", "=", agencyB.id)
      .executeTakeFirstOrThrow();
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(nameA);
    expect(text).not.toContain(nameB);
    for (const n of numbers) expect(text).toContain(`No. ${n}`);
    // The choices in the page's words and the layer travel with the figures.
    expect(text).toContain("Figures from: All reports counted toward your agency (release book).");
    const audit = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("actor_user_id", "=", people.trainerA!.id)
      .where("target_id", "=", "agency/briefing.pdf")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("over eight reports or a non-filter parameter: back to the builder, with the reason", async () => {
    const many = Array.from({ length: 9 }, (_, i) => `2024-0000${i + 1}`);
    const tooMany = await download(
      briefingPdf,
      `/agency/briefing.pdf?report=${many.join("&report=")}`,
      "",
      people.trainerA!,
    );
    expect(tooMany.status).toBe(302);
    expect(tooMany.headers.get("Location")).toBe(`/agency/briefing?report=${many.join("&report=")}`);
    const page = await callRoute(
      briefingPage,
      getAs(`/agency/briefing?report=${many.join("&report=")}`, people.trainerA!),
      strict,
    );
    expect(page.data.tooMany).toBe(true);
    const agency = await download(briefingPdf, `/agency/briefing.pdf?agency=${agencyB.id}`, "", people.trainerA!);
    expect(agency.status).toBe(302);
    const builder = await callRoute(
      briefingPage,
      getAs(`/agency/briefing?agency=${agencyB.id}`, people.trainerA!),
      strict,
    );
    expect(builder.status).toBe(400);
    expect(JSON.stringify(builder.data)).toContain("is not a filter of the briefing");
    expect((await download(briefingPdf, "/agency/briefing.pdf?report=2099-99999", "", people.trainerA!)).status).toBe(
      400,
    );
    expect((await callRoute(briefingPage, getAs("/agency/briefing", people.analystA!), strict)).status).toBe(403);
  });
});
